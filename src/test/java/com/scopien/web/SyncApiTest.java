package com.scopien.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.agent.SoqlQueryService;
import com.scopien.config.Secret;
import com.scopien.localorg.LocalOrg;
import com.scopien.localorg.LocalOrgOptions;
import com.scopien.orgs.Environment;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceClients;
import com.scopien.salesforce.SessionProvider;
import com.scopien.security.AuditLog;
import com.scopien.security.FieldSecurity;
import com.scopien.security.Redactor;
import com.scopien.store.Database;
import com.scopien.store.TestDatabases;
import com.scopien.sync.LocalChangeService;
import com.scopien.sync.SyncOptions;
import com.scopien.sync.SyncService;
import com.scopien.sync.SyncSettingsService;
import com.scopien.testing.StoredOrgs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The sync routes over HTTP, with a real sync service syncing a small local org. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncApiTest {
  private static final String ADMIN = FakeApiKeyAuthenticator.ADMIN_KEY;
  private static final String MEMBER = FakeApiKeyAuthenticator.USER_KEY;
  private static final String GUEST = FakeApiKeyAuthenticator.GUEST_KEY;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private Database database;
  private LocalOrg localOrg;
  private SyncService sync;
  private WebServer server;
  private Org org;

  @BeforeAll
  void start() {
    database = TestDatabases.open(TestDatabases.Engine.H2);
    localOrg =
        LocalOrg.start(LocalOrgOptions.production().withScale(new LocalOrgOptions.Scale(0.01)));
    HttpClient client = SalesforceClients.newHttpClient();
    SalesforceClient salesforce =
        SalesforceClients.create(
            client,
            SessionProvider.fixed(
                new OAuthClient(client)
                    .clientCredentials(
                        localOrg.baseUrl(),
                        localOrg.options().clientId(),
                        Secret.of(localOrg.options().clientSecret()))
                    .session()));
    org = StoredOrgs.insert(database.jdbc(), "Acme", Environment.PRODUCTION);
    OrgDirectory orgs = new StoredOrgs.Directory(List.of(org), salesforce);
    SyncSettingsService settings =
        new SyncSettingsService(database.jdbc(), orgs, Clock.systemUTC());
    sync =
        new SyncService(
            database.jdbc(), orgs, settings, SyncOptions.defaults(), Clock.systemUTC(), id -> {});
    server =
        new WebServer(
                "127.0.0.1",
                0,
                new ScriptedAssistant(),
                new RecordingPendingWrites(),
                orgs,
                new SoqlQueryService(orgs, FieldSecurity.defaults()),
                new FakeApiKeyAuthenticator(),
                sync,
                settings,
                new LocalChangeService(
                    database.jdbc(),
                    orgs,
                    settings,
                    sync,
                    new AuditLog(
                        database.jdbc(),
                        FieldSecurity.defaults(),
                        Redactor.standard(),
                        Clock.systemUTC()),
                    FieldSecurity.defaults(),
                    Clock.systemUTC()),
                Clock.systemUTC(),
                "test")
            .start();
  }

  /** Lets a run a test started finish, so the next test can start its own. */
  @AfterEach
  void settle() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (sync.runs(org.id(), 5).stream().anyMatch(r -> r.status().wireName().equals("running"))
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
  }

  @AfterAll
  void stop() {
    server.stop();
    sync.close();
    localOrg.close();
    database.close();
  }

  @Test
  void syncNowRunsInTheBackgroundAndReportsTheContractShape() throws Exception {
    HttpResponse<String> started = send("POST", "/api/orgs/" + org.id() + "/sync", ADMIN, "{}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String runId = json.readTree(started.body()).get("runId").asText();

    JsonNode run = awaitRun(runId);

    assertThat(run.get("status").asText()).isEqualTo("succeeded");
    assertThat(run.at("/progress/done").asLong()).isEqualTo(run.at("/progress/total").asLong());
    assertThat(run.get("apiCalls").asLong()).isPositive();
    assertThat(run.get("startedAt").asText()).isNotBlank();
    assertThat(run.get("finishedAt").asText()).isNotBlank();
    JsonNode account = null;
    for (JsonNode o : run.get("objects")) {
      assertThat(
              o.has("created")
                  && o.has("updated")
                  && o.has("deleted")
                  && o.has("failed")
                  && o.has("total"))
          .isTrue();
      if (o.get("object").asText().equals("Account")) {
        account = o;
      }
    }
    assertThat(account).isNotNull();
    // Another test may have synced Account first; then this run reads changes only.
    if (account.get("phase").asText().equals("initial")) {
      assertThat(account.get("created").asLong()).isEqualTo(localOrg.count("Account"));
    }

    JsonNode runs = get("/api/sync/runs?org=" + org.id(), MEMBER);
    assertThat(runs.get(0).get("id").asText()).isEqualTo(runId);

    JsonNode objects = get("/api/orgs/" + org.id() + "/objects", MEMBER);
    boolean sawAccount = false;
    for (JsonNode o : objects) {
      if (o.get("object").asText().equals("Account")) {
        sawAccount = true;
        assertThat(o.get("selected").asBoolean()).isTrue();
        assertThat(o.get("localCount").asLong()).isEqualTo(localOrg.count("Account"));
        assertThat(o.get("lastSyncAt").isNull()).isFalse();
      }
      if (o.get("object").asText().equals("Campaign")) {
        assertThat(o.get("selected").asBoolean()).isFalse();
        assertThat(o.get("localCount").asLong()).isZero();
      }
    }
    assertThat(sawAccount).isTrue();
    assertThat(get("/api/orgs/" + org.id() + "/sync/health", MEMBER).get("lastRunStatus").asText())
        .isEqualTo("succeeded");
  }

  @Test
  void progressStreamsAsServerSentEventsUntilTheRunEnds() throws Exception {
    String runId =
        json.readTree(
                send("POST", "/api/orgs/" + org.id() + "/sync", ADMIN, "{\"full\":true}").body())
            .get("runId")
            .asText();

    HttpResponse<java.util.stream.Stream<String>> stream =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + server.port()
                            + "/api/sync/runs/"
                            + runId
                            + "/events"))
                .header("Authorization", "Bearer " + MEMBER)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofLines());

    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    List<String> data =
        stream.body().filter(l -> l.startsWith("data:")).map(l -> l.substring(5).trim()).toList();
    assertThat(data).isNotEmpty();
    JsonNode last = json.readTree(data.get(data.size() - 1));
    assertThat(last.get("id").asText()).isEqualTo(runId);
    assertThat(last.get("status").asText()).isEqualTo("succeeded");
    assertThat(code(send("GET", "/api/sync/runs/nope/events", MEMBER, null), 404))
        .isEqualTo("unknown_run");
  }

  @Test
  void guestsSeeNoSyncDataAtAll() throws Exception {
    for (String path :
        List.of(
            "/api/sync/runs?org=" + org.id(),
            "/api/sync/runs/nope",
            "/api/orgs/" + org.id() + "/objects",
            "/api/orgs/" + org.id() + "/sync/errors",
            "/api/orgs/" + org.id() + "/sync/health",
            "/api/orgs/" + org.id() + "/sync/settings",
            "/api/orgs/" + org.id() + "/mappings",
            "/api/orgs/" + org.id() + "/conflicts")) {
      assertThat(send("GET", path, GUEST, null).statusCode()).as(path).isEqualTo(403);
    }
  }

  @Test
  void usersReadButOnlyManagersStartAndOnlyAdminsConfigure() throws Exception {
    assertError(send("POST", "/api/orgs/" + org.id() + "/sync", MEMBER, "{}"), 403);
    assertError(
        send(
            "PATCH",
            "/api/orgs/" + org.id() + "/sync/settings",
            MEMBER,
            "{\"frequency\":\"hourly\"}"),
        403);

    HttpResponse<String> changed =
        send(
            "PATCH",
            "/api/orgs/" + org.id() + "/sync/settings",
            ADMIN,
            "{\"frequency\":\"hourly\",\"conflictPolicy\":\"manual-review\"}");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(json.readTree(changed.body()).get("frequency").asText()).isEqualTo("hourly");
    assertThat(
            get("/api/orgs/" + org.id() + "/sync/settings", MEMBER).get("conflictPolicy").asText())
        .isEqualTo("manual-review");
  }

  @Test
  void anAdminOverridesTheConflictPolicyOfOneObjectAndReturnsItToTheOrgs() throws Exception {
    String settings = "/api/orgs/" + org.id() + "/sync/settings";
    HttpResponse<String> changed =
        send("PATCH", settings, ADMIN, "{\"objectPolicies\":{\"opportunity\":\"manual\"}}");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(policyOf("Opportunity")).isEqualTo("manual-review");
    assertThat(policyOf("Account")).isNull();

    send("PATCH", settings, ADMIN, "{\"objectPolicies\":{\"Opportunity\":null}}");
    assertThat(policyOf("Opportunity")).isNull();

    assertThat(
            code(send("PATCH", settings, ADMIN, "{\"objectPolicies\":{\"Lead\":\"coin\"}}"), 400))
        .isEqualTo("invalid_conflict_policy");
    assertThat(policyOf("Lead")).isNull();

    // One unknown object refuses the whole request: neither the good override nor the
    // org-level frequency is saved.
    String before = get(settings, MEMBER).get("frequency").asText();
    assertThat(
            code(
                send(
                    "PATCH",
                    settings,
                    ADMIN,
                    "{\"frequency\":\"manual\",\"objectPolicies\":"
                        + "{\"Lead\":\"scopien\",\"Nope__c\":\"scopien\"}}"),
                400))
        .isEqualTo("unknown_object");
    assertThat(policyOf("Lead")).isNull();
    assertThat(get(settings, MEMBER).get("frequency").asText()).isEqualTo(before);
    assertError(
        send("PATCH", settings, MEMBER, "{\"objectPolicies\":{\"Lead\":\"scopien\"}}"), 403);
  }

  private String policyOf(String object) throws Exception {
    for (JsonNode entry : get("/api/orgs/" + org.id() + "/objects", MEMBER)) {
      if (entry.get("object").asText().equals(object)) {
        JsonNode policy = entry.get("conflictPolicy");
        return policy.isNull() ? null : policy.asText();
      }
    }
    throw new AssertionError("no object " + object);
  }

  @Test
  void badRequestsSayWhatIsWrong() throws Exception {
    assertThat(
            code(
                send(
                    "POST",
                    "/api/orgs/" + org.id() + "/sync",
                    ADMIN,
                    "{\"objects\":[\"Widget__c\"]}"),
                400))
        .isEqualTo("unknown_object");
    assertThat(
            code(send("POST", "/api/orgs/" + org.id() + "/sync", ADMIN, "{\"full\":\"yes\"}"), 400))
        .isEqualTo("invalid_type");
    assertThat(code(send("POST", "/api/orgs/nope/sync", ADMIN, "{}"), 404))
        .isEqualTo("unknown_org");
    assertThat(code(send("GET", "/api/sync/runs/nope", MEMBER, null), 404))
        .isEqualTo("unknown_run");
    assertThat(code(send("GET", "/api/sync/runs", MEMBER, null), 400)).isEqualTo("missing_org");
    assertThat(
            code(
                send(
                    "PATCH",
                    "/api/orgs/" + org.id() + "/sync/settings",
                    ADMIN,
                    "{\"frequency\":\"weekly\"}"),
                400))
        .isEqualTo("invalid_frequency");
  }

  @Test
  void aRecordChangedThroughTheApiReachesTheLocalOrg() throws Exception {
    String runId =
        json.readTree(
                send(
                        "POST",
                        "/api/orgs/" + org.id() + "/sync",
                        ADMIN,
                        "{\"objects\":[\"Account\"]}")
                    .body())
            .get("runId")
            .asText();
    awaitRun(runId);
    String accountId =
        localOrg.asDemoUser().create("Account", java.util.Map.of("Name", "Patch Target"));
    awaitRun(
        json.readTree(
                send(
                        "POST",
                        "/api/orgs/" + org.id() + "/sync",
                        ADMIN,
                        "{\"objects\":[\"Account\"]}")
                    .body())
            .get("runId")
            .asText());

    assertThat(
            send(
                    "PATCH",
                    "/api/orgs/" + org.id() + "/records/Account/" + accountId,
                    GUEST,
                    "{\"fields\":{\"Name\":\"Nope\"}}")
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> changed =
        send(
            "PATCH",
            "/api/orgs/" + org.id() + "/records/Account/" + accountId,
            ADMIN,
            "{\"fields\":{\"Name\":\"Patched Through Scopien\"}}");

    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    JsonNode body = json.readTree(changed.body());
    assertThat(body.at("/fields/Name").asText()).isEqualTo("Patched Through Scopien");
    assertThat(body.get("pending").toString()).isEqualTo("[\"Name\"]");
    JsonNode pushed = awaitRun(body.get("runId").asText());
    assertThat(pushed.get("status").asText()).isEqualTo("succeeded");
    assertThat(localOrg.record("Account", accountId).orElseThrow())
        .containsEntry("Name", "Patched Through Scopien");
    assertThat(get("/api/orgs/" + org.id() + "/conflicts", MEMBER).size()).isZero();
    assertThat(
            code(
                send(
                    "PATCH",
                    "/api/orgs/" + org.id() + "/records/Account/" + accountId,
                    ADMIN,
                    "{\"fields\":{\"Nope__c\":1}}"),
                400))
        .isEqualTo("unknown_field");
  }

  @Test
  void mappingsAreAddedAndRemoved() throws Exception {
    HttpResponse<String> added =
        send(
            "POST",
            "/api/orgs/" + org.id() + "/mappings",
            ADMIN,
            "{\"object\":\"Opportunity\",\"salesforceField\":\"StageName\","
                + "\"scopienField\":\"Deal Stage\"}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    assertThat(get("/api/orgs/" + org.id() + "/mappings", MEMBER).toString())
        .contains("Deal Stage");

    HttpResponse<String> removed =
        send("DELETE", "/api/orgs/" + org.id() + "/mappings/Opportunity/StageName", ADMIN, null);
    assertThat(removed.statusCode()).isEqualTo(204);
    assertThat(get("/api/orgs/" + org.id() + "/mappings", MEMBER).toString())
        .doesNotContain("Deal Stage");
  }

  private JsonNode awaitRun(String runId) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonNode run = get("/api/sync/runs/" + runId, MEMBER);
    while (run.get("status").asText().equals("running") && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      run = get("/api/sync/runs/" + runId, MEMBER);
    }
    return run;
  }

  private JsonNode get(String path, String key) throws Exception {
    HttpResponse<String> response = send("GET", path, key, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private String code(HttpResponse<String> response, int status) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body()).at("/error/code").asText();
  }

  private void assertError(HttpResponse<String> response, int status) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(json.readTree(response.body()).at("/error/code").asText()).isNotBlank();
  }

  private HttpResponse<String> send(String method, String path, String key, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer " + key)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
