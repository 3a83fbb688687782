package com.scopien.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.App;
import com.scopien.config.Secret;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceClients;
import com.scopien.salesforce.SessionProvider;
import com.scopien.testing.DemoApp;
import com.scopien.testing.DemoSync;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Breakdowns from the mirror: Scopien in demo mode, the production org synced once over real HTTP,
 * then aggregate_records asked in words through {@code POST /api/chat}. A grouped total is answered
 * from the local copy, and every group equals what the org's own GROUP BY query returns.
 */
class AggregateMirrorIT {
  private static final String KEY = "it-admin-key-aggmirror-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static App app;
  private static String base;
  private static String orgId;
  private static SalesforceClient live;

  @BeforeAll
  static void start() throws Exception {
    Path dataDir = Files.createTempDirectory("scopien-aggmirror-it");
    app = DemoApp.start(dataDir, KEY, "0.02");
    base = "http://127.0.0.1:" + app.port();
    live = client(app.demoOrgUrls().get(0));
    for (JsonNode org : JSON.readTree(send("GET", "/api/orgs", null).body())) {
      if (org.path("environment").asText().equals("production")) {
        orgId = org.path("id").asText();
      }
    }
    assertThat(
            send("PATCH", "/api/orgs/" + orgId + "/sync/settings", "{\"frequency\":\"manual\"}")
                .statusCode())
        .isEqualTo(200);
    syncAndWait();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theAmountByStageComesFromTheLocalCopyAndEqualsTheOrgsOwnGroupBy() throws Exception {
    JsonNode reply = chat("Total opportunity amount by stage in production");
    String text = reply.path("reply").asText();

    assertThat(reply.path("toolCalls").get(0).path("tool").asText()).isEqualTo("aggregate_records");
    assertThat(text).startsWith("From the local copy of **Acme Production**");
    Map<String, List<String>> rows = rows(text);
    Map<String, Map<String, Object>> org =
        byKey(
            "SELECT StageName, SUM(Amount) s, COUNT(Id) n FROM Opportunity GROUP BY StageName",
            "StageName");
    assertThat(rows).hasSizeGreaterThan(3);
    BigDecimal all = BigDecimal.ZERO;
    for (Map.Entry<String, List<String>> row : rows.entrySet()) {
      if (row.getKey().equals("**Total**")) {
        continue;
      }
      Map<String, Object> expected = org.get(row.getKey());
      assertThat(expected).as(row.getKey()).isNotNull();
      assertThat(row.getValue().get(0))
          .as(row.getKey())
          .isEqualTo(RecordTable.count(((Number) expected.get("n")).longValue()));
      assertThat(row.getValue().get(1)).as(row.getKey()).isEqualTo(plain(expected.get("s")));
    }
    for (Map<String, Object> group : org.values()) {
      if (group.get("s") != null) {
        all = all.add(new BigDecimal(group.get("s").toString()));
      }
    }
    assertThat(rows.get("**Total**").get(1)).isEqualTo("**" + AggregateNumbers.plain(all) + "**");
  }

  @Test
  void openCasesByPriorityComeFromTheLocalCopyWithTheOrgsCounts() throws Exception {
    String text = chat("how many open cases by priority in production").path("reply").asText();

    assertThat(text).startsWith("From the local copy of **Acme Production**");
    Map<String, Map<String, Object>> org =
        byKey(
            "SELECT Priority, COUNT(Id) n FROM Case WHERE IsClosed = false GROUP BY Priority",
            "Priority");
    Map<String, List<String>> rows = rows(text);
    assertThat(rows).hasSizeGreaterThan(1);
    for (Map.Entry<String, List<String>> row : rows.entrySet()) {
      if (!row.getKey().equals("**Total**")) {
        assertThat(row.getValue().get(0))
            .as(row.getKey())
            .isEqualTo(RecordTable.count(((Number) org.get(row.getKey()).get("n")).longValue()));
      }
    }
  }

  @Test
  void theAverageOfWonDealsComesFromTheLocalCopyAsTheOrgHasIt() throws Exception {
    String text =
        chat("What's the average amount of won opportunities in production?")
            .path("reply")
            .asText();

    Object average =
        live.query("SELECT AVG(Amount) a FROM Opportunity WHERE IsWon = true")
            .records()
            .get(0)
            .get("a");
    assertThat(text)
        .startsWith("From the local copy of **Acme Production**")
        .contains("**" + plain(average) + "**");
  }

  private static Map<String, Map<String, Object>> byKey(String soql, String field) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    live.query(soql).records().forEach(r -> out.put(String.valueOf(r.get(field)), r.fields()));
    return out;
  }

  private static String plain(Object value) {
    return AggregateNumbers.plain(new BigDecimal(value.toString()));
  }

  private static Map<String, List<String>> rows(String reply) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    List<String> lines = reply.lines().filter(l -> l.startsWith("| ")).toList();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells =
          List.of(line.substring(2, line.length() - 2).split(" \\| ", -1)).stream()
              .map(String::trim)
              .toList();
      rows.put(cells.get(0), cells.subList(1, cells.size()));
    }
    return rows;
  }

  private static void syncAndWait() throws Exception {
    DemoSync.syncAndWait(AggregateMirrorIT::send, orgId, Duration.ofSeconds(120));
  }

  private static SalesforceClient client(String url) {
    var token =
        new OAuthClient(HTTP)
            .clientCredentials(url, "scopien-local", Secret.of("scopien-local-secret"));
    return SalesforceClients.create(
        SalesforceClients.newHttpClient(), SessionProvider.fixed(token.session()));
  }

  private static JsonNode chat(String message) throws Exception {
    HttpResponse<String> response =
        send("POST", "/api/chat", JSON.createObjectNode().put("message", message).toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + KEY);
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
