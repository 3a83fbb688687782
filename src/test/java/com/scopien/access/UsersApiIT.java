package com.scopien.access;

import static com.scopien.access.AccessFixture.ADMIN_KEY;
import static com.scopien.access.AccessFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Users and API keys through {@code /api/users} and {@code /api/users/{id}/keys}, the audit trail
 * they leave ({@code GET /api/audit}) and the Guest settings, against Scopien as it runs.
 */
class UsersApiIT {
  private static AccessFixture scopien;

  @BeforeAll
  static void start() {
    scopien = new AccessFixture();
  }

  @AfterAll
  static void stop() {
    if (scopien != null) {
      scopien.close();
    }
  }

  @Test
  void anAdminCreatesAUserWhoseFirstKeyWorksAndIsShownOnce() {
    JsonNode user =
        create("{\"email\":\" Rita.Rep@Acme.test \",\"name\":\"Rita Rep\",\"role\":\"user\"}", 201);
    assertThat(user.path("email").asText()).isEqualTo("rita.rep@acme.test");
    assertThat(user.path("role").asText()).isEqualTo("user");
    assertThat(user.path("active").asBoolean()).isTrue();
    String id = user.path("id").asText();

    HttpResponse<String> issued =
        scopien.post("/api/users/" + id + "/keys", "{\"name\":\"laptop\"}", ADMIN_KEY);
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    String key = json(issued).path("key").asText();
    assertThat(key).startsWith("scp_");
    assertThat(json(scopien.get("/api/me", key)).path("email").asText())
        .isEqualTo("rita.rep@acme.test");

    HttpResponse<String> listed = scopien.get("/api/users/" + id + "/keys", key);
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body()).doesNotContain(key);
    JsonNode info = json(listed).get(0);
    assertThat(info.path("name").asText()).isEqualTo("laptop");
    assertThat(info.path("lastUsedAt").isNull()).isFalse();
    assertThat(json(scopien.get("/api/users", ADMIN_KEY)).toString()).contains(id);
    assertThat(scopien.get("/api/users/" + id, ADMIN_KEY).statusCode()).isEqualTo(200);
  }

  @Test
  void badInputListsEveryProblemAndCreatesNobody() {
    int before = json(scopien.get("/api/users", ADMIN_KEY)).size();
    HttpResponse<String> bad =
        scopien.post(
            "/api/users",
            "{\"email\":\"not-an-email\",\"name\":\"\",\"role\":\"superuser\",\"managerId\":\"nobody\"}",
            ADMIN_KEY);
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    assertThat(json(bad).at("/error/code").asText()).isEqualTo("invalid_user");
    assertThat(json(bad).at("/error/message").asText())
        .contains("'email'", "'name'", "'role'", "'managerId'");
    assertThat(json(scopien.get("/api/users", ADMIN_KEY)).size()).isEqualTo(before);

    create("{\"email\":\"dup@acme.test\",\"name\":\"Dup\",\"role\":\"guest\"}", 201);
    HttpResponse<String> again =
        scopien.post(
            "/api/users",
            "{\"email\":\"DUP@acme.test\",\"name\":\"Dup 2\",\"role\":\"user\"}",
            ADMIN_KEY);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    assertThat(json(again).at("/error/code").asText()).isEqualTo("email_taken");

    HttpResponse<String> extra =
        scopien.post(
            "/api/users",
            "{\"email\":\"x@acme.test\",\"name\":\"X\",\"role\":\"user\",\"password\":\"p\"}",
            ADMIN_KEY);
    assertThat(extra.statusCode()).isEqualTo(400);
    assertThat(json(extra).at("/error/message").asText()).contains("password");
    HttpResponse<String> nothing =
        scopien.send(
            "PATCH",
            "/api/users/" + json(scopien.get("/api/me", ADMIN_KEY)).path("id").asText(),
            "{}",
            ADMIN_KEY);
    assertThat(nothing.statusCode()).isEqualTo(400);
    assertThat(json(scopien.get("/api/users", ADMIN_KEY)).toString()).doesNotContain("x@acme.test");

    HttpResponse<String> wrongType =
        scopien.send("POST", "/api/users", "{\"email\":\"x@y.z\"}", ADMIN_KEY, "text/plain");
    assertThat(wrongType.statusCode()).isEqualTo(415);
  }

  @Test
  void managersCannotFormACycleAndTheLastAdminStays() {
    String boss =
        create("{\"email\":\"boss@acme.test\",\"name\":\"Boss\",\"role\":\"manager\"}", 201)
            .path("id")
            .asText();
    String mid =
        create(
                "{\"email\":\"mid@acme.test\",\"name\":\"Mid\",\"role\":\"manager\",\"managerId\":\""
                    + boss
                    + "\"}",
                201)
            .path("id")
            .asText();
    HttpResponse<String> cycle =
        scopien.send("PATCH", "/api/users/" + boss, "{\"managerId\":\"" + mid + "\"}", ADMIN_KEY);
    assertThat(cycle.statusCode()).as(cycle.body()).isEqualTo(400);
    assertThat(json(cycle).at("/error/message").asText()).contains("cycle");
    HttpResponse<String> self =
        scopien.send("PATCH", "/api/users/" + boss, "{\"managerId\":\"" + boss + "\"}", ADMIN_KEY);
    assertThat(self.statusCode()).isEqualTo(400);
    assertThat(json(scopien.get("/api/users/" + boss, ADMIN_KEY)).path("managerId").isNull())
        .isTrue();

    HttpResponse<String> cleared =
        scopien.send(
            "PATCH", "/api/users/" + mid, "{\"managerId\":null,\"role\":\"USER\"}", ADMIN_KEY);
    assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
    assertThat(json(cleared).path("managerId").isNull()).isTrue();
    assertThat(json(cleared).path("role").asText()).isEqualTo("user");

    String adminId = json(scopien.get("/api/me", ADMIN_KEY)).path("id").asText();
    HttpResponse<String> demote =
        scopien.send("PATCH", "/api/users/" + adminId, "{\"role\":\"user\"}", ADMIN_KEY);
    assertThat(demote.statusCode()).as(demote.body()).isEqualTo(409);
    assertThat(json(demote).at("/error/code").asText()).isEqualTo("last_admin");
    HttpResponse<String> unknownField =
        scopien.send("PATCH", "/api/users/" + mid, "{\"email\":\"x@y.z\"}", ADMIN_KEY);
    assertThat(unknownField.statusCode()).isEqualTo(400);
  }

  @Test
  void deactivationStopsTheUsersKeysAtOnceAndRevocationStopsOneKey() {
    String id =
        create("{\"email\":\"leaver@acme.test\",\"name\":\"Leaver\",\"role\":\"user\"}", 201)
            .path("id")
            .asText();
    String first = issue(id, "{\"name\":\"one\"}", ADMIN_KEY);
    // A user makes and revokes their own keys.
    HttpResponse<String> own =
        scopien.post("/api/users/" + id + "/keys", "{\"name\":\"two\"}", first);
    assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
    String second = json(own).path("key").asText();
    String secondId = json(own).path("id").asText();
    assertThat(
            scopien
                .send("DELETE", "/api/users/" + id + "/keys/" + secondId, null, first)
                .statusCode())
        .isEqualTo(204);
    assertThat(scopien.get("/api/me", second).statusCode()).isEqualTo(401);
    assertThat(scopien.get("/api/me", first).statusCode()).isEqualTo(200);

    HttpResponse<String> off =
        scopien.send("PATCH", "/api/users/" + id, "{\"active\":false}", ADMIN_KEY);
    assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
    assertThat(json(off).path("active").asBoolean()).isFalse();
    assertThat(scopien.get("/api/me", first).statusCode()).isEqualTo(401);
    assertThat(scopien.post("/api/users/" + id + "/keys", "{}", ADMIN_KEY).statusCode())
        .isEqualTo(400);

    HttpResponse<String> past =
        scopien.post(
            "/api/users/" + json(scopien.get("/api/me", ADMIN_KEY)).path("id").asText() + "/keys",
            "{\"expiresAt\":\"" + Instant.now().minusSeconds(60) + "\"}",
            ADMIN_KEY);
    assertThat(past.statusCode()).as(past.body()).isEqualTo(400);
    assertThat(json(past).at("/error/message").asText()).contains("expiresAt");
  }

  @Test
  void everyChangeIsAuditedAndTheAuditCanBeFiltered() {
    String since = Instant.now().minusSeconds(1).toString();
    String id =
        create("{\"email\":\"audited@acme.test\",\"name\":\"Audited\",\"role\":\"guest\"}", 201)
            .path("id")
            .asText();
    String key = issue(id, "{\"name\":\"ci\"}", ADMIN_KEY);
    scopien.send("PATCH", "/api/users/" + id, "{\"role\":\"user\"}", ADMIN_KEY);
    String adminId = json(scopien.get("/api/me", ADMIN_KEY)).path("id").asText();

    JsonNode entries =
        json(
            scopien.get(
                "/api/audit?actor=" + adminId + "&since=" + since + "&action=user.*", ADMIN_KEY));
    assertThat(entries.findValuesAsText("action")).contains("user.create", "user.update");
    assertThat(entries.findValuesAsText("targetId")).contains(id);
    JsonNode keys = json(scopien.get("/api/audit?action=api_key.create&since=" + since, ADMIN_KEY));
    assertThat(keys.findValuesAsText("targetId")).contains(id);
    assertThat(keys.toString()).doesNotContain(key);
    assertThat(json(scopien.get("/api/audit?until=2000-01-01T00:00:00Z", ADMIN_KEY))).isEmpty();
    HttpResponse<String> bad = scopien.get("/api/audit?since=yesterday&limit=many", ADMIN_KEY);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).at("/error/message").asText()).contains("'since'", "'limit'");
  }

  @Test
  void anAdminOpensAnObjectToGuestsAndClosesItAgain() {
    String id =
        create("{\"email\":\"guest2@acme.test\",\"name\":\"Guest Two\",\"role\":\"guest\"}", 201)
            .path("id")
            .asText();
    String key = issue(id, "{}", ADMIN_KEY);
    String count = "{\"soql\":\"SELECT COUNT() FROM Opportunity\"}";
    assertThat(scopien.post("/api/query", count, key).statusCode()).isEqualTo(403);

    HttpResponse<String> opened =
        scopien.send(
            "PUT",
            "/api/guest-access",
            "{\"objects\":{\"Account\":[\"Id\",\"Name\"],\"Opportunity\":[\"Id\",\"Name\",\"SSN__c\"]}}",
            ADMIN_KEY);
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
    assertThat(scopien.post("/api/query", count, key).statusCode()).isEqualTo(200);
    HttpResponse<String> amount =
        scopien.post("/api/query", "{\"soql\":\"SELECT Amount FROM Opportunity LIMIT 1\"}", key);
    assertThat(amount.statusCode()).isEqualTo(403);

    scopien.send(
        "PUT", "/api/guest-access", "{\"objects\":{\"Account\":[\"Id\",\"Name\"]}}", ADMIN_KEY);
    assertThat(scopien.post("/api/query", count, key).statusCode()).isEqualTo(403);
    assertThat(json(scopien.get("/api/audit?action=guest_access.update", ADMIN_KEY))).hasSize(2);
  }

  private static JsonNode create(String body, int status) {
    HttpResponse<String> made = scopien.post("/api/users", body, ADMIN_KEY);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(status);
    return json(made);
  }

  private static String issue(String userId, String body, String key) {
    HttpResponse<String> issued = scopien.post("/api/users/" + userId + "/keys", body, key);
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    return json(issued).path("key").asText();
  }
}
