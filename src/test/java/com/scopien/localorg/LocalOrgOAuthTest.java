package com.scopien.localorg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopien.testing.MutableClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OAuth endpoints of a small local org, over real HTTP. */
class LocalOrgOAuthTest {

  private static final String CALLBACK = "http://localhost:7070/oauth/callback";
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

  private static MutableClock clock;
  private static LocalOrg org;
  private static OrgHttp anonymous;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.parse("2025-06-02T10:15:30Z"));
    org =
        LocalOrg.start(
            LocalOrgOptions.sandbox()
                .withScale(new LocalOrgOptions.Scale(0.01))
                .withClock(clock)
                .withSessionIdleTimeout(Duration.ofHours(2)));
    anonymous = new OrgHttp(org.baseUrl());
  }

  @AfterAll
  static void stop() {
    org.close();
  }

  @Test
  void clientCredentialsGiveASalesforceShapedToken() throws Exception {
    OrgHttp.Reply reply =
        anonymous.form(
            "/services/oauth2/token",
            Map.of(
                "grant_type", "client_credentials",
                "client_id", "scopien-local",
                "client_secret", "scopien-local-secret"));

    assertThat(reply.status()).isEqualTo(200);
    JsonNode token = reply.json();
    assertThat(token.get("access_token").asText()).startsWith(org.orgId().substring(0, 15) + "!");
    assertThat(token.get("instance_url").asText()).isEqualTo(org.baseUrl());
    assertThat(token.get("id").asText())
        .isEqualTo(org.baseUrl() + "/id/" + org.orgId() + "/" + org.userId());
    assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(token.get("issued_at").isTextual()).isTrue();
    assertThat(token.get("issued_at").asText()).isEqualTo(Long.toString(clock.millis()));
    assertThat(token.has("expires_in")).isFalse();
    assertThat(token.has("refresh_token")).isFalse();
    assertThat(token.get("signature").asText())
        .isEqualTo(
            hmac(
                "scopien-local-secret",
                token.get("id").asText() + token.get("issued_at").asText()));
  }

  @Test
  void clientCredentialsAcceptHttpBasic() {
    OrgHttp.Reply reply =
        anonymous.formWithBasic(
            "/services/oauth2/token",
            Map.of("grant_type", "client_credentials"),
            "scopien-local",
            "scopien-local-secret");
    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void wrongSecretIsInvalidClient() {
    OrgHttp.Reply reply =
        anonymous.form(
            "/services/oauth2/token",
            Map.of(
                "grant_type", "client_credentials",
                "client_id", "scopien-local",
                "client_secret", "wrong"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error").asText()).isEqualTo("invalid_client");
    assertThat(reply.json().get("error_description").asText())
        .isEqualTo("invalid client credentials");
  }

  @Test
  void unknownClientAndGrantTypeAreNamed() {
    OrgHttp.Reply unknown =
        anonymous.form(
            "/services/oauth2/token",
            Map.of("grant_type", "client_credentials", "client_id", "nope", "client_secret", "x"));
    assertThat(unknown.json().get("error").asText()).isEqualTo("invalid_client_id");

    OrgHttp.Reply grant =
        anonymous.form(
            "/services/oauth2/token", Map.of("grant_type", "magic", "client_id", "scopien-local"));
    assertThat(grant.status()).isEqualTo(400);
    assertThat(grant.json().get("error").asText()).isEqualTo("unsupported_grant_type");
  }

  @Test
  void authorizePageShowsLoginAndRequestedAccess() {
    OrgHttp.Reply page = anonymous.get(authorizeQuery("state-1"));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "name=\"username\"",
            "name=\"password\"",
            "Read Data",
            "Write Data",
            "API Access",
            "value=\"state-1\"",
            "Sandbox");
  }

  @Test
  void authorizeRefusesUnknownCallbacksWithoutRedirecting() {
    OrgHttp.Reply page =
        anonymous.get(
            "/services/oauth2/authorize?response_type=code"
                + "&client_id=scopien-local&redirect_uri="
                + OrgHttp.encode("https://evil.example/cb"));
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.header("Location")).isNull();
    assertThat(page.body()).contains("redirect_uri_mismatch");
  }

  @Test
  void authorizationCodeWithPkceAndRefresh() {
    String code = approve("xyz");

    OrgHttp.Reply token = exchange(code, VERIFIER);
    assertThat(token.status()).isEqualTo(200);
    JsonNode json = token.json();
    assertThat(json.get("refresh_token").asText()).isNotBlank();
    assertThat(json.get("scope").asText()).isEqualTo("api refresh_token");

    OrgHttp api = anonymous.withToken(json.get("access_token").asText());
    assertThat(api.get(OrgHttp.V + "/limits").status()).isEqualTo(200);

    OrgHttp.Reply refreshed =
        anonymous.form(
            "/services/oauth2/token",
            Map.of(
                "grant_type", "refresh_token",
                "client_id", "scopien-local",
                "refresh_token", json.get("refresh_token").asText()));
    assertThat(refreshed.status()).isEqualTo(200);
    assertThat(refreshed.json().has("refresh_token")).isFalse();
    assertThat(refreshed.json().get("access_token").asText())
        .isNotEqualTo(json.get("access_token").asText());
  }

  @Test
  void codesAreSingleUse() {
    String code = approve("s");
    assertThat(exchange(code, VERIFIER).status()).isEqualTo(200);

    OrgHttp.Reply again = exchange(code, VERIFIER);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(again.json().get("error_description").asText())
        .isEqualTo("expired authorization code");
  }

  @Test
  void wrongOrMissingVerifierIsRefused() {
    OrgHttp.Reply wrong = exchange(approve("s"), VERIFIER + "x");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_request");

    Map<String, String> form =
        new HashMap<>(
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                approve("s"),
                "client_id",
                "scopien-local",
                "redirect_uri",
                CALLBACK));
    OrgHttp.Reply missing = anonymous.form("/services/oauth2/token", form);
    assertThat(missing.json().get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void denyingRedirectsWithAccessDenied() {
    Map<String, String> form = loginForm("st");
    form.put("action", "deny");
    OrgHttp.Reply reply = anonymous.form("/services/oauth2/authorize", form);
    assertThat(reply.status()).isEqualTo(302);
    assertThat(reply.header("Location"))
        .startsWith(CALLBACK + "?error=access_denied")
        .endsWith("&state=st");
  }

  @Test
  void wrongPasswordShowsThePageAgainWithoutACode() {
    Map<String, String> form = loginForm("st");
    form.put("password", "nope");
    form.put("action", "allow");
    OrgHttp.Reply reply = anonymous.form("/services/oauth2/authorize", form);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).contains("check your username and password");
  }

  @Test
  void revokingTheRefreshTokenKillsItsAccessTokens() {
    JsonNode token = exchange(approve("r"), VERIFIER).json();
    OrgHttp api = anonymous.withToken(token.get("access_token").asText());
    assertThat(api.get(OrgHttp.V + "/limits").status()).isEqualTo(200);

    OrgHttp.Reply revoke =
        anonymous.form(
            "/services/oauth2/revoke", Map.of("token", token.get("refresh_token").asText()));
    assertThat(revoke.status()).isEqualTo(200);

    OrgHttp.Reply after = api.get(OrgHttp.V + "/limits");
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.json().get(0).get("errorCode").asText()).isEqualTo("INVALID_SESSION_ID");
    OrgHttp.Reply refresh =
        anonymous.form(
            "/services/oauth2/token",
            Map.of(
                "grant_type",
                "refresh_token",
                "client_id",
                "scopien-local",
                "refresh_token",
                token.get("refresh_token").asText()));
    assertThat(refresh.json().get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void idleSessionsExpire() {
    OrgHttp api = OrgHttp.connected(org);
    assertThat(api.get(OrgHttp.V + "/limits").status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(119));
    assertThat(api.get(OrgHttp.V + "/limits").status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(119));
    assertThat(api.get(OrgHttp.V + "/limits").status()).isEqualTo(200);
    clock.advance(Duration.ofHours(2));

    OrgHttp.Reply expired = api.get(OrgHttp.V + "/limits");
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.json().get(0).get("message").asText())
        .isEqualTo("Session expired or invalid");
  }

  @Test
  void identityUrlDescribesTheUser() {
    OrgHttp api = OrgHttp.connected(org);
    String id = "/id/" + org.orgId() + "/" + org.userId();
    OrgHttp.Reply identity = api.get(id);
    assertThat(identity.status()).isEqualTo(200);
    JsonNode json = identity.json();
    assertThat(json.get("user_id").asText()).isEqualTo(org.userId());
    assertThat(json.get("organization_id").asText()).isEqualTo(org.orgId());
    assertThat(json.get("username").asText()).isEqualTo("john.doe@acme.com");
    assertThat(json.get("display_name").asText()).isEqualTo("John Doe");
    assertThat(json.get("urls").get("rest").asText())
        .isEqualTo(org.baseUrl() + "/services/data/v{version}/");

    assertThat(anonymous.get(id).status()).isEqualTo(403);

    JsonNode userInfo = api.get("/services/oauth2/userinfo").json();
    assertThat(userInfo.get("preferred_username").asText()).isEqualTo("john.doe@acme.com");
    assertThat(userInfo.get("organization_id").asText()).isEqualTo(org.orgId());
  }

  private String approve(String state) {
    Map<String, String> form = loginForm(state);
    form.put("action", "allow");
    OrgHttp.Reply reply = anonymous.form("/services/oauth2/authorize", form);
    assertThat(reply.status()).isEqualTo(302);
    URI location = URI.create(reply.header("Location"));
    assertThat(location.toString()).startsWith(CALLBACK + "?code=").endsWith("&state=" + state);
    Matcher code = Pattern.compile("code=([^&]+)").matcher(location.getRawQuery());
    assertThat(code.find()).isTrue();
    return java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
  }

  private Map<String, String> loginForm(String state) {
    Map<String, String> form = new HashMap<>();
    form.put("response_type", "code");
    form.put("client_id", "scopien-local");
    form.put("redirect_uri", CALLBACK);
    form.put("scope", "api refresh_token");
    form.put("state", state);
    form.put("code_challenge", OAuthTokenHandler.Pkce.challenge(VERIFIER));
    form.put("code_challenge_method", "S256");
    form.put("username", "john.doe@acme.com");
    form.put("password", "demo1234");
    return form;
  }

  private OrgHttp.Reply exchange(String code, String verifier) {
    return anonymous.form(
        "/services/oauth2/token",
        Map.of(
            "grant_type", "authorization_code",
            "code", code,
            "client_id", "scopien-local",
            "redirect_uri", CALLBACK,
            "code_verifier", verifier));
  }

  private String authorizeQuery(String state) {
    return "/services/oauth2/authorize?response_type=code&client_id=scopien-local"
        + "&redirect_uri="
        + OrgHttp.encode(CALLBACK)
        + "&state="
        + state
        + "&code_challenge="
        + OAuthTokenHandler.Pkce.challenge(VERIFIER)
        + "&code_challenge_method=S256";
  }

  private static String hmac(String key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
  }
}
