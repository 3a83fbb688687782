package com.scopien.web;

import static com.scopien.web.FakeApiKeyAuthenticator.ADMIN_KEY;
import static com.scopien.web.FakeApiKeyAuthenticator.GUEST_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApiAuthTest {

  private final WebServerFixture server = new WebServerFixture();

  @AfterEach
  void stop() {
    server.close();
  }

  static Stream<Arguments> apiRoutes() {
    return Stream.of(
        Arguments.of("GET", "/api/me"),
        Arguments.of("POST", "/api/chat"),
        Arguments.of("POST", "/api/chat/confirm"),
        Arguments.of("POST", "/api/chat/cancel"),
        Arguments.of("GET", "/api/orgs"),
        Arguments.of("GET", "/api/conversations/conv-1"),
        Arguments.of("POST", "/api/conversations/conv-1/org"),
        Arguments.of("GET", "/api/no-such-route"));
  }

  @Test
  void healthAnswersWithoutAKey() {
    HttpResponse<String> response = server.get("/health", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(server.json(response))
        .isEqualTo(
            server.json("{'status':'ok','version':'1.2.3-test','time':'2025-06-01T12:00:00Z'}"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("apiRoutes")
  void everyApiRouteRefusesAMissingKey(String method, String path) {
    HttpResponse<String> response = server.send(request(method, path, null));

    assertUnauthorized(response);
    assertThat(server.json(response).at("/error/message").asText()).contains("Bearer");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("apiRoutes")
  void everyApiRouteRefusesAWrongKey(String method, String path) {
    HttpResponse<String> response = server.send(request(method, path, "sk-not-a-real-key"));

    assertUnauthorized(response);
    assertThat(server.json(response).at("/error/message").asText())
        .doesNotContain("sk-not-a-real-key");
  }

  @Test
  void aKeyInAnotherSchemeOrAnEmptyBearerIsRefused() {
    for (String header : new String[] {"Basic " + ADMIN_KEY, ADMIN_KEY, "Bearer ", "Bearer"}) {
      HttpResponse<String> response =
          server.send(server.request("/api/me").header("Authorization", header).GET().build());
      assertUnauthorized(response);
    }
  }

  @Test
  void refusedRequestsNeverReachTheAssistant() {
    server.post("/api/chat", null, "{\"message\":\"show opportunities\"}");
    server.post("/api/chat", "wrong", "{\"message\":\"show opportunities\"}");

    assertThat(server.assistant.calls()).isEmpty();
  }

  @Test
  void meNamesTheKeysUserAndRole() {
    assertThat(server.json(server.get("/api/me", GUEST_KEY)))
        .isEqualTo(
            server.json("{'id':'u-2','email':'gus@acme.com','name':'Gus Guest','role':'guest'}"));
    HttpResponse<String> admin =
        server.send(
            server.request("/api/me").header("authorization", "bearer " + ADMIN_KEY).build());
    assertThat(server.json(admin))
        .isEqualTo(
            server.json("{'id':'u-1','email':'ada@acme.com','name':'Ada Admin','role':'admin'}"));
  }

  @Test
  void unknownApiRouteWithAValidKeyIsA404InJson() {
    HttpResponse<String> response = server.get("/api/no-such-route", ADMIN_KEY);

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode error = server.json(response).get("error");
    assertThat(error.get("code").asText()).isEqualTo("not_found");
    assertThat(error.get("message").asText()).contains("/api/no-such-route");
  }

  private HttpRequest request(String method, String path, String key) {
    HttpRequest.Builder builder = server.request(path);
    if (key != null) {
      builder.header("Authorization", "Bearer " + key);
    }
    return method.equals("GET")
        ? builder.GET().build()
        : builder.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\"}")).build();
  }

  private void assertUnauthorized(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    JsonNode body = server.json(response);
    assertThat(body.at("/error/code").asText()).isEqualTo("unauthorized");
    assertThat(body.at("/error/message").asText()).isNotBlank();
    assertThat(body.size()).isEqualTo(1);
  }
}
