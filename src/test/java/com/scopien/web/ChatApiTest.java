package com.scopien.web;

import static com.scopien.web.FakeApiKeyAuthenticator.ADMIN;
import static com.scopien.web.FakeApiKeyAuthenticator.ADMIN_KEY;
import static com.scopien.web.FakeApiKeyAuthenticator.GUEST;
import static com.scopien.web.FakeApiKeyAuthenticator.GUEST_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopien.ScopienException;
import com.scopien.agent.ChatReply;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatApiTest {

  private final WebServerFixture server = new WebServerFixture();

  @BeforeEach
  void scriptAReply() {
    server.assistant.replyWith(
        new ChatReply(
            "conv-42",
            "Here are 2 opportunities from **Acme Production**.",
            new ChatReply.OrgSummary("org-prod", "Acme Production", "PRODUCTION"),
            List.of(
                new ChatReply.ToolCallRecord(
                    "query_records",
                    Map.of("object", "Opportunity", "limit", 2, "org", "production"),
                    "ok"))));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void chatAnswersWithTheContractsShape() {
    HttpResponse<String> response =
        server.post(
            "/api/chat", ADMIN_KEY, "{\"message\":\"show opportunities in production org\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(server.json(response))
        .isEqualTo(
            server.json(
                "{'conversationId':'conv-42',"
                    + "'reply':'Here are 2 opportunities from **Acme Production**.',"
                    + "'org':{'id':'org-prod','name':'Acme Production','environment':'production'},"
                    + "'toolCalls':[{'tool':'query_records',"
                    + "'arguments':{'object':'Opportunity','limit':2,'org':'production'},"
                    + "'status':'ok'}]}"));
    assertThat(server.assistant.calls())
        .containsExactly(
            new ScriptedAssistant.Call(ADMIN, null, "show opportunities in production org"));
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void chatContinuesTheConversationItIsGiven() {
    server.post(
        "/api/chat", GUEST_KEY, "{\"message\":\"now the sandbox\",\"conversationId\":\"conv-42\"}");
    server.post("/api/chat", GUEST_KEY, "{\"message\":\"hello\",\"conversationId\":null}");

    assertThat(server.assistant.calls())
        .containsExactly(
            new ScriptedAssistant.Call(GUEST, "conv-42", "now the sandbox"),
            new ScriptedAssistant.Call(GUEST, null, "hello"));
  }

  @Test
  void malformedJsonIsA400SayingWhere() {
    assertError(
        server.post("/api/chat", ADMIN_KEY, "{\"message\": \"hi\""), 400, "invalid_json", "line 1");
    assertError(
        server.post("/api/chat", ADMIN_KEY, "{\"message\":\"hi\"} {}"),
        400,
        "invalid_json",
        "JSON");
    assertError(server.post("/api/chat", ADMIN_KEY, ""), 400, "invalid_json", "empty");
    assertError(server.post("/api/chat", ADMIN_KEY, "[\"hi\"]"), 400, "invalid_json", "object");
    assertError(
        server.post("/api/chat", ADMIN_KEY, "{\"message\":\"a\",\"message\":\"b\"}"),
        400,
        "invalid_json",
        "JSON");
    assertThat(server.assistant.calls()).isEmpty();
  }

  @Test
  void anUnknownTimeZoneIsA400SayingWhatToSendAndAKnownOneIsAccepted() {
    assertError(
        server.post("/api/chat", ADMIN_KEY, "{\"message\":\"hi\",\"timeZone\":\"Mars/Olympus\"}"),
        400,
        "invalid_time_zone",
        "Europe/Berlin");

    HttpResponse<String> ok =
        server.post(
            "/api/chat", ADMIN_KEY, "{\"message\":\"hi\",\"timeZone\":\"America/New_York\"}");

    assertThat(ok.statusCode()).isEqualTo(200);
  }

  @Test
  void aMissingOrBlankMessageIsA400NamingTheField() {
    for (String body :
        List.of("{}", "{\"message\":null}", "{\"message\":\"   \"}", "{\"text\":\"hi\"}")) {
      assertError(server.post("/api/chat", ADMIN_KEY, body), 400, "missing_message", "'message'");
    }
    assertThat(server.assistant.calls()).isEmpty();
  }

  @Test
  void fieldsOfTheWrongTypeAreA400NamingTheField() {
    assertError(
        server.post("/api/chat", ADMIN_KEY, "{\"message\":42}"), 400, "invalid_type", "'message'");
    assertError(
        server.post("/api/chat", ADMIN_KEY, "{\"message\":[\"hi\"]}"),
        400,
        "invalid_type",
        "array");
    assertError(
        server.post("/api/chat", ADMIN_KEY, "{\"message\":\"hi\",\"conversationId\":7}"),
        400,
        "invalid_type",
        "'conversationId'");
    assertError(
        server.post("/api/chat", ADMIN_KEY, "{\"message\":\"hi\",\"conversationId\":\"a b/c\"}"),
        400,
        "invalid_conversation_id",
        "'conversationId'");
    assertThat(server.assistant.calls()).isEmpty();
  }

  @Test
  void anOverlongMessageIsRefused() {
    String message = "x".repeat(ChatHandler.MAX_MESSAGE_CHARS + 1);
    assertError(
        server.post("/api/chat", ADMIN_KEY, "{\"message\":\"" + message + "\"}"),
        400,
        "message_too_long",
        "'message'");
  }

  @Test
  void anUnknownConversationIsA404FromTheAssistant() {
    server.assistant.failWith(
        ScopienException.notFound("unknown_conversation", "There is no conversation conv-zz."));

    assertError(
        server.post("/api/chat", ADMIN_KEY, "{\"message\":\"hi\",\"conversationId\":\"conv-zz\"}"),
        404,
        "unknown_conversation",
        "There is no conversation conv-zz.");
  }

  @Test
  void anUnexpectedFailureIsAGeneric500WithNoDetail() {
    server.assistant.failWith(
        new IllegalStateException("secret detail: jdbc:h2:/var/data password=hunter2"));

    HttpResponse<String> response = server.post("/api/chat", ADMIN_KEY, "{\"message\":\"hi\"}");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(server.json(response))
        .isEqualTo(
            server.json(
                "{'error':{'code':'internal','message':'Something went wrong on our side.'}}"));
    assertThat(response.body())
        .doesNotContain("IllegalStateException", "secret", "hunter2", "at com.", "java.");
  }

  @Test
  void anInternalScopienExceptionAlsoHidesItsMessage() {
    server.assistant.failWith(
        new ScopienException(ScopienException.Kind.INTERNAL, "internal", "bad row in table X"));

    HttpResponse<String> response = server.post("/api/chat", ADMIN_KEY, "{\"message\":\"hi\"}");

    assertError(response, 500, "internal", ErrorMapper.GENERIC_MESSAGE);
    assertThat(response.body()).doesNotContain("table X");
  }

  @Test
  void otherKindsKeepTheirStatusAndMessage() {
    server.assistant.failWith(
        new ScopienException(
            ScopienException.Kind.RETRIABLE,
            "salesforce_unavailable",
            "Salesforce is busy; try again."));
    assertError(
        server.post("/api/chat", ADMIN_KEY, "{\"message\":\"hi\"}"),
        503,
        "salesforce_unavailable",
        "Salesforce is busy; try again.");

    server.assistant.failWith(
        ScopienException.forbidden("read_only", "Guests cannot create records."));
    assertError(
        server.post("/api/chat", GUEST_KEY, "{\"message\":\"create a lead\"}"),
        403,
        "read_only",
        "Guests cannot create records.");
  }

  @Test
  void confirmAndCancelGoToThePendingWritesOfTheConversation() {
    String body = "{\"conversationId\":\"" + RecordingPendingWrites.PENDING_CONVERSATION + "\"}";

    JsonNode confirmed = server.json(server.post("/api/chat/confirm", ADMIN_KEY, body));
    JsonNode cancelled = server.json(server.post("/api/chat/cancel", GUEST_KEY, body));

    assertThat(confirmed.get("reply").asText()).isEqualTo("Done: the Amount is now 80,000.");
    assertThat(confirmed.at("/toolCalls/0/status").asText()).isEqualTo("ok");
    assertThat(confirmed.at("/toolCalls/0/arguments/fields/Amount").asInt()).isEqualTo(80000);
    assertThat(confirmed.at("/org/environment").asText()).isEqualTo("production");
    assertThat(cancelled.get("reply").asText()).isEqualTo("Cancelled: nothing was changed.");
    assertThat(server.pendingWrites.calls())
        .containsExactly(
            new RecordingPendingWrites.Call(
                "confirm", ADMIN, RecordingPendingWrites.PENDING_CONVERSATION),
            new RecordingPendingWrites.Call(
                "cancel", GUEST, RecordingPendingWrites.PENDING_CONVERSATION));
  }

  @Test
  void confirmingWithoutAConversationOrWithNothingPendingIsRefused() {
    assertError(
        server.post("/api/chat/confirm", ADMIN_KEY, "{}"),
        400,
        "missing_conversation_id",
        "'conversationId'");
    assertThat(server.pendingWrites.calls()).isEmpty();

    assertError(
        server.post("/api/chat/cancel", ADMIN_KEY, "{\"conversationId\":\"conv-other\"}"),
        404,
        "no_pending_write",
        "Nothing is waiting");
  }

  private void assertError(HttpResponse<String> response, int status, String code, String part) {
    server.assertError(response, status, code, part);
  }
}
