package com.scopien.salesforce;

import java.net.http.HttpClient;
import java.time.Duration;

/** Builds Salesforce clients; the composition root's one entry into this package's REST side. */
public final class SalesforceClients {
  private SalesforceClients() {}

  /**
   * A client for one org. {@code sessions} supplies and renews its session (see {@link
   * OAuthSessionProvider}); {@code http} may be shared by every org's client.
   */
  public static HttpSalesforceClient create(
      HttpClient http, SessionProvider sessions, ClientOptions options) {
    return new HttpSalesforceClient(http, sessions, options);
  }

  /**
   * {@link #create(HttpClient, SessionProvider, ClientOptions)} with {@link
   * ClientOptions#defaults()}.
   */
  public static HttpSalesforceClient create(HttpClient http, SessionProvider sessions) {
    return create(http, sessions, ClientOptions.defaults());
  }

  /**
   * An HTTP client suited to Salesforce: HTTP/1.1, a 10 s connect timeout, no redirects (a redirect
   * must never carry a bearer token to another host).
   */
  public static HttpClient newHttpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }
}
