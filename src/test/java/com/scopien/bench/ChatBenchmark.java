package com.scopien.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.App;
import com.scopien.config.ConfigLoader;
import com.scopien.config.Secret;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceClients;
import com.scopien.salesforce.SessionProvider;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How long "show closed won opportunities over 50k in production" takes through {@code POST
 * /api/chat}: once with the built-in offline model against the demo production org (58,000 records
 * at scale 1), once with an OpenAI-compatible model that answers instantly (a fake server on this
 * machine returning the tool call, then the final answer), so what remains is the time Scopien and
 * the org take. The org's own share is measured by sending the same two queries straight to it. Not
 * a test: run it with {@code scripts/benchmark.sh} (see docs/benchmarks.md).
 *
 * <p>Arguments: {@code [iterations=40] [warmup=5] [scale=1.0]}.
 */
public final class ChatBenchmark {
  static final String REQUEST = "show closed won opportunities over 50k in production";
  private static final String KEY = "bench-admin-key-0123456789abcdef";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String scale = args.length > 2 ? args[2] : "1.0";
    System.out.printf(
        "machine: %d cores, %s memory; java %s%n",
        Runtime.getRuntime().availableProcessors(), memory(), System.getProperty("java.version"));

    List<Long> offline;
    List<Long> org;
    try (App app = start("offline model, live reads", scale, LIVE_READS)) {
      offline = measure(app, iterations, warmup, "live");
      org = orgQueries(app.demoOrgUrls().get(0), iterations, warmup);
    }
    List<Long> fromMirror;
    try (App app = start("offline model, mirror reads", scale, Map.of())) {
      awaitMirror(app);
      fromMirror = measure(app, iterations, warmup, "mirror");
    }
    FakeModel model = FakeModel.start();
    List<Long> instant;
    List<Long> roundTrips = model.roundTrips(iterations, warmup);
    try (App app =
        start(
            "fake OpenAI model, live reads",
            scale,
            Map.of(
                "SCOPIEN_OPENAI_API_KEY", "sk-bench",
                "SCOPIEN_OPENAI_BASE_URL", model.baseUrl(),
                "SCOPIEN_OPENAI_MODEL", "instant",
                "SCOPIEN_MIRROR_FRESHNESS_MINUTES", "0"))) {
      instant = measure(app, iterations, warmup, "live");
    } finally {
      model.stop();
    }
    report("offline model, POST /api/chat, live reads", offline);
    report("offline model, POST /api/chat, from the synced mirror", fromMirror);
    report("instant fake OpenAI model, POST /api/chat", instant);
    report("the org alone: the tool's query and COUNT() sent straight to it", org);
    report("the fake model alone: two calls from a plain JDK HTTP client", roundTrips);
    System.out.printf(
        "time inside the fake model per message: median %.2f ms (2 calls)%n",
        model.medianMillisPerMessage());
    double added = median(instant) - median(org) - median(roundTrips);
    System.out.printf(
        "Scopien adds around an instant model: %.1f ms per message (median); the whole message"
            + " takes %.1fx the org's and the model's own time%n",
        added, median(instant) / (median(org) + median(roundTrips)));
    System.out.printf("offline model vs instant model: %.2fx%n", median(offline) / median(instant));
    System.out.printf(
        "offline model from the mirror vs live: %.2fx%n", median(fromMirror) / median(offline));
  }

  /** Mirror reads off, so every answer goes to the org. */
  private static final Map<String, String> LIVE_READS =
      Map.of("SCOPIEN_MIRROR_FRESHNESS_MINUTES", "0");

  private static App start(String label, String scale, Map<String, String> extra)
      throws IOException {
    Path dir = Files.createTempDirectory("scopien-bench");
    Map<String, String> env = new HashMap<>(extra);
    env.put("SCOPIEN_PORT", "0");
    env.put("SCOPIEN_DATA_DIR", dir.toString());
    env.put("SCOPIEN_ADMIN_API_KEY", KEY);
    env.put("SCOPIEN_DEMO", "on");
    env.put("SCOPIEN_DEMO_SCALE", scale);
    env.put("SCOPIEN_LOG_LEVEL", "WARN");
    long started = System.nanoTime();
    App app =
        App.start(
            ConfigLoader.load(env),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    System.out.printf(
        "started Scopien (%s) in %.1f s%n", label, (System.nanoTime() - started) / 1e9);
    return app;
  }

  private static HttpRequest chatRequest(App app) throws IOException {
    String body = JSON.writeValueAsString(Map.of("message", REQUEST));
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/chat"))
        .header("Authorization", "Bearer " + KEY)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** Waits (up to 15 minutes) until demo mode's initial sync lets the mirror answer. */
  private static void awaitMirror(App app) throws Exception {
    String base = "http://127.0.0.1:" + app.port();
    JsonNode orgs =
        JSON.readTree(
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/orgs"))
                        .header("Authorization", "Bearer " + KEY)
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    for (JsonNode org : orgs) {
      if ("production".equals(org.path("environment").asText())) {
        // Start the initial sync now rather than wait for the scheduler (409 if one runs already).
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(base + "/api/orgs/" + org.path("id").asText() + "/sync"))
                .header("Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
      }
    }
    long started = System.nanoTime();
    long deadline = started + Duration.ofMinutes(15).toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response =
          HTTP.send(chatRequest(app), HttpResponse.BodyHandlers.ofString());
      JsonNode reply = JSON.readTree(response.body());
      if ("mirror".equals(reply.path("toolCalls").path(0).path("source").asText())) {
        System.out.printf(
            "  the mirror answers after %.1f s of initial sync%n",
            (System.nanoTime() - started) / 1e9);
        return;
      }
      Thread.sleep(2_000);
    }
    throw new IllegalStateException("the initial sync did not make the mirror fresh in time");
  }

  private static List<Long> measure(App app, int iterations, int warmup, String source)
      throws Exception {
    HttpRequest request = chatRequest(app);
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < warmup + iterations; i++) {
      long started = System.nanoTime();
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      long took = System.nanoTime() - started;
      JsonNode reply = JSON.readTree(response.body());
      if (response.statusCode() != 200
          || !reply.path("toolCalls").path(0).path("status").asText().equals("ok")
          || !reply.path("toolCalls").path(0).path("source").asText().equals(source)) {
        throw new IllegalStateException("unexpected answer: " + response.body());
      }
      if (i == 0) {
        System.out.println(
            "  first reply: " + reply.path("reply").asText().lines().findFirst().orElse(""));
      }
      if (i >= warmup) {
        nanos.add(took);
      }
    }
    return nanos;
  }

  private static List<Long> orgQueries(String url, int iterations, int warmup) {
    HttpClient http = SalesforceClients.newHttpClient();
    var token =
        new OAuthClient(http)
            .clientCredentials(url, "scopien-local", Secret.of("scopien-local-secret"));
    SalesforceClient org = SalesforceClients.create(http, SessionProvider.fixed(token.session()));
    String where = " FROM Opportunity WHERE StageName = 'Closed Won' AND Amount > 50000";
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < warmup + iterations; i++) {
      long started = System.nanoTime();
      org.query("SELECT Id, Name, StageName, Amount, CloseDate, AccountId" + where + " LIMIT 10");
      org.query("SELECT COUNT()" + where);
      if (i >= warmup) {
        nanos.add(System.nanoTime() - started);
      }
    }
    return nanos;
  }

  private static void report(String what, List<Long> nanos) {
    System.out.printf(
        "%-70s median %7.1f ms   p95 %7.1f ms   (n=%d)%n",
        what, median(nanos), percentile(nanos, 95), nanos.size());
  }

  static double median(List<Long> nanos) {
    return percentile(nanos, 50);
  }

  static double percentile(List<Long> nanos, int p) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
  }

  private static String memory() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          long kb = Long.parseLong(line.replaceAll("\\D+", ""));
          return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux: say so rather than guess.
    }
    return "unknown";
  }

  /**
   * An OpenAI-compatible server that answers at once: the first call of each message with the
   * query_records call a model would make, the second with a short final answer.
   */
  static final class FakeModel {
    private final Javalin server;
    private final AtomicInteger calls;
    private final List<Long> perCall;

    private FakeModel(Javalin server, AtomicInteger calls, List<Long> perCall) {
      this.server = server;
      this.calls = calls;
      this.perCall = perCall;
    }

    static FakeModel start() {
      // Jetty (through Javalin) rather than the JDK's HttpServer: the latter sends headers and
      // body in separate packets, and the client's delayed ACK then adds ~40 ms to every call.
      AtomicInteger calls = new AtomicInteger();
      List<Long> perCall = Collections.synchronizedList(new ArrayList<>());
      Javalin server =
          Javalin.create(config -> config.showJavalinBanner = false)
              .post(
                  "/v1/chat/completions",
                  ctx -> {
                    long started = System.nanoTime();
                    ctx.body();
                    boolean first = calls.getAndIncrement() % 2 == 0;
                    ctx.contentType("application/json").result(first ? TOOL_CALL : ANSWER);
                    perCall.add(System.nanoTime() - started);
                  })
              .start("127.0.0.1", 0);
      return new FakeModel(server, calls, perCall);
    }

    /** Two calls per message, as Scopien makes them, from a plain client: the model's floor. */
    List<Long> roundTrips(int iterations, int warmup) throws Exception {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(baseUrl() + "/chat/completions"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"instant\"}"))
              .build();
      List<Long> nanos = new ArrayList<>();
      for (int i = 0; i < warmup + iterations; i++) {
        long started = System.nanoTime();
        HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (i >= warmup) {
          nanos.add(System.nanoTime() - started);
        }
      }
      calls.set(0);
      perCall.clear();
      return nanos;
    }

    String baseUrl() {
      return "http://127.0.0.1:" + server.port() + "/v1";
    }

    double medianMillisPerMessage() {
      return median(new ArrayList<>(perCall)) * 2;
    }

    void stop() {
      server.stop();
    }

    private static final String TOOL_CALL =
        "{\"id\":\"r\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"instant\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
            + "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":"
            + "\"query_records\",\"arguments\":\"{\\\"object\\\":\\\"Opportunity\\\",\\\"org\\\":"
            + "\\\"production\\\",\\\"filters\\\":[{\\\"field\\\":\\\"StageName\\\",\\\"op\\\":"
            + "\\\"=\\\",\\\"value\\\":\\\"Closed Won\\\"},{\\\"field\\\":\\\"Amount\\\",\\\"op\\\":"
            + "\\\">\\\",\\\"value\\\":50000}]}\"}}]},\"finish_reason\":\"tool_calls\"}],"
            + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";
    private static final String ANSWER =
        "{\"id\":\"r\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"instant\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
            + "\"Here are the closed won opportunities over 50,000 in Acme Production.\"},"
            + "\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";
  }
}
