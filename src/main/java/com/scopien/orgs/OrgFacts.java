package com.scopien.orgs;

import com.scopien.ScopienException;
import com.scopien.salesforce.ClientOptions;
import com.scopien.salesforce.Identity;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceClients;
import com.scopien.salesforce.SessionProvider;
import com.scopien.salesforce.TokenResponse;
import java.net.http.HttpClient;

/**
 * What an org says about itself right after sign-in: its Organization row (Id, Name, Edition,
 * IsSandbox) and the identity of the user the token acts as. These fill the verification card and
 * decide whether the org is the environment the admin chose.
 */
record OrgFacts(String orgId, String name, String edition, boolean sandbox, String username) {

  /** Reads the facts with the new token (two API calls). */
  static OrgFacts read(
      TokenResponse token, OAuthClient oauth, HttpClient http, ClientOptions options) {
    SalesforceClient probe =
        SalesforceClients.create(http, SessionProvider.fixed(token.session()), options);
    SObjectRecord organization =
        probe
            .query("SELECT Id, Name, OrganizationType, IsSandbox FROM Organization LIMIT 1")
            .records()
            .stream()
            .findFirst()
            .orElseThrow(
                () ->
                    ScopienException.invalid(
                        "no_organization",
                        "The org did not describe itself (no Organization row)."));
    String username = null;
    if (token.idUrl() != null) {
      Identity identity = oauth.identity(token.idUrl(), token.accessToken());
      username = identity.username();
    }
    return new OrgFacts(
        String.valueOf(organization.get("Id")),
        String.valueOf(organization.get("Name")),
        String.valueOf(organization.get("OrganizationType")),
        Boolean.TRUE.equals(organization.get("IsSandbox")),
        username);
  }

  /**
   * @throws ScopienException INVALID_INPUT {@code environment_mismatch} when the org is not the
   *     environment the admin chose
   */
  void requireEnvironment(Environment chosen) {
    if (sandbox != (chosen == Environment.SANDBOX)) {
      throw ScopienException.invalid(
          "environment_mismatch",
          "That org is a "
              + (sandbox ? "sandbox" : "production org")
              + ", but it was added as "
              + chosen.wireName()
              + ". Choose "
              + (sandbox ? "Sandbox" : "Production")
              + " and try again.");
    }
  }
}
