package com.scopien.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A fake of Slack's Web API on 127.0.0.1: {@code chat.postMessage}, {@code chat.update}, {@code
 * users.info} and {@code auth.test} under {@code /api}, and response URLs under {@code /hooks}. It
 * records every call with its body and Authorization header, so tests assert on what Scopien
 * actually sent, and keeps the messages as they now read (posted, then updated) by channel and ts.
 */
final class FakeSlackServer implements AutoCloseable {
  static final String BOT_USER = "UBOT";
  static final String BOT_ID = "BBOT";
  static final String TEAM = "T0TEAM";

  /** One request Scopien made. {@code body} is the parsed JSON body, or null for a GET. */
  record Call(String path, String query, String authorization, JsonNode body, Instant at) {
    /** Everything Scopien sent, as text, for "never contains" checks. */
    String text() {
      return (query == null ? "" : query) + (body == null ? "" : body.toString());
    }
  }

  private final HttpServer server;
  private final ObjectMapper json = new ObjectMapper();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, String> emails = new ConcurrentHashMap<>();
  private final Map<String, String> zones = new ConcurrentHashMap<>();

  /** A message as it now reads: where it was posted and its latest text and blocks. */
  record Message(String channel, String threadTs, String ts, JsonNode body) {
    String text() {
      return body.toString();
    }
  }

  private final List<Message> messages = new CopyOnWriteArrayList<>();
  private final AtomicLong seq = new AtomicLong(1_700_000_000_000_000L);
  private volatile boolean refuseUpdates;

  FakeSlackServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  /** The Web API base to configure as SCOPIEN_SLACK_API_URL. */
  String apiUrl() {
    return base() + "/api";
  }

  /** A response URL on this server, as Slack puts in a command or a click. */
  String responseUrl(String name) {
    return base() + "/hooks/" + name;
  }

  /** Makes {@code users.info} give this email for the Slack user. */
  void email(String slackUserId, String email) {
    emails.put(slackUserId, email);
  }

  /** Makes {@code users.info} give this time zone ({@code tz}) for the Slack user. */
  void timeZone(String slackUserId, String tz) {
    zones.put(slackUserId, tz);
  }

  /** Makes every {@code chat.update} fail as Slack does ({@code "ok": false}), or work again. */
  void refuseUpdates(boolean refuse) {
    refuseUpdates = refuse;
  }

  /** The messages in one thread, oldest first, as they read after every update. */
  List<Message> thread(String channel, String threadTs) {
    return messages.stream()
        .filter(m -> m.channel().equals(channel) && threadTs.equals(m.threadTs()))
        .toList();
  }

  /** The messages in one thread that are answers, not a "Working on it…" still being updated. */
  List<Message> answers(String channel, String threadTs) {
    return thread(channel, threadTs).stream()
        .filter(m -> !m.body().path("text").asText().startsWith(SlackProgress.WORKING))
        .toList();
  }

  /** The {@code chat.update} calls for one message. */
  List<Call> updates(String channel, String ts) {
    return calls(
        c ->
            c.path().equals("/api/chat.update")
                && channel.equals(c.body().path("channel").asText())
                && ts.equals(c.body().path("ts").asText()));
  }

  List<Call> calls(Predicate<Call> which) {
    return calls.stream().filter(which).toList();
  }

  List<Call> all() {
    return new ArrayList<>(calls);
  }

  /** The {@code chat.postMessage} calls into one thread. */
  List<Call> posts(String channel, String threadTs) {
    return calls(
        c ->
            c.path().equals("/api/chat.postMessage")
                && channel.equals(c.body().path("channel").asText())
                && threadTs.equals(c.body().path("thread_ts").asText()));
  }

  List<Call> hooks(String name) {
    return calls(c -> c.path().equals("/hooks/" + name));
  }

  /** Waits until {@code which} holds at least {@code count} calls, and returns them. */
  <T> List<T> await(java.util.function.Supplier<List<T>> which, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<T> found = which.get();
      if (found.size() >= count) {
        return found;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError(
        "Expected " + count + " call(s) within " + timeout + "; Slack saw: " + calls);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getRawQuery();
    byte[] raw = exchange.getRequestBody().readAllBytes();
    JsonNode body = raw.length == 0 ? null : json.readTree(raw);
    calls.add(
        new Call(
            path,
            query,
            exchange.getRequestHeaders().getFirst("Authorization"),
            body,
            Instant.now()));
    String answer =
        switch (path) {
          case "/api/chat.postMessage" -> post(body);
          case "/api/chat.update" -> update(body);
          case "/api/auth.test" ->
              json.writeValueAsString(
                  Map.of("ok", true, "user_id", BOT_USER, "bot_id", BOT_ID, "team_id", TEAM));
          case "/api/users.info" -> userInfo(query);
          default -> path.startsWith("/hooks/") ? "ok" : "{\"ok\":false,\"error\":\"unknown\"}";
        };
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .set("Content-Type", answer.startsWith("{") ? "application/json" : "text/plain");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private String post(JsonNode body) {
    long n = seq.incrementAndGet();
    String ts = (n / 1_000_000) + "." + String.format("%06d", n % 1_000_000);
    String thread = body.hasNonNull("thread_ts") ? body.path("thread_ts").asText() : null;
    messages.add(new Message(body.path("channel").asText(), thread, ts, body));
    return "{\"ok\":true,\"ts\":\"" + ts + "\"}";
  }

  private synchronized String update(JsonNode body) {
    if (refuseUpdates) {
      return "{\"ok\":false,\"error\":\"cant_update_message\"}";
    }
    String channel = body.path("channel").asText();
    String ts = body.path("ts").asText();
    for (int i = 0; i < messages.size(); i++) {
      Message m = messages.get(i);
      if (m.channel().equals(channel) && m.ts().equals(ts)) {
        messages.set(i, new Message(channel, m.threadTs(), ts, body));
        return "{\"ok\":true,\"ts\":\"" + ts + "\"}";
      }
    }
    return "{\"ok\":false,\"error\":\"message_not_found\"}";
  }

  private String userInfo(String query) throws IOException {
    String user =
        query == null
            ? ""
            : URLDecoder.decode(query.replaceFirst("^user=", ""), StandardCharsets.UTF_8);
    String email = emails.get(user);
    if (email == null) {
      return "{\"ok\":false,\"error\":\"user_not_found\"}";
    }
    Map<String, Object> info = new java.util.LinkedHashMap<>();
    info.put("id", user);
    info.put("profile", Map.of("email", email));
    if (zones.containsKey(user)) {
      info.put("tz", zones.get(user));
    }
    return json.writeValueAsString(Map.of("ok", true, "user", info));
  }

  /** The URI of a path on this server. */
  URI uri(String path) {
    return URI.create(base() + path);
  }
}
