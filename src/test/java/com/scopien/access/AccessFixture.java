package com.scopien.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.App;
import com.scopien.config.ConfigLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Scopien as it runs: {@link App} in demo mode (H2 in a temporary data dir, the two local orgs over
 * HTTP, a small data scale), with a known admin key and an HTTP client. Close it after the class.
 */
final class AccessFixture implements AutoCloseable {
  static final String ADMIN_KEY = "it-admin-key-access-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final App app;
  final String base;
  final Path dataDir;

  AccessFixture() {
    try {
      dataDir = Files.createTempDirectory("scopien-access-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    app =
        App.start(
            ConfigLoader.load(
                Map.of(
                    "SCOPIEN_PORT", "0",
                    "SCOPIEN_DATA_DIR", dataDir.toString(),
                    "SCOPIEN_ADMIN_API_KEY", ADMIN_KEY,
                    "SCOPIEN_DEMO", "on",
                    "SCOPIEN_DEMO_SCALE", "0.02")),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    base = "http://127.0.0.1:" + app.port();
  }

  HttpResponse<String> send(String method, String path, String body, String key) {
    return send(method, path, body, key, "application/json");
  }

  HttpResponse<String> send(
      String method, String path, String body, String key, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    if (body != null && contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path, String key) {
    return send("GET", path, null, key);
  }

  HttpResponse<String> post(String path, String body, String key) {
    return send("POST", path, body, key);
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String quoted(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    app.close();
  }
}
