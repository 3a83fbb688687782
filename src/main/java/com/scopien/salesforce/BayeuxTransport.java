package com.scopien.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Posts Bayeux message arrays to {@code {instance_url}/cometd/{version}} with the session's bearer
 * token and the cookies the server set (Salesforce routes a client by cookie), and reads the reply
 * array. HTTP failures become {@link Failure}s the subscription acts on. One in-flight exchange at
 * a time; {@link #cancel} aborts it from another thread.
 */
final class BayeuxTransport {

  /** A reply that is not a Bayeux array: 401, 404, another status, or an unreadable body. */
  static final class Failure extends IOException {
    final int status;

    Failure(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private final HttpClient http;
  private final SessionProvider sessions;
  private final String path;
  private final ObjectMapper mapper;
  private final Map<String, String> cookies = new ConcurrentHashMap<>();
  private volatile CompletableFuture<HttpResponse<String>> inFlight;

  BayeuxTransport(
      HttpClient http, SessionProvider sessions, String apiVersion, ObjectMapper mapper) {
    this.http = http;
    this.sessions = sessions;
    this.path = "/cometd/" + apiVersion;
    this.mapper = mapper;
  }

  /** The session the next exchange will use. */
  Session session() {
    return sessions.current();
  }

  /** Renews the session Salesforce refused (see {@link SessionProvider#refresh}). */
  void renew(Session stale) {
    sessions.refresh(stale);
  }

  /** Sends the messages and returns the reply's messages. */
  List<JsonNode> send(List<?> messages, Duration timeout) throws IOException, InterruptedException {
    Session session = sessions.current();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(session.instanceUrl() + path))
            .timeout(timeout)
            .header("Authorization", "Bearer " + session.accessToken().reveal())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(messages)));
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    HttpResponse<String> response;
    try {
      inFlight = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
      response = inFlight.get();
    } catch (CancellationException e) {
      throw new InterruptedException("cancelled");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof CancellationException) {
        throw new InterruptedException("cancelled");
      }
      throw cause instanceof IOException io ? io : new IOException(cause);
    } finally {
      inFlight = null;
    }
    response.headers().allValues("Set-Cookie").forEach(this::keepCookie);
    if (response.statusCode() != 200) {
      throw new Failure(
          response.statusCode(), "the Streaming API answered HTTP " + response.statusCode());
    }
    JsonNode body;
    try {
      body = mapper.readTree(response.body());
    } catch (IOException e) {
      throw new Failure(200, "the Streaming API answered something other than JSON");
    }
    if (body == null || !body.isArray()) {
      throw new Failure(200, "the Streaming API answered something other than a message array");
    }
    return java.util.stream.StreamSupport.stream(body.spliterator(), false).toList();
  }

  /** Aborts the exchange in flight, if any. */
  void cancel() {
    CompletableFuture<HttpResponse<String>> current = inFlight;
    if (current != null) {
      current.cancel(true);
    }
  }

  private void keepCookie(String header) {
    String pair = header.split(";", 2)[0];
    int eq = pair.indexOf('=');
    if (eq > 0) {
      cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
  }
}
