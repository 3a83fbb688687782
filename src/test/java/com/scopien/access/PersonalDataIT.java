package com.scopien.access;

import static com.scopien.access.AccessFixture.json;
import static com.scopien.access.AccessFixture.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopien.config.Secret;
import com.scopien.localorg.LocalOrgOptions;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceClients;
import com.scopien.salesforce.SessionProvider;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An admin exports and then erases what Scopien holds about Jane Roe (by her email): her mirror row
 * and the chat messages that name her go, another conversation stays, the erase is audited, and
 * Salesforce (the local org) still has her.
 */
class PersonalDataIT {
  private static final String ADMIN = AccessFixture.ADMIN_KEY;
  private static AccessFixture scopien;
  private static SalesforceClient direct;
  private static String email;
  private static String janeId;

  @BeforeAll
  static void start() throws Exception {
    scopien = new AccessFixture();
    direct = direct(scopien.app.demoOrgUrls().get(0));
    var jane =
        direct.query("SELECT Id, Email FROM Contact WHERE Name = 'Jane Roe'").records().get(0);
    email = String.valueOf(jane.fields().get("Email"));
    janeId = jane.id();
    String org = json(scopien.get("/api/orgs", ADMIN)).get(0).path("id").asText();
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

  @AfterAll
  static void stop() {
    if (scopien != null) {
      scopien.close();
    }
  }

  @Test
  void anAdminExportsThenErasesJaneRoeFromScopienOnly() {
    String about =
        json(scopien.post("/api/chat", "{\"message\":\"get contact Jane Roe\"}", ADMIN))
            .path("conversationId")
            .asText();
    String other =
        json(scopien.post("/api/chat", "{\"message\":\"list orgs\"}", ADMIN))
            .path("conversationId")
            .asText();

    HttpResponse<String> exported = export();
    assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
    JsonNode found = json(exported);
    assertThat(found.at("/mirrorRows").toString()).contains(janeId);
    assertThat(found.at("/names").toString()).contains("Jane Roe");
    assertThat(found.at("/counts/messages").asInt()).isPositive();
    assertThat(found.at("/messages").toString()).contains(about).doesNotContain(other);
    assertThat(exported.body()).doesNotContain("SSN__c\":\"9");

    HttpResponse<String> erased =
        scopien.post("/api/privacy/erase", "{\"email\":" + quoted(email) + "}", ADMIN);
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    assertThat(json(erased).at("/removed/mirrorRows").asInt()).isPositive();
    assertThat(json(erased).at("/removed/messages").asInt())
        .isEqualTo(found.at("/counts/messages").asInt());
    assertThat(erased.body()).contains("Salesforce is untouched");

    JsonNode after = json(export());
    assertThat(after.at("/counts/mirrorRows").asInt()).isZero();
    assertThat(after.at("/counts/messages").asInt()).isZero();
    assertThat(json(scopien.get("/api/conversations/" + other + "/messages", ADMIN)).toString())
        .contains("orgs");
    JsonNode read =
        json(
            scopien.post(
                "/api/query",
                "{\"soql\":" + quoted("SELECT Id FROM Contact WHERE Id = '" + janeId + "'") + "}",
                ADMIN));
    if (read.path("source").asText().equals("mirror")) {
      assertThat(read.path("records").size()).as("her row in the typed mirror table").isZero();
    }
    assertThat(scopien.get("/api/audit?action=privacy.erase", ADMIN).body())
        .contains("privacy.erase")
        .doesNotContain(email);
    assertThat(direct.query("SELECT Id FROM Contact WHERE Id = '" + janeId + "'").records())
        .as("Salesforce still has her")
        .hasSize(1);
  }

  @Test
  void aBadRequestSaysWhatIsWrongAndOnlyAdminsMayAsk() {
    HttpResponse<String> bad = scopien.get("/api/privacy/export?email=nope", ADMIN);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).at("/error/code").asText()).isEqualTo("invalid_email");
    HttpResponse<String> none = scopien.post("/api/privacy/erase", "{}", ADMIN);
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(json(none).at("/error/code").asText()).isEqualTo("missing_subject");
    var user =
        scopien
            .app
            .users()
            .createUser("Pat User", "pat@elsewhere.test", com.scopien.security.Role.USER);
    String key = scopien.app.users().issueKey(user.id()).key().reveal();
    assertThat(scopien.get("/api/privacy/export?email=" + enc(email), key).statusCode())
        .isEqualTo(403);
  }

  private static HttpResponse<String> export() {
    return scopien.get("/api/privacy/export?email=" + enc(email), ADMIN);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static SalesforceClient direct(String url) {
    HttpClient http = SalesforceClients.newHttpClient();
    var token =
        new OAuthClient(http)
            .clientCredentials(
                url, LocalOrgOptions.DEMO_CLIENT_ID, Secret.of(LocalOrgOptions.DEMO_CLIENT_SECRET));
    return SalesforceClients.create(http, SessionProvider.fixed(token.session()));
  }
}
