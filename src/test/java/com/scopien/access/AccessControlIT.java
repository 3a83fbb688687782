package com.scopien.access;

import static com.scopien.access.AccessFixture.json;
import static com.scopien.access.AccessFixture.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopien.security.Role;
import com.scopien.security.User;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The holes of issue 10, closed and kept closed, against Scopien as it runs (demo mode, H2, the
 * local orgs over HTTP): the semi-join oracle on a hidden field, conversation takeover, what a
 * Guest may reach, and input the JSON routes refuse.
 */
class AccessControlIT {
  private static AccessFixture scopien;
  private static String userKey;
  private static String otherUserKey;
  private static String guestKey;

  @BeforeAll
  static void start() {
    scopien = new AccessFixture();
    userKey = keyFor("Sarah Chen", "sarah.chen@acme.com", Role.USER);
    otherUserKey = keyFor("Una Known", "una@elsewhere.test", Role.USER);
    guestKey = keyFor("Gus Guest", "gus@elsewhere.test", Role.GUEST);
  }

  @AfterAll
  static void stop() {
    if (scopien != null) {
      scopien.close();
    }
  }

  private static String keyFor(String name, String email, Role role) {
    User user = scopien.app.users().createUser(name, email, role);
    return scopien.app.users().issueKey(user.id()).key().reveal();
  }

  // -- 1. the semi-join oracle ---------------------------------------------------------------

  private static final String ORACLE =
      "SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact"
          + " WHERE Name = 'Jane Roe' AND SSN__c LIKE '916%')";

  @Test
  void theSemiJoinOracleOnAHiddenFieldIsRefusedForEveryRoleNamingTheFieldNotItsValue() {
    for (String key : new String[] {guestKey, userKey, AccessFixture.ADMIN_KEY}) {
      HttpResponse<String> answer = query(ORACLE, key);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
      JsonNode error = json(answer).path("error");
      assertThat(error.path("code").asText()).isIn("hidden_field", "hidden_object");
      assertThat(answer.body()).doesNotContain("916-").doesNotContain("\"records\"");
    }
    HttpResponse<String> user = query(ORACLE, userKey);
    assertThat(json(user).at("/error/message").asText()).contains("SSN__c").contains("hidden");
  }

  @Test
  void anAntiJoinAndADirectFilterOnTheHiddenFieldStayRefused() {
    String anti =
        "SELECT Id FROM Account WHERE Id NOT IN (SELECT AccountId FROM Contact"
            + " WHERE SSN__c LIKE '9%')";
    String direct = "SELECT Id FROM Contact WHERE SSN__c LIKE '916%'";
    String parent = "SELECT Id FROM Case WHERE Contact.SSN__c LIKE '916%'";
    for (String soql : new String[] {anti, direct, parent}) {
      HttpResponse<String> answer = query(soql, userKey);
      assertThat(answer.statusCode()).as(soql + " -> " + answer.body()).isEqualTo(403);
      assertThat(json(answer).at("/error/code").asText()).isEqualTo("hidden_field");
    }
  }

  @Test
  void theSameSemiJoinWithoutTheHiddenFieldIsAnswered() {
    HttpResponse<String> answer =
        query(
            "SELECT Id, Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact"
                + " WHERE Name = 'Jane Roe')",
            AccessFixture.ADMIN_KEY);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(json(answer).path("totalSize").asLong()).isEqualTo(1);
  }

  // -- 2. conversations belong to their owner ----------------------------------------------

  @Test
  void anotherUserCannotReadSwitchContinueOrDecideSomeoneElsesConversation() {
    HttpResponse<String> started =
        scopien.post("/api/chat", "{\"message\":\"show accounts named Acme\"}", userKey);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String id = json(started).path("conversationId").asText();
    String idBody = "{\"conversationId\":\"" + id + "\"}";

    assertThat(scopien.get("/api/conversations/" + id, userKey).statusCode()).isEqualTo(200);
    assertThat(scopien.get("/api/conversations/" + id + "/messages", userKey).statusCode())
        .isEqualTo(200);

    for (String key : new String[] {otherUserKey, guestKey}) {
      assertUnknown(scopien.get("/api/conversations/" + id, key));
      assertUnknown(scopien.get("/api/conversations/" + id + "/messages", key));
      assertUnknown(
          scopien.post("/api/conversations/" + id + "/org", "{\"org\":\"sandbox\"}", key));
      assertUnknown(
          scopien.post(
              "/api/chat", "{\"message\":\"hello\",\"conversationId\":\"" + id + "\"}", key));
      assertUnknown(
          scopien.post(
              "/api/chat/stream",
              "{\"message\":\"hello\",\"conversationId\":\"" + id + "\"}",
              key));
      assertUnknown(scopien.post("/api/chat/confirm", idBody, key));
      assertUnknown(scopien.post("/api/chat/cancel", idBody, key));
    }
    // Nothing the strangers tried moved the conversation to another org.
    assertThat(
            json(scopien.get("/api/conversations/" + id, userKey)).at("/org/environment").asText())
        .isEqualTo("production");
    // Admins may read any conversation.
    assertThat(
            scopien
                .get("/api/conversations/" + id + "/messages", AccessFixture.ADMIN_KEY)
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void anIdNobodyCreatedIsNotFoundAndIsNotAdopted() {
    String made = "made-up-conversation-1";
    assertUnknown(scopien.get("/api/conversations/" + made, userKey));
    assertUnknown(
        scopien.post("/api/conversations/" + made + "/org", "{\"org\":\"sandbox\"}", userKey));
    assertUnknown(
        scopien.post(
            "/api/chat", "{\"message\":\"hello\",\"conversationId\":\"" + made + "\"}", userKey));
    // Still unknown afterwards: the refused chat did not create it.
    assertUnknown(scopien.get("/api/conversations/" + made + "/messages", AccessFixture.ADMIN_KEY));
  }

  // -- 3. what a Guest reaches ---------------------------------------------------------------

  @Test
  void aGuestReadsAccountNamesAndNothingElse() {
    HttpResponse<String> names =
        query("SELECT Id, Name FROM Account ORDER BY Name LIMIT 5", guestKey);
    assertThat(names.statusCode()).as(names.body()).isEqualTo(200);
    assertThat(json(names).path("records")).hasSize(5);

    HttpResponse<String> opportunities = query("SELECT COUNT() FROM Opportunity", guestKey);
    assertThat(opportunities.statusCode()).as(opportunities.body()).isEqualTo(403);
    assertThat(json(opportunities).at("/error/code").asText()).isEqualTo("hidden_object");

    HttpResponse<String> industry = query("SELECT Id FROM Account WHERE Industry = 'x'", guestKey);
    assertThat(industry.statusCode()).as(industry.body()).isEqualTo(403);
    assertThat(json(industry).at("/error/code").asText()).isEqualTo("hidden_field");
    // A semi-join into an object a Guest may not read is refused too.
    HttpResponse<String> join =
        query(
            "SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact"
                + " WHERE Name = 'Jane Roe')",
            guestKey);
    assertThat(json(join).at("/error/code").asText()).isEqualTo("hidden_object");
    // A user still reads opportunities.
    assertThat(query("SELECT COUNT() FROM Opportunity", userKey).statusCode()).isEqualTo(200);
  }

  @Test
  void aGuestAskingInChatForOpportunitiesGetsNoRecords() {
    HttpResponse<String> answer =
        scopien.post("/api/chat", "{\"message\":\"show opportunities over 50k\"}", guestKey);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode reply = json(answer);
    assertThat(reply.path("toolCalls").toString()).doesNotContain("\"ok\"");
    assertThat(reply.path("reply").asText()).doesNotContain("Acme Corp Deal");
  }

  @Test
  void aGuestAskingInChatForAccountsSeesTheirNamesOnly() {
    String ask = "{\"message\":\"show accounts\"}";
    JsonNode admin = json(scopien.post("/api/chat", ask, AccessFixture.ADMIN_KEY));
    assertThat(admin.path("reply").asText()).contains("Industry");

    HttpResponse<String> answer = scopien.post("/api/chat", ask, guestKey);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode guest = json(answer);
    assertThat(guest.at("/toolCalls/0/status").asText()).as(answer.body()).isEqualTo("ok");
    assertThat(guest.path("reply").asText()).doesNotContain("Industry").doesNotContain("Revenue");
  }

  @Test
  void aGuestSeesNoUsageAndNoSyncData() {
    String org = json(scopien.get("/api/orgs", guestKey)).get(0).path("id").asText();
    for (String path :
        new String[] {
          "/api/orgs/" + org + "/usage",
          "/api/sync/runs?org=" + org,
          "/api/orgs/" + org + "/sync/errors",
          "/api/orgs/" + org + "/sync/health",
          "/api/orgs/" + org + "/sync/settings",
          "/api/orgs/" + org + "/mappings",
          "/api/orgs/" + org + "/conflicts"
        }) {
      assertThat(scopien.get(path, guestKey).statusCode()).as(path).isEqualTo(403);
      assertThat(scopien.get(path, userKey).statusCode()).as(path).isEqualTo(200);
    }
  }

  // -- 4. input ------------------------------------------------------------------------------

  @Test
  void jsonRoutesAnswer415ForAnotherContentTypeAndAcceptJsonWithOrWithoutCharset() {
    String body = "{\"soql\":\"SELECT Id FROM Account LIMIT 1\"}";
    for (String type :
        new String[] {
          "text/plain",
          "application/x-www-form-urlencoded",
          "application/jsonx",
          "application/json; charset=iso-8859-1"
        }) {
      HttpResponse<String> answer = scopien.send("POST", "/api/query", body, userKey, type);
      assertThat(answer.statusCode()).as(type + " " + answer.body()).isEqualTo(415);
      assertThat(json(answer).at("/error/code").asText()).isEqualTo("unsupported_media_type");
      assertThat(json(answer).at("/error/message").asText()).contains("application/json");
    }
    HttpResponse<String> none =
        scopien.send("POST", "/api/chat", "{\"message\":\"hi\"}", userKey, null);
    assertThat(none.statusCode()).as(none.body()).isEqualTo(415);
    for (String type :
        new String[] {
          "application/json", "application/json; charset=UTF-8", "Application/JSON;charset=utf-8"
        }) {
      HttpResponse<String> answer = scopien.send("POST", "/api/query", body, userKey, type);
      assertThat(answer.statusCode()).as(type + " " + answer.body()).isEqualTo(200);
    }
  }

  @Test
  void controlCharactersAndLoneSurrogatesInAMessageAreA400ThatChangesNothing() {
    for (String message :
        new String[] {
          "\\u0000", "hello\\u0007there", "\\ud800 alone", "tail \\udc00", "\\u001b[31mred"
        }) {
      HttpResponse<String> answer =
          scopien.post("/api/chat", "{\"message\":\"" + message + "\"}", userKey);
      assertThat(answer.statusCode()).as(message + " " + answer.body()).isEqualTo(400);
      assertThat(json(answer).at("/error/code").asText()).isEqualTo("invalid_message");
      assertThat(json(answer).at("/error/message").asText()).contains("position");
    }
    HttpResponse<String> fine =
        scopien.post(
            "/api/chat", "{\"message\":\"show accounts\\n\\tnamed Acme \\ud83d\\ude00\"}", userKey);
    assertThat(fine.statusCode()).as(fine.body()).isEqualTo(200);
  }

  private static void assertUnknown(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
    assertThat(json(answer).at("/error/code").asText()).isEqualTo("unknown_conversation");
  }

  private static HttpResponse<String> query(String soql, String key) {
    return scopien.post("/api/query", "{\"soql\":" + quoted(soql) + "}", key);
  }
}
