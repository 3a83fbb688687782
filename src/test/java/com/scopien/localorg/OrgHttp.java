package com.scopien.localorg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A plain JDK HTTP client for talking to a local org in tests, as any Salesforce client would. */
final class OrgHttp {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String V = "/services/data/v62.0";

  /** A reply: status, headers and body (parsed when JSON). */
  record Reply(int status, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + raw.body(), e);
      }
    }

    String body() {
      return raw.body();
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String baseUrl;
  private String token;

  OrgHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  static OrgHttp connected(LocalOrg org) {
    OrgHttp client = new OrgHttp(org.baseUrl());
    Reply reply =
        client.form(
            "/services/oauth2/token",
            Map.of(
                "grant_type", "client_credentials",
                "client_id", org.options().clientId(),
                "client_secret", org.options().clientSecret()));
    if (reply.status() != 200) {
      throw new IllegalStateException("token failed: " + reply.body());
    }
    client.token = reply.json().get("access_token").asText();
    return client;
  }

  OrgHttp withToken(String value) {
    OrgHttp copy = new OrgHttp(baseUrl);
    copy.token = value;
    return copy;
  }

  String token() {
    return token;
  }

  Reply get(String path) {
    return send(request(path).GET());
  }

  Reply get(String path, String header, String value) {
    return send(request(path).header(header, value).GET());
  }

  Reply query(String soql) {
    return get(V + "/query?q=" + encode(soql));
  }

  Reply queryAll(String soql) {
    return get(V + "/queryAll?q=" + encode(soql));
  }

  Reply post(String path, Object body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  Reply patch(String path, Object body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(write(body))));
  }

  Reply delete(String path) {
    return send(request(path).DELETE());
  }

  Reply form(String path, Map<String, String> fields) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(formBody(fields))));
  }

  Reply formWithBasic(String path, Map<String, String> fields, String user, String password) {
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization", "Basic " + basic)
            .POST(HttpRequest.BodyPublishers.ofString(formBody(fields))));
  }

  static String formBody(Map<String, String> fields) {
    return new LinkedHashMap<>(fields)
        .entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private Reply send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String write(Object body) {
    try {
      return body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
