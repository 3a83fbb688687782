package com.scopien.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.agent.SoqlQueryService;
import com.scopien.monitoring.ApiUsageMonitor;
import com.scopien.salesforce.ApiUsage;
import com.scopien.security.FieldSecurity;
import com.scopien.store.Database;
import com.scopien.store.TestDatabases;
import com.scopien.testing.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code GET /api/orgs/{id}/usage} over HTTP, with the real monitor on H2. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageApiTest {
  private static final Instant NINE = Instant.parse("2026-11-28T09:10:00Z");
  private static final String PROD = FakeOrgDirectory.PRODUCTION.id();
  private static final String SANDBOX = FakeOrgDirectory.SANDBOX.id();

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final MutableClock clock = new MutableClock(NINE);
  private Database database;
  private WebServer server;

  @BeforeAll
  void start() {
    database = TestDatabases.open(TestDatabases.Engine.H2);
    for (String id : new String[] {PROD, SANDBOX}) {
      database
          .jdbc()
          .update(
              "INSERT INTO orgs (id, name, name_key, environment, login_url, status, auth_flow,"
                  + " client_id, connected_at) VALUES (?, ?, ?, 'PRODUCTION', 'https://x',"
                  + " 'ACTIVE', 'CLIENT_CREDENTIALS', 'c', ?)",
              id,
              id,
              id,
              NINE);
    }
    ApiUsageMonitor usage = new ApiUsageMonitor(database.jdbc(), clock);
    usage.record(PROD, new ApiUsage(12_000, 100_000, NINE));
    usage.record(PROD, new ApiUsage(12_001, 100_000, NINE));
    clock.advance(Duration.ofHours(1));
    usage.record(PROD, new ApiUsage(12_456, 100_000, NINE));
    FakeOrgDirectory orgs = new FakeOrgDirectory();
    server =
        new WebServer(
                "127.0.0.1",
                0,
                new ScriptedAssistant(),
                new RecordingPendingWrites(),
                orgs,
                new SoqlQueryService(orgs, FieldSecurity.defaults()),
                new FakeApiKeyAuthenticator(),
                clock,
                "test")
            .withUsage(usage)
            .start();
  }

  @AfterAll
  void stop() {
    server.stop();
    database.close();
  }

  @Test
  void aGuestIsRefusedTheOrgsUsageAsChatRefusesIt() throws Exception {
    HttpResponse<String> response =
        get("/api/orgs/" + PROD + "/usage", FakeApiKeyAuthenticator.GUEST_KEY);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.body()).doesNotContain("dailyLimit");
  }

  @Test
  void aUserReadsTheOrgsAllowanceItsPeakHourAndItsCallsPerHour() throws Exception {
    HttpResponse<String> response =
        get("/api/orgs/" + PROD + "/usage", FakeApiKeyAuthenticator.USER_KEY);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode usage = json.readTree(response.body());
    assertThat(usage.get("org").asText()).isEqualTo(PROD);
    assertThat(usage.get("orgName").asText()).isEqualTo("Acme Production");
    assertThat(usage.get("dailyLimit").asLong()).isEqualTo(100_000);
    assertThat(usage.get("usedToday").asLong()).isEqualTo(12_456);
    assertThat(usage.get("remaining").asLong()).isEqualTo(87_544);
    assertThat(usage.get("percent").asDouble()).isEqualTo(12.5);
    assertThat(usage.at("/peakHour/start").asText()).isEqualTo("2026-11-28T09:00:00Z");
    assertThat(usage.at("/peakHour/calls").asLong()).isEqualTo(2);
    assertThat(usage.get("scopienCalls24h").asLong()).isEqualTo(3);
    assertThat(usage.get("hours")).hasSize(2);
    assertThat(usage.at("/hours/1/start").asText()).isEqualTo("2026-11-28T10:00:00Z");
    assertThat(usage.at("/hours/1/calls").asLong()).isEqualTo(1);
  }

  @Test
  void anOrgScopienNeverCalledHasZerosAndNoPeakHour() throws Exception {
    JsonNode usage =
        json.readTree(
            get("/api/orgs/" + SANDBOX + "/usage", FakeApiKeyAuthenticator.ADMIN_KEY).body());

    assertThat(usage.get("dailyLimit").asLong()).isZero();
    assertThat(usage.get("percent").asDouble()).isZero();
    assertThat(usage.get("peakHour").isNull()).isTrue();
    assertThat(usage.get("hours")).isEmpty();
  }

  @Test
  void anUnknownOrgIsA404NamingTheId() throws Exception {
    HttpResponse<String> response =
        get("/api/orgs/no-such-org/usage", FakeApiKeyAuthenticator.ADMIN_KEY);

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode error = json.readTree(response.body()).get("error");
    assertThat(error.get("code").asText()).isEqualTo("unknown_org");
    assertThat(error.get("message").asText()).isEqualTo("There is no org with id no-such-org.");
  }

  @Test
  void withoutAKeyNothingIsShown() throws Exception {
    HttpResponse<String> response = get("/api/orgs/" + PROD + "/usage", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).doesNotContain("12456");
  }

  private HttpResponse<String> get(String path, String key)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
