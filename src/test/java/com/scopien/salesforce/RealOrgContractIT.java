package com.scopien.salesforce;

import com.scopien.config.Secret;
import org.junit.jupiter.api.Assumptions;

/**
 * The contract suite against a real org, run only when {@code SCOPIEN_CONTRACT_LOGIN_URL} (the
 * org's My Domain), {@code SCOPIEN_CONTRACT_CLIENT_ID} and {@code SCOPIEN_CONTRACT_CLIENT_SECRET}
 * (an app with the client credentials flow enabled) are set. It creates and deletes one Lead.
 */
class RealOrgContractIT extends SalesforceClientContractIT {

  @Override
  Target target() {
    String loginUrl = System.getenv("SCOPIEN_CONTRACT_LOGIN_URL");
    String clientId = System.getenv("SCOPIEN_CONTRACT_CLIENT_ID");
    String clientSecret = System.getenv("SCOPIEN_CONTRACT_CLIENT_SECRET");
    if (loginUrl == null || clientId == null || clientSecret == null) {
      Assumptions.abort(
          "Skipped: set SCOPIEN_CONTRACT_LOGIN_URL, SCOPIEN_CONTRACT_CLIENT_ID and"
              + " SCOPIEN_CONTRACT_CLIENT_SECRET to run the client contract against a real org.");
    }
    return new Target(loginUrl, clientId, Secret.of(clientSecret), false);
  }
}
