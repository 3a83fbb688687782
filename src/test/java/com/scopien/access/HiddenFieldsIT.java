package com.scopien.access;

import static com.scopien.access.AccessFixture.json;
import static com.scopien.access.AccessFixture.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopien.config.Secret;
import com.scopien.localorg.LocalOrgOptions;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceClients;
import com.scopien.salesforce.SessionProvider;
import com.scopien.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hidden-field test of issue 10: with the demo org synced, every output channel a test can
 * reach (chat replies and their tool calls, {@code /api/query} live and from the mirror, the whole
 * store, where mirror rows, transcripts and the audit log live, and the server's log output) is
 * searched for Jane Roe's real SSN, bank account and salary, read straight from the local org. None
 * may appear. Then an admin hides Email and it disappears from chat and {@code /api/query} too.
 */
class HiddenFieldsIT {
  private static final String ADMIN = AccessFixture.ADMIN_KEY;

  private static final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private static PrintStream realOut;
  private static PrintStream realErr;
  private static AccessFixture scopien;
  private static String org;
  private static SObjectRecord jane;

  @BeforeAll
  static void start() throws Exception {
    realOut = System.out;
    realErr = System.err;
    System.setOut(new PrintStream(new Tee(realOut, logged), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(realErr, logged), true, StandardCharsets.UTF_8));
    scopien = new AccessFixture();
    org = json(scopien.get("/api/orgs", ADMIN)).get(0).path("id").asText();
    SalesforceClient direct = direct(scopien.app.demoOrgUrls().get(0));
    jane =
        direct
            .query(
                "SELECT Id, Name, Email, SSN__c, Bank_Account__c, Salary__c FROM Contact"
                    + " WHERE Name = 'Jane Roe'")
            .records()
            .get(0);
    waitForTheStartUpSync();
  }

  @AfterAll
  static void stop() {
    try {
      if (scopien != null) {
        scopien.close();
      }
    } finally {
      System.setOut(realOut);
      System.setErr(realErr);
    }
  }

  @Test
  void janeRoesHiddenValuesAppearInNoChannel() throws Exception {
    List<String> secrets = secrets();
    assertThat(secrets).hasSize(3).allSatisfy(s -> assertThat(s).isNotBlank());

    List<String> seen = new ArrayList<>();
    for (String ask :
        new String[] {
          "show Jane Roe",
          "get contact Jane Roe",
          "show contacts with all fields",
          "show the Jane Roe contact",
          "show the SSN__c of contacts",
          "show the salary of Jane Roe"
        }) {
      HttpResponse<String> reply =
          scopien.post("/api/chat", "{\"message\":" + quoted(ask) + "}", ADMIN);
      assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
      seen.add(ask + " -> " + reply.body());
    }
    assertThat(String.join("\n", seen)).as("chat").contains("Jane Roe");

    HttpResponse<String> live =
        query("SELECT Id, Name, Email FROM Contact WHERE Name = 'Jane Roe'", ADMIN);
    assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
    seen.add(live.body());
    HttpResponse<String> mirrored = query("SELECT Id, Name FROM Contact LIMIT 200", ADMIN);
    assertThat(mirrored.statusCode()).as(mirrored.body()).isEqualTo(200);
    seen.add(mirrored.body());
    HttpResponse<String> asked = query("SELECT Id, SSN__c FROM Contact", ADMIN);
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(403);
    seen.add(asked.body());

    String store = storeDump();
    assertThat(store).as("the store holds the synced contacts").containsIgnoringCase(jane.id());
    String everything = String.join("\n", seen) + "\n" + logged.toString(StandardCharsets.UTF_8);
    for (String secret : secrets) {
      assertThat(everything).as("chat, /api/query and the log").doesNotContain(secret);
      assertThat(store).as("the store: mirror rows, transcripts, audit").doesNotContain(secret);
    }
  }

  @Test
  void anEmailAnAdminHidesLeavesChatAndQueryAnswers() {
    String email = String.valueOf(jane.fields().get("Email"));
    assertThat(email).contains("@");
    String ask = "{\"message\":\"get contact Jane Roe\"}";
    assertThat(query("SELECT Id, Email FROM Contact WHERE Name = 'Jane Roe'", ADMIN).body())
        .contains(email);
    assertThat(scopien.post("/api/chat", ask, ADMIN).body()).contains(email);
    try {
      HttpResponse<String> saved = hide("SSN__c", "Bank_Account__c", "Salary__c", "Email");
      assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
      JsonNode shown = fieldSecurity();
      assertThat(hiddenFlag(shown, "Email")).isTrue();
      assertThat(hiddenFlag(shown, "Phone")).isFalse();

      HttpResponse<String> refused =
          query("SELECT Id, Email FROM Contact WHERE Name = 'Jane Roe'", ADMIN);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
      assertThat(refused.body()).doesNotContain(email);
      HttpResponse<String> chat = scopien.post("/api/chat", ask, ADMIN);
      assertThat(chat.statusCode()).isEqualTo(200);
      assertThat(chat.body()).contains("Jane Roe").doesNotContain(email);

      HttpResponse<String> bad = hide("Email", "No_Such__c");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("No_Such__c");
      assertThat(hiddenFlag(fieldSecurity(), "SSN__c"))
          .as("a refused change leaves the rule as it was")
          .isTrue();
    } finally {
      HttpResponse<String> restored = hide("SSN__c", "Bank_Account__c", "Salary__c");
      assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
    }
    assertThat(query("SELECT Id, Email FROM Contact WHERE Name = 'Jane Roe'", ADMIN).body())
        .contains(email);
  }

  private static HttpResponse<String> hide(String... fields) {
    StringBuilder list = new StringBuilder();
    for (String f : fields) {
      list.append(list.length() == 0 ? "" : ",").append(quoted(f));
    }
    return scopien.send(
        "PUT",
        "/api/orgs/" + org + "/field-security/Contact",
        "{\"hidden\":[" + list + "]}",
        ADMIN);
  }

  private static JsonNode fieldSecurity() {
    return json(scopien.get("/api/orgs/" + org + "/field-security?object=Contact", ADMIN));
  }

  private static boolean hiddenFlag(JsonNode answer, String field) {
    for (JsonNode f : answer.path("fields")) {
      if (f.path("name").asText().equals(field)) {
        return f.path("hidden").asBoolean();
      }
    }
    throw new AssertionError(field + " is not listed: " + answer);
  }

  private static List<String> secrets() {
    List<String> out = new ArrayList<>();
    for (String field : new String[] {"SSN__c", "Bank_Account__c", "Salary__c"}) {
      Object value = jane.fields().get(field);
      String text = String.valueOf(value);
      if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
        text = String.valueOf(n.longValue()); // 85000.0 is written 85000 in JSON and text
      }
      out.add(text);
    }
    return out;
  }

  /** Every row of every table, as H2's SCRIPT writes it, through the running server's database. */
  private static String storeDump() throws Exception {
    try (Connection c = DriverManager.getConnection(Database.h2FileUrl(scopien.dataDir), "", "");
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SCRIPT")) {
      StringBuilder out = new StringBuilder();
      while (rows.next()) {
        out.append(rows.getString(1)).append('\n');
      }
      return out.toString();
    }
  }

  private static void waitForTheStartUpSync() throws InterruptedException {
    Instant until = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(until)) {
      String runs = scopien.get("/api/sync/runs?org=" + org, ADMIN).body();
      if (runs.contains("\"succeeded\"") && !runs.contains("\"running\"")) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("The start-up sync did not finish");
  }

  private static SalesforceClient direct(String url) {
    HttpClient http = SalesforceClients.newHttpClient();
    var token =
        new OAuthClient(http)
            .clientCredentials(
                url, LocalOrgOptions.DEMO_CLIENT_ID, Secret.of(LocalOrgOptions.DEMO_CLIENT_SECRET));
    return SalesforceClients.create(http, SessionProvider.fixed(token.session()));
  }

  private static HttpResponse<String> query(String soql, String key) {
    return scopien.post("/api/query", "{\"soql\":" + quoted(soql) + "}", key);
  }

  /** Writes to the real stream and keeps a copy. */
  private static final class Tee extends java.io.OutputStream {
    private final PrintStream real;
    private final ByteArrayOutputStream copy;

    Tee(PrintStream real, ByteArrayOutputStream copy) {
      this.real = real;
      this.copy = copy;
    }

    @Override
    public synchronized void write(int b) {
      real.write(b);
      copy.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      real.write(b, off, len);
      copy.write(b, off, len);
    }
  }
}
