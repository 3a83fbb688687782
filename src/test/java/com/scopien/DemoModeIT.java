package com.scopien;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.config.ConfigLoader;
import com.scopien.config.Secret;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceClients;
import com.scopien.salesforce.SessionProvider;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The foundation's promise end to end: Scopien in demo mode, two local orgs reached over real OAuth
 * and HTTP, and the reference conversation through {@code POST /api/chat}.
 */
class DemoModeIT {
  private static final String KEY = "it-admin-key-0123456789abcdef";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static App app;
  private static String base;
  private static String printed;

  @BeforeAll
  static void start() throws IOException {
    Path dataDir = Files.createTempDirectory("scopien-demo-it");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    app =
        App.start(
            ConfigLoader.load(
                Map.of(
                    "SCOPIEN_PORT", "0",
                    "SCOPIEN_DATA_DIR", dataDir.toString(),
                    "SCOPIEN_ADMIN_API_KEY", KEY,
                    "SCOPIEN_DEMO", "on",
                    "SCOPIEN_DEMO_SCALE", "0.1")),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    printed = out.toString(StandardCharsets.UTF_8);
    base = "http://127.0.0.1:" + app.port();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void startUpPrintsTheUrlAndNeverTheConfiguredKey() {
    assertThat(printed).contains("Scopien is running: http://127.0.0.1:" + app.port());
    assertThat(printed).contains("Demo mode").doesNotContain(KEY);
  }

  @Test
  void theReferenceConversationActsOnTheRightOrgs() throws Exception {
    SalesforceClient production = client(app.demoOrgUrls().get(0));
    SalesforceClient sandbox = client(app.demoOrgUrls().get(1));
    long sandboxLeads = sandbox.query("SELECT COUNT() FROM Lead").totalSize();
    long productionLeads = production.query("SELECT COUNT() FROM Lead").totalSize();

    JsonNode shown = chat("Show opportunities in production org", null);
    assertThat(firstCall(shown).path("tool").asText()).isEqualTo("query_records");
    assertThat(firstCall(shown).path("status").asText()).isEqualTo("ok");
    assertThat(shown.path("org").path("environment").asText()).isEqualTo("production");
    assertThat(shown.path("reply").asText()).containsIgnoringCase("opportunit").contains("|");
    String conversation = shown.path("conversationId").asText();

    JsonNode switched = chat("Switch to sandbox", conversation);
    assertThat(firstCall(switched).path("tool").asText()).isEqualTo("switch_org");
    assertThat(switched.path("org").path("environment").asText()).isEqualTo("sandbox");

    JsonNode created = chat("Create test lead", conversation);
    assertThat(firstCall(created).path("tool").asText()).isEqualTo("create_record");
    assertThat(firstCall(created).path("status").asText()).isEqualTo("ok");
    assertThat(created.path("org").path("environment").asText()).isEqualTo("sandbox");

    assertThat(sandbox.query("SELECT COUNT() FROM Lead").totalSize()).isEqualTo(sandboxLeads + 1);
    assertThat(production.query("SELECT COUNT() FROM Lead").totalSize()).isEqualTo(productionLeads);
  }

  @Test
  void apiUsageAgreesWithTheOrgsOwnLimits() throws Exception {
    JsonNode usage = chat("What's our API usage?", null);
    assertThat(firstCall(usage).path("tool").asText()).isEqualTo("api_usage");
    assertThat(firstCall(usage).path("status").asText()).isEqualTo("ok");

    var limit = client(app.demoOrgUrls().get(0)).limits().dailyApiRequests().orElseThrow();
    List<Long> numbers = numbersIn(usage.path("reply").asText());
    assertThat(numbers).contains(limit.max());
    // Our own /limits call came after the chat's, so the org has counted a call or two more.
    assertThat(numbers).anySatisfy(n -> assertThat(n).isBetween(limit.used() - 3, limit.used()));
  }

  @Test
  void badInputGetsAClearErrorAndNoStackTrace() throws Exception {
    HttpResponse<String> noKey = post("/api/chat", "{\"message\":\"hi\"}", null);
    assertThat(noKey.statusCode()).isEqualTo(401);

    HttpResponse<String> wrongKey = post("/api/chat", "{\"message\":\"hi\"}", "scp_wrong");
    assertThat(wrongKey.statusCode()).isEqualTo(401);

    HttpResponse<String> malformed = post("/api/chat", "{\"message\": ", KEY);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(errorCode(malformed)).isEqualTo("invalid_json");

    HttpResponse<String> missing = post("/api/chat", "{}", KEY);
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(errorCode(missing)).isEqualTo("missing_message");

    HttpResponse<String> unknown =
        post("/api/chat", "{\"message\":\"hi\",\"conversationId\":\"no-such-conversation\"}", KEY);
    assertThat(unknown.statusCode()).isEqualTo(404);

    for (HttpResponse<String> r : List.of(noKey, wrongKey, malformed, missing, unknown)) {
      assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  @Test
  void anUnknownOrgNameInChatNamesTheOrgsThereAre() throws Exception {
    JsonNode reply = chat("Show accounts in the Globex Europe org", null);

    assertThat(reply.path("toolCalls").toString()).contains("error");
    assertThat(reply.path("reply").asText()).contains(App.DEMO_PRODUCTION, App.DEMO_SANDBOX);
  }

  @Test
  void soqlThroughScopienIsCheckedBeforeItReachesTheOrg() throws Exception {
    HttpResponse<String> malformed =
        post("/api/query", "{\"soql\":\"SELECT Id FORM Account\"}", KEY);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(errorCode(malformed)).isEqualTo("malformed_query");
    assertThat(malformed.body()).contains("Column:11").contains("FORM");

    HttpResponse<String> hidden =
        post("/api/query", "{\"soql\":\"SELECT Id FROM Contact WHERE SSN__c != null\"}", KEY);
    assertThat(hidden.statusCode()).isEqualTo(403);
    assertThat(errorCode(hidden)).isEqualTo("hidden_field");

    HttpResponse<String> unknown =
        post("/api/query", "{\"soql\":\"SELECT Nmae FROM Account\"}", KEY);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(errorCode(unknown)).isEqualTo("invalid_field");

    HttpResponse<String> ok =
        post(
            "/api/query",
            "{\"org\":\"sandbox\",\"soql\":\"SELECT Id, Name, Amount FROM Opportunity"
                + " WHERE Name = 'Acme Corp Deal'\"}",
            KEY);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(ok.body());
    assertThat(body.path("org").path("environment").asText()).isEqualTo("sandbox");
    assertThat(body.path("totalSize").asLong()).isEqualTo(1);
    assertThat(body.path("records").get(0).path("Amount").asDouble()).isEqualTo(75_000);
  }

  @Test
  void orgsListBothDemoOrgs() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/api/orgs"))
                .header("Authorization", "Bearer " + KEY)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode orgs = JSON.readTree(response.body());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(orgs).hasSize(2);
    assertThat(orgs.get(0).path("environment").asText()).isEqualTo("production");
    assertThat(orgs.get(1).path("environment").asText()).isEqualTo("sandbox");
    assertThat(orgs.get(0).path("status").asText()).isEqualTo("active");
    assertThat(orgs.get(0).path("instanceUrl").asText()).isEqualTo(app.demoOrgUrls().get(0));
  }

  private static SalesforceClient client(String url) {
    var token =
        new OAuthClient(HTTP)
            .clientCredentials(url, "scopien-local", Secret.of("scopien-local-secret"));
    return SalesforceClients.create(
        SalesforceClients.newHttpClient(), SessionProvider.fixed(token.session()));
  }

  private static JsonNode chat(String message, String conversation) throws Exception {
    var body = JSON.createObjectNode().put("message", message);
    if (conversation != null) {
      body.put("conversationId", conversation);
    }
    HttpResponse<String> response = post("/api/chat", JSON.writeValueAsString(body), KEY);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static JsonNode firstCall(JsonNode reply) {
    assertThat(reply.path("toolCalls")).as(reply.toString()).isNotEmpty();
    return reply.path("toolCalls").get(0);
  }

  private static HttpResponse<String> post(String path, String body, String key)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String errorCode(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body()).path("error").path("code").asText();
  }

  private static List<Long> numbersIn(String text) {
    List<Long> numbers = new ArrayList<>();
    Matcher m = Pattern.compile("\\d[\\d,]*").matcher(text);
    while (m.find()) {
      numbers.add(Long.parseLong(m.group().replace(",", "")));
    }
    return numbers;
  }
}
