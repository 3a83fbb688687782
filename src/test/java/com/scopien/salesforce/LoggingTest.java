package com.scopien.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.scopien.config.Secret;
import com.scopien.salesforce.ScriptedSalesforceServer.Reply;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingTest {
  private static final String ACCESS_TOKEN = "00Dxx0000001gPL!ARoAQSuperSecretAccessToken";
  private static final String RENEWED_TOKEN = "00Dxx0000001gPL!ARoAQRenewedSecretToken";
  private static final String CLIENT_SECRET = "client-secret-value-9876";

  private final Logger packageLogger = (Logger) LoggerFactory.getLogger("com.scopien.salesforce");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private Level previousLevel;
  private ScriptedSalesforceServer server;

  @BeforeEach
  void capture() throws Exception {
    previousLevel = packageLogger.getLevel();
    packageLogger.setLevel(Level.DEBUG);
    appender.start();
    packageLogger.addAppender(appender);
    server = new ScriptedSalesforceServer();
  }

  @AfterEach
  void release() {
    packageLogger.detachAppender(appender);
    packageLogger.setLevel(previousLevel);
    server.close();
  }

  @Test
  void callsAreLoggedWithMethodPathAndStatusButNeverTokensHeadersOrSoql() {
    String token =
        "{\"access_token\":\""
            + RENEWED_TOKEN
            + "\",\"instance_url\":\""
            + server.url()
            + "\",\"issued_at\":\"1\"}";
    server.enqueue(
        Reply.error(401, "INVALID_SESSION_ID", "Session expired or invalid"),
        Reply.json(200, token),
        Reply.json(200, "{\"totalSize\":0,\"done\":true,\"records\":[]}"),
        Reply.error(400, "MALFORMED_QUERY", "unexpected token"));
    OAuthClient oauth = new OAuthClient(SalesforceClients.newHttpClient());
    TokenResponse initial =
        new TokenResponse(
            Secret.of(ACCESS_TOKEN),
            java.util.Optional.empty(),
            server.url(),
            null,
            java.time.Instant.EPOCH,
            null);
    SessionProvider sessions =
        OAuthSessionProvider.clientCredentials(
            oauth, server.url(), "scopien-local", Secret.of(CLIENT_SECRET), initial, t -> {});
    HttpSalesforceClient client =
        SalesforceClients.create(
            SalesforceClients.newHttpClient(),
            sessions,
            ClientOptions.defaults().withRetryPolicy(RetryPolicy.none()));

    client.query("SELECT Id FROM Contact WHERE Email = 'jane.roe@acme.com'");
    assertThatThrownBy(() -> client.query("SELECT Id FORM Contact"));

    String logged = everythingLogged();
    assertThat(server.requests().get(0).header("Authorization"))
        .isEqualTo("Bearer " + ACCESS_TOKEN);
    assertThat(server.requests().get(2).header("Authorization"))
        .isEqualTo("Bearer " + RENEWED_TOKEN);
    assertThat(logged)
        .contains("GET /services/data/v62.0/query -> 401")
        .contains("POST /services/oauth2/token -> 200")
        .contains("GET /services/data/v62.0/query -> 200")
        .doesNotContain(ACCESS_TOKEN)
        .doesNotContain(RENEWED_TOKEN)
        .doesNotContain(CLIENT_SECRET)
        .doesNotContainIgnoringCase("authorization")
        .doesNotContainIgnoringCase("bearer")
        .doesNotContain("jane.roe");
  }

  private String everythingLogged() {
    List<ILoggingEvent> events = appender.list;
    return events.stream()
        .map(
            e ->
                e.getFormattedMessage()
                    + (e.getThrowableProxy() == null
                        ? ""
                        : ThrowableProxyUtil.asString(e.getThrowableProxy())))
        .collect(Collectors.joining("\n"));
  }
}
