package com.scopien.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException.Kind;
import com.scopien.config.Secret;
import com.scopien.salesforce.ScriptedSalesforceServer.Recorded;
import com.scopien.salesforce.ScriptedSalesforceServer.Reply;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthClientTest {
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
  private static final Secret CLIENT_SECRET = Secret.of("scopien-local-secret");
  private static final String ID_URL =
      "https://login.salesforce.com/id/00D5e000000XXXXEAA/0055e000001YYYYAAA";

  private ScriptedSalesforceServer server;
  private OAuthClient oauth;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedSalesforceServer();
    oauth =
        new OAuthClient(
            SalesforceClients.newHttpClient(),
            Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void clientCredentialsPostsAFormAndReadsTheToken() {
    server.enqueue(Reply.json(200, tokenJson("1676372418560", false, null)));

    TokenResponse token = oauth.clientCredentials(server.url(), "scopien-local", CLIENT_SECRET);

    assertThat(token.accessToken().reveal()).isEqualTo("00D5e000000XXXX!AQ0AQ");
    assertThat(token.refreshToken()).isEmpty();
    assertThat(token.instanceUrl()).isEqualTo(server.url());
    assertThat(token.idUrl()).isEqualTo(ID_URL);
    assertThat(token.issuedAt()).isEqualTo(Instant.ofEpochMilli(1676372418560L));
    assertThat(token.scope()).isEqualTo("api");
    assertThat(token.orgId()).contains("00D5e000000XXXXEAA");
    assertThat(token.userId()).contains("0055e000001YYYYAAA");
    assertThat(token.session().instanceUrl()).isEqualTo(server.url());
    assertThat(token.toString()).doesNotContain("AQ0AQ");

    Recorded sent = server.requests().get(0);
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo("/services/oauth2/token");
    assertThat(sent.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(form(sent.body()))
        .containsEntry("grant_type", "client_credentials")
        .containsEntry("client_id", "scopien-local")
        .containsEntry("client_secret", "scopien-local-secret");
  }

  @Test
  void aTokenWithoutIssuedAtIsStampedWithTheClock() {
    server.enqueue(
        Reply.json(200, "{\"access_token\":\"t\",\"instance_url\":\"" + server.url() + "\"}"));

    assertThat(oauth.clientCredentials(server.url(), "c", CLIENT_SECRET).issuedAt()).isEqualTo(NOW);
  }

  @Test
  void aTamperedSignatureIsRefused() {
    server.enqueue(Reply.json(200, tokenJson("1676372418560", false, "AAAAbadsignature=")));

    assertThatThrownBy(() -> oauth.clientCredentials(server.url(), "c", CLIENT_SECRET))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("invalid_signature");
              assertThat(e.needsReauthorization()).isFalse();
            });
  }

  @Test
  void authorizationCodeFlowWithPkce() {
    Pkce pkce = Pkce.generate();
    String url =
        oauth.authorizationUrl(
            "https://login.salesforce.com/",
            "client id",
            "http://localhost:7070/oauth/callback",
            "state-1",
            pkce.challenge(),
            List.of("api", "refresh_token"));

    URI uri = URI.create(url);
    assertThat(uri.getHost()).isEqualTo("login.salesforce.com");
    assertThat(uri.getPath()).isEqualTo("/services/oauth2/authorize");
    assertThat(form(uri.getRawQuery()))
        .containsEntry("response_type", "code")
        .containsEntry("client_id", "client id")
        .containsEntry("redirect_uri", "http://localhost:7070/oauth/callback")
        .containsEntry("state", "state-1")
        .containsEntry("code_challenge", pkce.challenge())
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("scope", "api refresh_token");

    server.enqueue(Reply.json(200, tokenJson("1676372418560", true, null)));
    TokenResponse token =
        oauth.exchangeCode(
            server.url(),
            "client id",
            CLIENT_SECRET,
            "http://localhost:7070/oauth/callback",
            "aPrxsmIEeqM9",
            pkce.verifier());

    assertThat(token.refreshToken()).map(Secret::reveal).contains("5Aep861");
    assertThat(form(server.requests().get(0).body()))
        .containsEntry("grant_type", "authorization_code")
        .containsEntry("code", "aPrxsmIEeqM9")
        .containsEntry("code_verifier", pkce.verifier())
        .containsEntry("redirect_uri", "http://localhost:7070/oauth/callback");
  }

  @Test
  void pkceChallengeIsTheS256OfTheVerifier() {
    // RFC 7636 appendix B.
    Pkce pkce = Pkce.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    assertThat(pkce.challenge()).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    assertThat(Pkce.generate().verifier()).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(pkce.toString()).doesNotContain(pkce.verifier());
  }

  @Test
  void refreshKeepsTheRefreshTokenWhenNoneComesBack() {
    server.enqueue(
        Reply.json(200, tokenJson("1676372418560", false, null)),
        Reply.json(200, tokenJson("1676372418999", true, null)));

    TokenResponse kept = oauth.refresh(server.url(), "c", CLIENT_SECRET, Secret.of("old-refresh"));
    TokenResponse rotated =
        oauth.refresh(server.url(), "c", CLIENT_SECRET, Secret.of("old-refresh"));

    assertThat(kept.refreshToken()).map(Secret::reveal).contains("old-refresh");
    assertThat(rotated.refreshToken()).map(Secret::reveal).contains("5Aep861");
    assertThat(form(server.requests().get(0).body()))
        .containsEntry("grant_type", "refresh_token")
        .containsEntry("refresh_token", "old-refresh");
  }

  @Test
  void oauthErrorsMapToKindsAndInvalidGrantNeedsReauthorization() {
    server.enqueue(
        Reply.json(
            400,
            "{\"error\":\"invalid_grant\",\"error_description\":\"expired access/refresh token\"}"),
        Reply.json(
            400,
            "{\"error\":\"invalid_client_id\",\"error_description\":\"client identifier invalid\"}"),
        Reply.text(502, "text/html", "<html>Bad gateway</html>"));

    assertThatThrownBy(() -> oauth.refresh(server.url(), "c", CLIENT_SECRET, Secret.of("r")))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> {
              assertThat(e.needsReauthorization()).isTrue();
              assertThat(e.errorCode()).isEqualTo("invalid_grant");
              assertThat(e.code()).isEqualTo("salesforce_invalid_grant");
              assertThat(e.kind()).isEqualTo(Kind.UPSTREAM);
              assertThat(e.httpStatus()).isEqualTo(400);
              assertThat(e.getMessage()).contains("expired access/refresh token");
            });
    assertThatThrownBy(() -> oauth.clientCredentials(server.url(), "nope", CLIENT_SECRET))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> {
              assertThat(e.needsReauthorization()).isFalse();
              assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
            });
    assertThatThrownBy(() -> oauth.clientCredentials(server.url(), "c", CLIENT_SECRET))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.RETRIABLE);
              assertThat(e.errorCode()).isEqualTo("HTTP_502");
              assertThat(e.getMessage()).doesNotContain("<html>");
            });
  }

  @Test
  void revokeAndIdentity() {
    server.enqueue(
        Reply.empty(200),
        Reply.json(400, "{\"error\":\"invalid_token\",\"error_description\":\"invalid token\"}"),
        Reply.json(
            200,
            """
            {"id":"x","user_id":"0055e000001YYYYAAA","organization_id":"00D5e000000XXXXEAA",
             "username":"john.doe@acme.com","display_name":"John Doe","email":"john.doe@acme.com",
             "urls":{"rest":"https://acme.my.salesforce.com/services/data/v{version}/"}}
            """));

    oauth.revoke(server.url(), Secret.of("refresh-1"));
    assertThatThrownBy(() -> oauth.revoke(server.url(), Secret.of("refresh-1")))
        .hasFieldOrPropertyWithValue("errorCode", "invalid_token");
    Identity me =
        oauth.identity(
            server.url() + "/id/00D5e000000XXXXEAA/0055e000001YYYYAAA", Secret.of("tok"));

    assertThat(me)
        .isEqualTo(
            new Identity(
                "0055e000001YYYYAAA",
                "00D5e000000XXXXEAA",
                "john.doe@acme.com",
                "John Doe",
                "john.doe@acme.com"));
    List<Recorded> sent = server.requests();
    assertThat(sent.get(0).path()).isEqualTo("/services/oauth2/revoke");
    assertThat(form(sent.get(0).body())).containsEntry("token", "refresh-1");
    assertThat(sent.get(2).header("Authorization")).isEqualTo("Bearer tok");
  }

  @Test
  void loginUrlsMustBeHttpsUnlessLoopback() {
    for (String bad :
        List.of(
            "http://login.salesforce.com",
            "http://10.0.0.5:8080",
            "http://127.0.0.1.evil.com",
            "ftp://login.salesforce.com",
            "login.salesforce.com",
            "https://user:pw@login.salesforce.com",
            "")) {
      assertThatThrownBy(() -> oauth.clientCredentials(bad, "c", CLIENT_SECRET))
          .as(bad)
          .isInstanceOfSatisfying(
              SalesforceException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
                assertThat(e.errorCode()).isEqualTo("INVALID_LOGIN_URL");
              });
    }
    for (String loopback :
        List.of(
            "http://localhost:1", "http://127.0.0.2:1", "http://[::1]:1", "https://x.invalid")) {
      assertThat(LoginUrls.requireSafeBase(loopback, "Login URL", "X")).isEqualTo(loopback);
    }
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void anUnreachableLoginHostGivesAClearErrorNamingIt() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    assertThatThrownBy(
            () -> oauth.clientCredentials("http://127.0.0.1:" + closedPort, "c", CLIENT_SECRET))
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.RETRIABLE);
              assertThat(e.errorCode()).isEqualTo("UNREACHABLE");
              assertThat(e.getMessage())
                  .isEqualTo("Cannot connect to the Salesforce login host 127.0.0.1.");
            });
  }

  private String tokenJson(String issuedAt, boolean withRefresh, String signature) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("access_token", "00D5e000000XXXX!AQ0AQ");
    if (withRefresh) {
      fields.put("refresh_token", "5Aep861");
    }
    fields.put("signature", signature != null ? signature : sign(ID_URL + issuedAt));
    fields.put("scope", "api");
    fields.put("instance_url", server.url());
    fields.put("id", ID_URL);
    fields.put("token_type", "Bearer");
    fields.put("issued_at", issuedAt);
    StringBuilder json = new StringBuilder("{");
    fields.forEach(
        (k, v) ->
            json.append(json.length() > 1 ? "," : "")
                .append('"')
                .append(k)
                .append("\":\"")
                .append(v)
                .append('"'));
    return json.append('}').toString();
  }

  private static String sign(String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(CLIENT_SECRET.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> form(String body) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      values.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return values;
  }
}
