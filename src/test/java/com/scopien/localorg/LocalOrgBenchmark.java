package com.scopien.localorg;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.config.Secret;
import com.scopien.salesforce.BulkQueryClient;
import com.scopien.salesforce.ClientOptions;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.OAuthSessionProvider;
import com.scopien.salesforce.SalesforceClients;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast the full-size local org serves a sync's reads: every object paged through REST at 2,000
 * rows a page with every field selected, and Bulk API 1.0 queries (with and without PK chunking)
 * through Scopien's own {@link BulkQueryClient}. Prints medians of several runs as Markdown. Not a
 * test: run it by hand, as docs/benchmarks.md says.
 *
 * <p>Arguments: {@code [runs]} (default 5).
 */
public final class LocalOrgBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String V = "/services/data/v62.0";

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String token;

  private LocalOrgBenchmark(String base, String token) {
    this.base = base;
    this.token = token;
  }

  /** One measured run: rows read, bytes, requests and wall time. */
  record Run(long rows, long bytes, long requests, long millis) {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    long started = System.nanoTime();
    try (LocalOrg org = LocalOrg.start(LocalOrgOptions.production())) {
      long startMillis = (System.nanoTime() - started) / 1_000_000;
      OAuthClient oauth = new OAuthClient(SalesforceClients.newHttpClient());
      OAuthSessionProvider sessions =
          OAuthSessionProvider.clientCredentials(
              oauth,
              org.baseUrl(),
              LocalOrgOptions.DEMO_CLIENT_ID,
              Secret.of(LocalOrgOptions.DEMO_CLIENT_SECRET),
              null,
              t -> {});
      LocalOrgBenchmark bench =
          new LocalOrgBenchmark(org.baseUrl(), sessions.current().accessToken().reveal());
      List<String> objects = bench.objects();
      List<String> queries = new ArrayList<>();
      for (String object : objects) {
        queries.add(bench.selectAll(object));
      }
      BulkQueryClient bulk =
          new BulkQueryClient(sessions, ClientOptions.defaults())
              .withPolling(Duration.ofMillis(50), Duration.ofMinutes(10));

      machine(org, startMillis, runs);
      report(
          "REST paging, all " + objects.size() + " objects, every field, 2,000 a page",
          runs,
          () -> bench.restPaging(queries));
      report(
          "Bulk 1.0 query, Lead, every field",
          runs,
          () -> bulk(bulk, "Lead", bench.selectAll("Lead"), 0));
      report(
          "Bulk 1.0 query, Lead, every field, PK chunks of 2,000",
          runs,
          () -> bulk(bulk, "Lead", bench.selectAll("Lead"), 2_000));
      report(
          "Bulk 1.0 query, all objects, every field",
          runs,
          () -> {
            long rows = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < objects.size(); i++) {
              rows += bulk(bulk, objects.get(i), queries.get(i), 0).rows();
            }
            return new Run(rows, 0, 0, (System.nanoTime() - t0) / 1_000_000);
          });
    }
  }

  /** Pages through every query with nextRecordsUrl, reading and parsing each page. */
  private Run restPaging(List<String> queries) throws Exception {
    long rows = 0;
    long bytes = 0;
    long requests = 0;
    long t0 = System.nanoTime();
    for (String soql : queries) {
      String path = V + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8);
      while (path != null) {
        HttpResponse<byte[]> page = get(path);
        requests++;
        bytes += page.body().length;
        PageScan scan = scan(page.body());
        rows += scan.records();
        path = scan.next();
      }
    }
    return new Run(rows, bytes, requests, (System.nanoTime() - t0) / 1_000_000);
  }

  private static Run bulk(BulkQueryClient bulk, String object, String soql, int chunk) {
    AtomicLong rows = new AtomicLong();
    long t0 = System.nanoTime();
    BulkQueryClient.Summary summary =
        bulk.query(
            new BulkQueryClient.BulkQuery(object, soql, false, chunk),
            row -> rows.incrementAndGet());
    return new Run(summary.rows(), 0, summary.batches(), (System.nanoTime() - t0) / 1_000_000);
  }

  /** Every queryable object, by describeGlobal. */
  private List<String> objects() throws Exception {
    List<String> objects = new ArrayList<>();
    for (JsonNode object : JSON.readTree(get(V + "/sobjects").body()).get("sobjects")) {
      if (object.get("queryable").asBoolean()) {
        objects.add(object.get("name").asText());
      }
    }
    return objects;
  }

  /** {@code SELECT <every field> FROM object}, as a first sync reads it. */
  private String selectAll(String object) throws Exception {
    List<String> fields = new ArrayList<>();
    for (JsonNode field :
        JSON.readTree(get(V + "/sobjects/" + object + "/describe").body()).get("fields")) {
      fields.add(field.get("name").asText());
    }
    return "SELECT " + String.join(", ", fields) + " FROM " + object;
  }

  private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          path
              + " -> "
              + response.statusCode()
              + ": "
              + new String(response.body(), StandardCharsets.UTF_8));
    }
    return response;
  }

  /** What a page holds: how many records, and the next page's URL (null at the end). */
  private record PageScan(int records, String next) {}

  /** Counts a page's records and finds nextRecordsUrl with a streaming parser. */
  private static PageScan scan(byte[] body) throws IOException {
    int records = 0;
    String next = null;
    try (JsonParser parser = new JsonFactory().createParser(body)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("nextRecordsUrl")) {
          next = parser.getValueAsString();
        } else if (name.equals("records") && value == JsonToken.START_ARRAY) {
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            records++;
            parser.skipChildren();
          }
        } else {
          parser.skipChildren();
        }
      }
    }
    return new PageScan(records, next);
  }

  @FunctionalInterface
  private interface Measured {
    Run run() throws Exception;
  }

  private static void report(String title, int runs, Measured measured) throws Exception {
    measured.run();
    List<Run> results = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      results.add(measured.run());
    }
    List<Long> millis = new ArrayList<>(results.stream().map(Run::millis).toList());
    Collections.sort(millis);
    long median = millis.get(millis.size() / 2);
    Run first = results.get(0);
    System.out.printf(
        "| %s | %,d | %,d ms | %,.0f rows/s | %s | %s |%n",
        title,
        first.rows(),
        median,
        first.rows() * 1000.0 / Math.max(1, median),
        first.bytes() == 0
            ? "-"
            : String.format("%,.1f MB in %,d pages", first.bytes() / 1e6, first.requests()),
        millis);
  }

  private static void machine(LocalOrg org, long startMillis, int runs) {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    System.out.printf(
        "Machine: %d cores, %.1f GB RAM, JVM %s, max heap %.1f GB; org started in %,d ms (data %,d ms); median of %d runs after one warm-up%n%n",
        Runtime.getRuntime().availableProcessors(),
        os.getTotalMemorySize() / 1e9,
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / 1e9,
        startMillis,
        org.generationTime().toMillis(),
        runs);
    System.out.println("| what | rows | median | throughput | transfer | all runs (ms) |");
    System.out.println("|---|---|---|---|---|---|");
  }
}
