package com.scopien.sync;

import com.scopien.config.Secret;
import com.scopien.localorg.LocalOrg;
import com.scopien.salesforce.ClientOptions;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceClients;
import com.scopien.salesforce.SessionProvider;
import java.net.http.HttpClient;

/** A real REST client signed in to a local org over HTTP, as the product connects to any org. */
final class LocalOrgConnection {
  private LocalOrgConnection() {}

  static SalesforceClient connect(LocalOrg org) {
    HttpClient http = SalesforceClients.newHttpClient();
    var token =
        new OAuthClient(http)
            .clientCredentials(
                org.baseUrl(), org.options().clientId(), Secret.of(org.options().clientSecret()));
    return SalesforceClients.create(
        http,
        SessionProvider.fixed(token.session()),
        ClientOptions.defaults().withQueryBatchSize(2000));
  }
}
