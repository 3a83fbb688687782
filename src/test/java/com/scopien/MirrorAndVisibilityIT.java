package com.scopien;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.config.Secret;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceClients;
import com.scopien.salesforce.SessionProvider;
import com.scopien.security.Role;
import com.scopien.security.User;
import com.scopien.testing.DemoApp;
import com.scopien.testing.DemoSync;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scopien in demo mode with the production org synced: fresh objects are answered from the local
 * mirror without spending API calls and with the same rows as live, others go live; and each role
 * sees and changes only the records it may, through chat, {@code POST /api/query} and {@code
 * PATCH}.
 */
class MirrorAndVisibilityIT {
  private static final String KEY = "it-admin-key-mirror-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static App app;
  private static String base;
  private static String orgId;
  private static SalesforceClient live;
  private static String sarahKey;
  private static String johnKey;
  private static String unaKey;
  private static User una;
  private static String john;
  private static String sarah;
  private static String michael;

  @BeforeAll
  static void start() throws Exception {
    Path dataDir = Files.createTempDirectory("scopien-mirror-it");
    app = DemoApp.start(dataDir, KEY, "0.02");
    base = "http://127.0.0.1:" + app.port();
    live = client(app.demoOrgUrls().get(0));
    for (JsonNode org : JSON.readTree(send("GET", "/api/orgs", null, KEY).body())) {
      if (org.path("environment").asText().equals("production")) {
        orgId = org.path("id").asText();
      }
    }
    User sarahUser = app.users().createUser("Sarah Chen", "sarah.chen@acme.com", Role.USER);
    User johnUser = app.users().createUser("John Doe", "john.doe@acme.com", Role.MANAGER);
    una = app.users().createUser("Una Known", "una@elsewhere.test", Role.USER);
    sarahKey = app.users().issueKey(sarahUser.id()).key().reveal();
    johnKey = app.users().issueKey(johnUser.id()).key().reveal();
    unaKey = app.users().issueKey(una.id()).key().reveal();
    john = userId("john.doe@acme.com");
    sarah = userId("sarah.chen@acme.com");
    michael = userId("michael.brown@acme.com");

    // Background sync off, then one sync of the production org that the test waits for.
    assertThat(
            send(
                    "PATCH",
                    "/api/orgs/" + orgId + "/sync/settings",
                    "{\"frequency\":\"manual\"}",
                    KEY)
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
  void aFreshObjectIsAnsweredFromTheMirrorWithoutApiCallsAndWithTheRowsLiveHas() throws Exception {
    String ask = "show closed won opportunities over 50k in production";
    JsonNode first = chat(ask, KEY);
    assertThat(first.path("reply").asText()).contains("From the local copy of **Acme Production**");

    long before = live.limits().dailyApiRequests().orElseThrow().used();
    long calibrated = live.limits().dailyApiRequests().orElseThrow().used();
    JsonNode again = chat(ask, KEY);
    long after = live.limits().dailyApiRequests().orElseThrow().used();

    // Only our own /limits calls were counted: the chat spent no API call.
    assertThat(after - calibrated).isEqualTo(calibrated - before);
    assertThat(again.path("toolCalls").get(0).path("status").asText()).isEqualTo("ok");
    assertThat(again.path("reply").asText())
        .containsPattern("as of (less than a minute|\\d+ minutes?) ago")
        .contains("opportunities where");

    String soql =
        "SELECT Id, Name, Amount FROM Opportunity WHERE StageName = 'Closed Won'"
            + " AND Amount > 50000 ORDER BY Amount DESC, Id LIMIT 25";
    JsonNode mirrored = query(soql, KEY);
    assertThat(mirrored.path("source").asText()).isEqualTo("mirror");
    assertThat(mirrored.path("asOf").asText()).isNotBlank();
    assertThat(ids(mirrored))
        .isNotEmpty()
        .isEqualTo(live.query(soql).records().stream().map(SObjectRecord::id).toList());
    String count =
        "SELECT COUNT() FROM Opportunity WHERE StageName = 'Closed Won' AND Amount > 50000";
    assertThat(query(count, KEY).path("totalSize").asLong())
        .isEqualTo(live.query(count).totalSize());
  }

  @Test
  void contactsWithTheirAccountNamesAreAnsweredFromTheMirrorAsLiveHasThem() throws Exception {
    JsonNode shown = chat("show contacts in production", KEY);
    assertThat(shown.path("reply").asText()).contains("From the local copy of **Acme Production**");

    String soql = "SELECT Id, Name, Email, Account.Name FROM Contact ORDER BY Id LIMIT 200";
    JsonNode mirrored = query(soql, KEY);
    assertThat(mirrored.path("source").asText()).isEqualTo("mirror");
    List<SObjectRecord> expected = live.query(soql).records();
    assertThat(ids(mirrored))
        .isNotEmpty()
        .isEqualTo(expected.stream().map(SObjectRecord::id).toList());
    List<String> accounts = new ArrayList<>();
    mirrored
        .path("records")
        .forEach(
            r -> {
              JsonNode account = r.path("Account");
              if (!account.isNull()) {
                assertThat(account.path("attributes").path("type").asText()).isEqualTo("Account");
              }
              accounts.add(account.isNull() ? null : account.path("Name").asText());
            });
    assertThat(accounts)
        .anyMatch(java.util.Objects::nonNull)
        .isEqualTo(expected.stream().map(r -> (String) r.get("Account.Name")).toList());
  }

  @Test
  void anObjectThatIsNotSyncedIsReadLive() throws Exception {
    JsonNode reply = chat("how many campaigns are there", KEY);
    assertThat(reply.path("reply").asText()).contains("In **Acme Production**").contains("live");

    JsonNode counted = query("SELECT COUNT() FROM Campaign", KEY);
    assertThat(counted.path("source").asText()).isEqualTo("live");
    assertThat(counted.path("totalSize").asLong())
        .isEqualTo(live.query("SELECT COUNT() FROM Campaign").totalSize());
  }

  @Test
  void aUserSeesOnlyTheOpportunitiesTheyOwn() throws Exception {
    long own =
        live.query("SELECT COUNT() FROM Opportunity WHERE OwnerId = '" + sarah + "'").totalSize();
    assertThat(own).isPositive();

    JsonNode mine = query("SELECT Id, OwnerId FROM Opportunity LIMIT 2000", sarahKey);
    assertThat(mine.path("totalSize").asLong()).isEqualTo(own);
    mine.path("records").forEach(r -> assertThat(r.path("OwnerId").asText()).isEqualTo(sarah));

    JsonNode counted = chat("how many opportunities are there", sarahKey);
    assertThat(counted.path("reply").asText())
        .contains(String.format(Locale.US, "%,d opportunities you own", own));
    JsonNode shown = chat("show opportunities in production", sarahKey);
    assertThat(shown.path("reply").asText()).contains("opportunities you own");
    // Live reads are limited the same way (Campaign has an owner and is not synced).
    JsonNode campaigns = query("SELECT Id, OwnerId FROM Campaign", sarahKey);
    assertThat(campaigns.path("source").asText()).isEqualTo("live");
    campaigns.path("records").forEach(r -> assertThat(r.path("OwnerId").asText()).isEqualTo(sarah));
  }

  @Test
  void aManagerSeesTheirTeamsOpportunities() throws Exception {
    long team =
        live.query(
                "SELECT COUNT() FROM Opportunity WHERE OwnerId IN ('"
                    + john
                    + "', '"
                    + sarah
                    + "', '"
                    + michael
                    + "')")
            .totalSize();
    long all = live.query("SELECT COUNT() FROM Opportunity").totalSize();

    assertThat(query("SELECT COUNT() FROM Opportunity", johnKey).path("totalSize").asLong())
        .isEqualTo(team)
        .isLessThan(all);
    assertThat(query("SELECT COUNT() FROM Opportunity", KEY).path("totalSize").asLong())
        .isEqualTo(all);
  }

  @Test
  void noOneChangesARecordOutsideTheirReach() throws Exception {
    SObjectRecord deal =
        live.query("SELECT Id, OwnerId, Amount FROM Opportunity WHERE Name = 'Acme Corp Deal'")
            .records()
            .get(0);
    assertThat(deal.get("OwnerId")).isEqualTo(john);

    JsonNode refused = chat("update the amount of Acme Corp Deal to 80000", sarahKey);
    assertThat(refused.path("toolCalls").get(0).path("tool").asText()).isEqualTo("update_record");
    assertThat(refused.path("toolCalls").get(0).path("status").asText()).isEqualTo("error");
    assertThat(refused.path("reply").asText()).contains("No Opportunity named 'Acme Corp Deal'");

    String patch = "/api/orgs/" + orgId + "/records/Opportunity/" + deal.id();
    HttpResponse<String> hidden = send("PATCH", patch, "{\"fields\":{\"Amount\":80000}}", sarahKey);
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(hidden.body()).contains("unknown_record");
    String sarahsDeal =
        live.query("SELECT Id FROM Opportunity WHERE OwnerId = '" + sarah + "' LIMIT 1")
            .records()
            .get(0)
            .id();
    HttpResponse<String> stolen =
        send(
            "PATCH",
            "/api/orgs/" + orgId + "/records/Opportunity/" + sarahsDeal,
            "{\"fields\":{\"OwnerId\":\"" + john + "\"}}",
            sarahKey);
    assertThat(stolen.statusCode()).isEqualTo(403);
    assertThat(live.retrieve("Opportunity", deal.id(), List.of("Amount")).get("Amount").toString())
        .startsWith("75000");

    // The manager may change a report's record.
    HttpResponse<String> managed =
        send(
            "PATCH",
            "/api/orgs/" + orgId + "/records/Opportunity/" + sarahsDeal,
            "{\"fields\":{\"NextStep\":\"Call back\"}}",
            johnKey);
    assertThat(managed.statusCode()).as(managed.body()).isEqualTo(200);
  }

  @Test
  void aNewRecordBelongsToTheUserWhoCreatedIt() throws Exception {
    SalesforceClient sandbox = client(app.demoOrgUrls().get(1));
    String sarahInSandbox =
        sandbox
            .query("SELECT Id FROM User WHERE Email = 'sarah.chen@acme.com'")
            .records()
            .get(0)
            .id();
    String conversation = chat("Switch to sandbox", sarahKey, null).path("conversationId").asText();

    JsonNode created = chat("Create test lead", sarahKey, conversation);

    assertThat(created.path("toolCalls").get(0).path("status").asText())
        .as(created.toString())
        .isEqualTo("ok");
    java.util.regex.Matcher id =
        java.util.regex.Pattern.compile("New record Id: (\\w+)")
            .matcher(created.path("reply").asText());
    assertThat(id.find()).as(created.path("reply").asText()).isTrue();
    assertThat(sandbox.retrieve("Lead", id.group(1), List.of("OwnerId")).get("OwnerId"))
        .isEqualTo(sarahInSandbox);
  }

  @Test
  void anUnlinkedUserSeesNoOwnedRecordsUntilAnAdminLinksThem() throws Exception {
    JsonNode reply = chat("show opportunities in production", unaKey);
    assertThat(reply.path("reply").asText()).contains("You are not linked to a Salesforce user");
    assertThat(query("SELECT COUNT() FROM Opportunity", unaKey).path("totalSize").asLong())
        .isZero();

    String link = "/api/orgs/" + orgId + "/users/" + una.id();
    assertThat(send("PUT", link, "{\"salesforceUserId\":\"" + michael + "\"}", unaKey).statusCode())
        .isEqualTo(403);
    HttpResponse<String> linked =
        send("PUT", link, "{\"salesforceUserId\":\"" + michael.substring(0, 15) + "\"}", KEY);
    assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
    assertThat(JSON.readTree(linked.body()).path("salesforceUserId").asText()).isEqualTo(michael);
    long michaels =
        live.query("SELECT COUNT() FROM Opportunity WHERE OwnerId = '" + michael + "'").totalSize();
    assertThat(query("SELECT COUNT() FROM Opportunity", unaKey).path("totalSize").asLong())
        .isEqualTo(michaels);

    assertThat(send("DELETE", link, null, KEY).statusCode()).isEqualTo(204);
    assertThat(query("SELECT COUNT() FROM Opportunity", unaKey).path("totalSize").asLong())
        .isZero();
  }

  @Test
  void aConflictShowsOnlyToThoseWhoMaySeeItsRecord() throws Exception {
    String settings = "/api/orgs/" + orgId + "/sync/settings";
    assertThat(
            send("PATCH", settings, "{\"objectPolicies\":{\"Opportunity\":\"manual\"}}", KEY)
                .statusCode())
        .isEqualTo(200);
    try {
      String johns =
          live.query(
                  "SELECT Id FROM Opportunity WHERE OwnerId = '"
                      + john
                      + "' AND Name != 'Acme Corp Deal' LIMIT 1")
              .records()
              .get(0)
              .id();
      // Let runs started by other tests end first: a run pulling Opportunity right now would take
      // the Salesforce change into the mirror before the Scopien edit, and there would be no
      // conflict to see.
      syncAndWait();
      // Changed on both sides: in Salesforce, then in Scopien (whose push finds the other change).
      live.update("Opportunity", johns, Map.of("NextStep", "Changed in Salesforce"));
      HttpResponse<String> changed =
          send(
              "PATCH",
              "/api/orgs/" + orgId + "/records/Opportunity/" + johns,
              "{\"fields\":{\"NextStep\":\"Changed in Scopien\"}}",
              KEY);
      assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
      syncAndWait();

      String conflicts = "/api/orgs/" + orgId + "/conflicts";
      // First whether the conflict exists at all (the admin sees every one), then who sees it.
      assertThat(send("GET", conflicts, null, KEY).body()).as("the admin's list").contains(johns);
      String conflictId = null;
      for (JsonNode c : JSON.readTree(send("GET", conflicts, null, johnKey).body())) {
        if (c.path("recordId").asText().equals(johns)) {
          conflictId = c.path("id").asText();
        }
      }
      assertThat(conflictId).as("the owner sees the conflict").isNotNull();
      assertThat(send("GET", conflicts, null, sarahKey).body()).doesNotContain(johns);
      HttpResponse<String> refused =
          send(
              "POST",
              conflicts + "/" + conflictId + "/resolve",
              "{\"otherwise\":\"scopien\"}",
              sarahKey);
      assertThat(refused.statusCode()).isEqualTo(404);
      assertThat(refused.body()).contains("unknown_conflict");
      HttpResponse<String> resolved =
          send(
              "POST",
              conflicts + "/" + conflictId + "/resolve",
              "{\"otherwise\":\"salesforce\"}",
              johnKey);
      assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
    } finally {
      send("PATCH", settings, "{\"objectPolicies\":{\"Opportunity\":null}}", KEY);
    }
  }

  private static void syncAndWait() throws Exception {
    DemoSync.syncAndWait(
        (method, path, body) -> send(method, path, body, KEY), orgId, Duration.ofSeconds(90));
  }

  private static String userId(String email) {
    return live.query("SELECT Id FROM User WHERE Email = '" + email + "'").records().get(0).id();
  }

  private static List<String> ids(JsonNode result) {
    List<String> ids = new ArrayList<>();
    result.path("records").forEach(r -> ids.add(r.path("Id").asText()));
    return ids;
  }

  private static SalesforceClient client(String url) {
    var token =
        new OAuthClient(HTTP)
            .clientCredentials(url, "scopien-local", Secret.of("scopien-local-secret"));
    return SalesforceClients.create(
        SalesforceClients.newHttpClient(), SessionProvider.fixed(token.session()));
  }

  private static JsonNode chat(String message, String key) throws Exception {
    return chat(message, key, null);
  }

  private static JsonNode chat(String message, String key, String conversation) throws Exception {
    var body = JSON.createObjectNode().put("message", message);
    if (conversation != null) {
      body.put("conversationId", conversation);
    }
    HttpResponse<String> response = send("POST", "/api/chat", body.toString(), key);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static JsonNode query(String soql, String key) throws Exception {
    HttpResponse<String> response =
        send("POST", "/api/query", JSON.createObjectNode().put("soql", soql).toString(), key);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> send(String method, String path, String body, String key)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key);
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
