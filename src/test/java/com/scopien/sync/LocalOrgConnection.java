package com.scopien.sync;

import com.scopien.config.Secret;
import com.scopien.localorg.LocalOrg;
import com.scopien.salesforce.ClientOptions;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.OAuthSessionProvider;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceClients;
import com.scopien.salesforce.SessionProvider;
import java.net.http.HttpClient;

/** A real REST client signed in to a local org over HTTP, as the product connects to any org. */
final class LocalOrgConnection {
  private LocalOrgConnection() {}

  /** A client that signs in again (client credentials) when the org ends its session. */
  static SalesforceClient renewing(LocalOrg org, int pageSize) {
    HttpClient http = SalesforceClients.newHttpClient();
    SessionProvider sessions =
        OAuthSessionProvider.clientCredentials(
            new OAuthClient(http),
            org.baseUrl(),
            org.options().clientId(),
            Secret.of(org.options().clientSecret()),
            null,
            renewed -> {});
    return SalesforceClients.create(
        http, sessions, ClientOptions.defaults().withQueryBatchSize(pageSize));
  }
}
