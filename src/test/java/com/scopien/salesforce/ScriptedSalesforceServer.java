package com.scopien.salesforce;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 that answers from a script: queued replies in order, or a
 * dispatcher function, and records every request it received. For faults the local org cannot be
 * asked to produce on cue.
 */
final class ScriptedSalesforceServer implements AutoCloseable {

  /** A request as the server saw it; header names are lower-case. */
  record Recorded(
      String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase());
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  /** A scripted reply; {@code drop} closes the connection without answering. */
  record Reply(int status, Map<String, String> headers, String body, boolean drop) {
    static Reply json(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "application/json"), body, false);
    }

    static Reply empty(int status) {
      return new Reply(status, Map.of(), "", false);
    }

    static Reply text(int status, String contentType, String body) {
      return new Reply(status, Map.of("Content-Type", contentType), body, false);
    }

    static Reply dropConnection() {
      return new Reply(0, Map.of(), "", true);
    }

    static Reply error(int status, String code, String message) {
      return json(status, "[{\"message\":\"" + message + "\",\"errorCode\":\"" + code + "\"}]");
    }

    Reply withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Reply(status, more, body, drop);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final ConcurrentLinkedQueue<Reply> queue = new ConcurrentLinkedQueue<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private volatile Function<Recorded, Reply> dispatcher = this::fromQueue;

  ScriptedSalesforceServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  ScriptedSalesforceServer enqueue(Reply... replies) {
    queue.addAll(List.of(replies));
    return this;
  }

  /** Answers every request with {@code function} instead of the queue. */
  void dispatch(Function<Recorded, Reply> function) {
    dispatcher = function;
  }

  List<Recorded> requests() {
    return new ArrayList<>(requests);
  }

  private Reply fromQueue(Recorded request) {
    Reply next = queue.poll();
    return next != null
        ? next
        : Reply.error(500, "NO_SCRIPTED_REPLY", "no reply scripted for " + request.path());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Map<String, List<String>> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), List.copyOf(v)));
      Recorded request =
          new Recorded(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              headers,
              body);
      requests.add(request);
      Reply reply = dispatcher.apply(request);
      if (reply.drop()) {
        return;
      }
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
