package com.scopien.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plays the admin's browser at the org: opens the authorize URL (the login and consent page), posts
 * the login with "Allow" or "Deny", and returns the query of the redirect to the callback, without
 * following it.
 */
final class BrowserAtTheOrg {
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  /** Logs in as the demo user and allows access; the callback's query parameters. */
  Map<String, String> approve(String authorizeUrl) {
    return submit(authorizeUrl, "john.doe@acme.com", "demo1234", "allow");
  }

  Map<String, String> deny(String authorizeUrl) {
    return submit(authorizeUrl, "john.doe@acme.com", "demo1234", "deny");
  }

  private Map<String, String> submit(
      String authorizeUrl, String username, String password, String action) {
    URI uri = URI.create(authorizeUrl);
    HttpResponse<String> page = send(HttpRequest.newBuilder(uri).GET().build());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("Username").contains("Password");
    Map<String, String> form = new LinkedHashMap<>(query(uri.getRawQuery()));
    form.put("username", username);
    form.put("password", password);
    form.put("action", action);
    HttpResponse<String> reply =
        send(
            HttpRequest.newBuilder(uri.resolve(uri.getRawPath()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build());
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(302);
    URI location = URI.create(reply.headers().firstValue("Location").orElseThrow());
    assertThat(location.getPath()).isEqualTo("/oauth/callback");
    return query(location.getRawQuery());
  }

  static Map<String, String> query(String raw) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      values.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return values;
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
