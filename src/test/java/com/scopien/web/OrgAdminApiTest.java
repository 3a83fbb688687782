package com.scopien.web;

import static com.scopien.web.FakeApiKeyAuthenticator.ADMIN_KEY;
import static com.scopien.web.FakeApiKeyAuthenticator.GUEST_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopien.orgs.Environment;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admin's org routes and the OAuth callback, over HTTP, with a recording service behind. */
class OrgAdminApiTest {

  private final WebServerFixture server = new WebServerFixture();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void connectStartsASignInWithTheCallbackOfThisServer() {
    HttpResponse<String> response =
        server.post(
            "/api/orgs/connect",
            ADMIN_KEY,
            "{\"name\":\"Acme UAT\",\"environment\":\"sandbox\",\"clientId\":\"app\","
                + "\"clientSecret\":\"s3cret\",\"loginUrl\":\"https://acme--uat.sandbox.my.salesforce.com/\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode body = server.json(response);
    String callback = server.uri("/oauth/callback").toString();
    assertThat(body.get("requestId").asText()).isEqualTo("req-1");
    assertThat(body.get("callbackUrl").asText()).isEqualTo(callback);
    assertThat(body.get("authorizeUrl").asText())
        .startsWith("https://acme--uat.sandbox.my.salesforce.com/services/oauth2/authorize");
    assertThat(body.get("expiresAt").asText()).isEqualTo("2025-06-01T12:10:00Z");
    assertThat(response.body()).doesNotContain("s3cret");
    var request = server.orgAdmin.lastRequest;
    assertThat(request.environment()).isEqualTo(Environment.SANDBOX);
    assertThat(request.redirectUri()).isEqualTo(callback);
    assertThat(request.clientSecret())
        .hasValueSatisfying(s -> assertThat(s.reveal()).isEqualTo("s3cret"));
    assertThat(server.orgAdmin.calls).containsExactly("start u-1");
  }

  @Test
  void connectNamesTheFieldThatIsWrong() {
    server.assertError(
        server.post("/api/orgs/connect", ADMIN_KEY, "{\"name\":\"X\",\"clientId\":\"a\"}"),
        400,
        "missing_environment",
        "'environment'");
    server.assertError(
        server.post(
            "/api/orgs/connect",
            ADMIN_KEY,
            "{\"name\":\"X\",\"environment\":\"staging\",\"clientId\":\"a\"}"),
        400,
        "invalid_environment",
        "production or sandbox");
    server.assertError(
        server.post(
            "/api/orgs/connect", ADMIN_KEY, "{\"name\":\"X\",\"environment\":\"production\"}"),
        400,
        "missing_client_id",
        "'clientId'");
    server.assertError(
        server.post(
            "/api/orgs/connect",
            ADMIN_KEY,
            "{\"name\":\"<script>\",\"environment\":\"production\",\"clientId\":\"a\"}"),
        400,
        "invalid_org_name",
        "org name");
    assertThat(server.orgAdmin.calls).isEmpty();
  }

  @Test
  void everyOrgChangeNeedsAnAdminKey() {
    String[][] routes = {
      {"POST", "/api/orgs/connect"},
      {"GET", "/api/orgs/connect/req-1"},
      {"GET", "/api/orgs/org-prod"},
      {"POST", "/api/orgs/org-prod/reconnect"},
      {"DELETE", "/api/orgs/org-prod"},
    };
    for (String[] route : routes) {
      HttpResponse<String> asGuest = call(route[0], route[1], GUEST_KEY);
      server.assertError(asGuest, 403, "forbidden", "guest");
      HttpResponse<String> anonymous = call(route[0], route[1], null);
      server.assertError(anonymous, 401, "unauthorized", "API key");
    }
    assertThat(server.orgAdmin.calls).isEmpty();
  }

  @Test
  void theCardShowsWhatTheGuideShows() {
    JsonNode card = server.json(server.get("/api/orgs/org-prod", ADMIN_KEY));

    assertThat(card.get("organizationName").asText()).isEqualTo("Acme Corporation");
    assertThat(card.get("edition").asText()).isEqualTo("Enterprise");
    assertThat(card.get("username").asText()).isEqualTo("john.doe@acme.com");
    assertThat(card.get("status").asText()).isEqualTo("active");
    assertThat(card.get("statusLabel").asText()).isEqualTo("Active");
    assertThat(card.get("domain").asText()).isEqualTo("org-prod.my.example.test");
    assertThat(card.get("lastSyncAt").asText()).isEqualTo("2025-06-01T11:58:00Z");
    server.assertError(server.get("/api/orgs/nope", ADMIN_KEY), 404, "unknown_org", "no such");
  }

  @Test
  void theOutcomeOfASignInCarriesItsError() {
    JsonNode outcome = server.json(server.get("/api/orgs/connect/req-1", ADMIN_KEY));

    assertThat(outcome.get("status").asText()).isEqualTo("failed");
    assertThat(outcome.at("/error/code").asText()).isEqualTo("environment_mismatch");
    assertThat(outcome.get("org").isNull()).isTrue();
    server.assertError(
        server.get("/api/orgs/connect/other", ADMIN_KEY), 404, "unknown_connect_request", "");
  }

  @Test
  void disconnectKeepsTheOrgAndRemoveDeletesIt() {
    HttpResponse<String> disconnected = server.delete("/api/orgs/org-prod", ADMIN_KEY);
    assertThat(disconnected.statusCode()).isEqualTo(200);
    assertThat(server.json(disconnected).at("/org/status").asText()).isEqualTo("disconnected");
    assertThat(server.json(disconnected).get("tokenRevoked").asBoolean()).isTrue();

    HttpResponse<String> removed = server.delete("/api/orgs/org-prod?remove=true", ADMIN_KEY);
    assertThat(removed.statusCode()).isEqualTo(204);
    assertThat(server.orgAdmin.calls).containsExactly("disconnect org-prod", "remove org-prod");
  }

  @Test
  void reconnectSendsTheBrowserBackToTheOrg() {
    JsonNode reply = server.json(server.post("/api/orgs/org-sbx/reconnect", ADMIN_KEY, ""));

    assertThat(reply.at("/authorization/authorizeUrl").asText())
        .isEqualTo("https://login.example.test/authorize");
    assertThat(reply.get("org").isNull()).isTrue();
    assertThat(server.orgAdmin.calls)
        .containsExactly("reconnect org-sbx " + server.uri("/oauth/callback"));
  }

  @Test
  void theCallbackSendsTheBrowserToTheIntegrationsPageWithoutAKey() {
    HttpResponse<String> response =
        server.get("/oauth/callback?code=the-code&state=" + RecordingOrgAdmin.GOOD_STATE, null);

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location")).contains("/?connect=req-1#integrations");
    assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(server.orgAdmin.calls).containsExactly("complete good-state the-code null");
  }

  @Test
  void aCallbackWithAForgedStateGetsAPageAndNoRedirect() {
    HttpResponse<String> response = server.get("/oauth/callback?code=c&state=forged", null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(response.headers().firstValue("Location")).isEmpty();
    assertThat(response.body())
        .contains("not completed")
        .contains("not &lt;known&gt;")
        .doesNotContain("<known>");
    HttpEdgeTest.assertSecurityHeaders(response);
  }

  private HttpResponse<String> call(String method, String path, String key) {
    return switch (method) {
      case "GET" -> server.get(path, key);
      case "DELETE" -> server.delete(path, key);
      default -> server.post(path, key, "{}");
    };
  }
}
