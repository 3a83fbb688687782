package com.scopien.access;

import static com.scopien.access.AccessFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every role against every {@code /api} route, from the table below: admin, manager, user, guest,
 * the key of a deactivated user and an expired key. The people and keys are made through the API
 * itself; Scopien runs as it does in production (demo mode, H2, the local orgs over HTTP).
 */
class AccessMatrixIT {
  private static final int A = 0; // column order of the table
  private static final String[] WHO = {
    "admin", "manager", "user", "guest", "deactivated", "expired"
  };

  private static AccessFixture scopien;
  private static final Map<String, String> keys = new LinkedHashMap<>();
  private static final Map<String, String> ids = new LinkedHashMap<>();
  private static String org;
  private static String adminConversation;

  @BeforeAll
  static void start() throws Exception {
    scopien = new AccessFixture();
    keys.put("admin", AccessFixture.ADMIN_KEY);
    ids.put("admin", json(scopien.get("/api/me", AccessFixture.ADMIN_KEY)).path("id").asText());
    person("manager", "John Doe", "john.doe@acme.com", "manager", null);
    person("user", "Sarah Chen", "sarah.chen@acme.com", "user", null);
    person("guest", "Gus Guest", "gus@elsewhere.test", "guest", null);
    person("deactivated", "Dee Parted", "dee@elsewhere.test", "user", null);
    person("expired", "Exp Ired", "exp@elsewhere.test", "user", Instant.now().plusSeconds(2));
    HttpResponse<String> off =
        scopien.send(
            "PATCH",
            "/api/users/" + ids.get("deactivated"),
            "{\"active\":false}",
            keys.get("admin"));
    assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
    org = json(scopien.get("/api/orgs", keys.get("admin"))).get(0).path("id").asText();
    HttpResponse<String> chat =
        scopien.post("/api/chat", "{\"message\":\"list orgs\"}", keys.get("admin"));
    adminConversation = json(chat).path("conversationId").asText();
    // Until the expired key's moment has passed.
    Thread.sleep(Duration.ofMillis(2_500).toMillis());
  }

  private static void person(String who, String name, String email, String role, Instant expires) {
    HttpResponse<String> made =
        scopien.post(
            "/api/users",
            "{\"email\":\"" + email + "\",\"name\":\"" + name + "\",\"role\":\"" + role + "\"}",
            AccessFixture.ADMIN_KEY);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    String id = json(made).path("id").asText();
    HttpResponse<String> key =
        scopien.post(
            "/api/users/" + id + "/keys",
            expires == null
                ? "{\"name\":\"matrix\"}"
                : "{\"name\":\"matrix\",\"expiresAt\":\"" + expires + "\"}",
            AccessFixture.ADMIN_KEY);
    assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
    ids.put(who, id);
    keys.put(who, json(key).path("key").asText());
  }

  @AfterAll
  static void stop() {
    if (scopien != null) {
      scopien.close();
    }
  }

  /** One route and what each of {@link #WHO} gets, in that order. */
  private record Row(String method, String path, String body, int... expected) {}

  private static Row row(String method, String path, String body, int... expected) {
    return new Row(method, path, body, expected);
  }

  /** The table. {@code {org}}, {@code {conv}}, {@code {self}}, {@code {admin}} are filled in. */
  private static List<Row> table() {
    String select = "{\"soql\":\"SELECT Id, Name FROM Account LIMIT 1\"}";
    String opps = "{\"soql\":\"SELECT COUNT() FROM Opportunity\"}";
    return List.of(
        row("GET", "/api/me", null, 200, 200, 200, 200, 401, 401),
        row("GET", "/api/orgs", null, 200, 200, 200, 200, 401, 401),
        row("POST", "/api/query", select, 200, 200, 200, 200, 401, 401),
        row("POST", "/api/query", opps, 200, 200, 200, 403, 401, 401),
        row("POST", "/api/chat", "{\"message\":\"list orgs\"}", 200, 200, 200, 200, 401, 401),
        row("GET", "/api/conversations/{conv}", null, 200, 404, 404, 404, 401, 401),
        row("GET", "/api/conversations/{conv}/messages", null, 200, 404, 404, 404, 401, 401),
        row(
            "POST",
            "/api/conversations/{conv}/org",
            "{\"org\":\"production\"}",
            200,
            404,
            404,
            404,
            401,
            401),
        row(
            "POST",
            "/api/chat/confirm",
            "{\"conversationId\":\"{conv}\"}",
            404,
            404,
            404,
            404,
            401,
            401),
        row("GET", "/api/orgs/{org}/usage", null, 200, 200, 200, 403, 401, 401),
        row("GET", "/api/sync/runs?org={org}", null, 200, 200, 200, 403, 401, 401),
        row("GET", "/api/orgs/{org}/objects", null, 200, 200, 200, 403, 401, 401),
        row("GET", "/api/orgs/{org}/sync/errors", null, 200, 200, 200, 403, 401, 401),
        row("GET", "/api/orgs/{org}/sync/health", null, 200, 200, 200, 403, 401, 401),
        row("GET", "/api/orgs/{org}/sync/settings", null, 200, 200, 200, 403, 401, 401),
        row("GET", "/api/orgs/{org}/mappings", null, 200, 200, 200, 403, 401, 401),
        row("GET", "/api/orgs/{org}/conflicts", null, 200, 200, 200, 403, 401, 401),
        row(
            "PATCH",
            "/api/orgs/{org}/sync/settings",
            "{\"frequency\":\"manual\"}",
            200,
            403,
            403,
            403,
            401,
            401),
        row("GET", "/api/orgs/{org}", null, 200, 403, 403, 403, 401, 401),
        row("POST", "/api/orgs/connect", "{}", 400, 403, 403, 403, 401, 401),
        row("GET", "/api/users", null, 200, 403, 403, 403, 401, 401),
        row("POST", "/api/users", "{\"email\":\"bad\"}", 400, 403, 403, 403, 401, 401),
        row("GET", "/api/users/{self}", null, 200, 200, 200, 200, 401, 401),
        row("GET", "/api/users/{admin}", null, 200, 404, 404, 404, 401, 401),
        row(
            "PATCH",
            "/api/users/{admin}",
            "{\"name\":\"Administrator\"}",
            200,
            403,
            403,
            403,
            401,
            401),
        row("GET", "/api/users/{self}/keys", null, 200, 200, 200, 200, 401, 401),
        row("GET", "/api/users/{admin}/keys", null, 200, 404, 404, 404, 401, 401),
        row("POST", "/api/users/{admin}/keys", "{\"name\":\"x\"}", 201, 404, 404, 404, 401, 401),
        row("DELETE", "/api/users/{admin}/keys/nope", null, 404, 404, 404, 404, 401, 401),
        row("GET", "/api/audit", null, 200, 403, 403, 403, 401, 401),
        row("GET", "/api/guest-access", null, 200, 403, 403, 403, 401, 401),
        row("POST", "/api/admin/backup", null, 200, 403, 403, 403, 401, 401),
        row("GET", "/api/privacy/export?email=nobody@x.test", null, 200, 403, 403, 403, 401, 401),
        row(
            "POST",
            "/api/privacy/erase",
            "{\"email\":\"nobody@x.test\"}",
            200,
            403,
            403,
            403,
            401,
            401),
        row(
            "GET",
            "/api/orgs/{org}/field-security?object=Contact",
            null,
            200,
            403,
            403,
            403,
            401,
            401),
        row(
            "PUT",
            "/api/orgs/{org}/field-security/Contact",
            "{\"hidden\":[\"SSN__c\",\"Bank_Account__c\",\"Salary__c\"]}",
            200,
            403,
            403,
            403,
            401,
            401),
        row(
            "PUT",
            "/api/guest-access",
            "{\"objects\":{\"Account\":[\"Id\",\"Name\"]}}",
            200,
            403,
            403,
            403,
            401,
            401),
        row("GET", "/api/no-such-route", null, 404, 404, 404, 404, 401, 401));
  }

  @Test
  void everyRoleGetsWhatTheTableSaysOnEveryRoute() {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Row row : table()) {
      assertThat(row.expected()).as(row.path()).hasSize(WHO.length);
      for (int i = A; i < WHO.length; i++) {
        String who = WHO[i];
        String path = fill(row.path(), who);
        String body = row.body() == null ? null : fill(row.body(), who);
        HttpResponse<String> answer = scopien.send(row.method(), path, body, keys.get(who));
        checked++;
        if (answer.statusCode() != row.expected()[i]) {
          wrong.add(
              who
                  + " "
                  + row.method()
                  + " "
                  + path
                  + ": expected "
                  + row.expected()[i]
                  + ", got "
                  + answer.statusCode()
                  + " "
                  + answer.body());
        } else if (answer.statusCode() >= 400) {
          assertThat(json(answer).at("/error/code").asText()).as(path).isNotBlank();
        }
      }
    }
    assertThat(wrong).as("routes answering otherwise than the table").isEmpty();
    assertThat(checked).isEqualTo(table().size() * WHO.length);
  }

  @Test
  void theDeactivatedAndExpiredKeysAreRefusedWith401AndAReasonWithoutTheKey() {
    for (String who : new String[] {"deactivated", "expired"}) {
      HttpResponse<String> answer = scopien.get("/api/me", keys.get(who));
      assertThat(answer.statusCode()).isEqualTo(401);
      assertThat(json(answer).at("/error/code").asText()).isEqualTo("unauthorized");
      assertThat(answer.body()).doesNotContain(keys.get(who));
    }
  }

  private static String fill(String text, String who) {
    return text.replace("{org}", org)
        .replace("{conv}", adminConversation)
        .replace("{self}", ids.get(who))
        .replace("{admin}", ids.get("admin"));
  }
}
