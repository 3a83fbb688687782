package com.scopien.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.agent.SoqlQueryService;
import com.scopien.security.FieldSecurity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A real {@link WebServer} on a free port with test collaborators, and a JDK HTTP client to talk to
 * it. Close it after each test.
 */
final class WebServerFixture implements AutoCloseable {

  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  static final String VERSION = "1.2.3-test";

  final ScriptedAssistant assistant = new ScriptedAssistant();
  final RecordingPendingWrites pendingWrites = new RecordingPendingWrites();
  final FakeOrgDirectory orgs = new FakeOrgDirectory();
  final RecordingOrgAdmin orgAdmin = new RecordingOrgAdmin();
  final ObjectMapper json = new ObjectMapper();
  private final WebServer server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  WebServerFixture() {
    server =
        new WebServer(
                "127.0.0.1",
                0,
                assistant,
                pendingWrites,
                orgs,
                new SoqlQueryService(orgs, FieldSecurity.defaults()),
                new FakeApiKeyAuthenticator(),
                Clock.fixed(NOW, ZoneOffset.UTC),
                VERSION)
            .withOrgAdmin(orgAdmin)
            .start();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
  }

  HttpResponse<String> get(String path, String apiKey) {
    return send(withKey(request(path).GET(), apiKey).build());
  }

  HttpResponse<String> post(String path, String apiKey, String body) {
    return send(
        withKey(request(path), apiKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  HttpResponse<String> delete(String path, String apiKey) {
    return send(withKey(request(path).DELETE(), apiKey).build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonNode json(HttpResponse<String> response) {
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode json(String text) {
    try {
      return json.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts the one error shape: the status, a JSON body with only {"error":{"code","message"}}.
   */
  void assertError(HttpResponse<String> response, int status, String code, String messagePart) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode body = json(response);
    assertThat(body.size()).as(response.body()).isEqualTo(1);
    assertThat(body.get("error").size()).as(response.body()).isEqualTo(2);
    assertThat(body.at("/error/code").asText()).isEqualTo(code);
    assertThat(body.at("/error/message").asText()).contains(messagePart);
  }

  private static HttpRequest.Builder withKey(HttpRequest.Builder builder, String apiKey) {
    return apiKey == null ? builder : builder.header("Authorization", "Bearer " + apiKey);
  }

  @Override
  public void close() {
    server.stop();
  }
}
