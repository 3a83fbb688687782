package com.scopien.web;

import static com.scopien.web.FakeApiKeyAuthenticator.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopien.ScopienException;
import com.scopien.agent.ChatReply;
import com.scopien.agent.StreamingAssistant.ChatTurn;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/chat/stream} as server-sent events, and the conversation's history. */
class ChatStreamTest {
  private static final ChatReply REPLY =
      new ChatReply(
          "conv-7",
          "2 opportunities.",
          new ChatReply.OrgSummary("org-prod", "Acme Production", "production"),
          List.of(
              new ChatReply.ToolCallRecord(
                  "query_records", Map.of("object", "Opportunity"), "ok")));

  private final WebServerFixture server = new WebServerFixture();

  @AfterEach
  void stop() {
    server.close();
  }

  record Event(String name, JsonNode data) {}

  @Test
  void toolActivityThenTextPiecesThenTheWholeContractBody() {
    server.assistant.streamFirst(
        listener -> {
          listener.toolStarted("query_records", Map.of("object", "Opportunity"));
          listener.toolFinished(REPLY.toolCalls().get(0));
          listener.delta("2 opportu");
          listener.delta("nities.");
        });
    server.assistant.replyWith(REPLY);

    HttpResponse<String> response =
        server.post("/api/chat/stream", ADMIN_KEY, "{\"message\":\"show opportunities\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    List<Event> events = events(response.body());
    assertThat(events)
        .extracting(Event::name)
        .containsExactly("tool", "tool", "delta", "delta", "done");
    assertThat(events.get(0).data())
        .isEqualTo(
            server.json(
                "{'tool':'query_records','arguments':{'object':'Opportunity'},'status':'running'}"));
    assertThat(events.get(1).data().path("status").asText()).isEqualTo("ok");
    assertThat(
            events.get(2).data().path("text").asText() + events.get(3).data().path("text").asText())
        .isEqualTo("2 opportunities.");
    HttpResponse<String> plain =
        server.post("/api/chat", ADMIN_KEY, "{\"message\":\"show opportunities\"}");
    assertThat(events.get(4).data()).isEqualTo(server.json(plain));
  }

  @Test
  void anErrorBeforeTheFirstEventIsTheUsualJsonErrorWithItsStatus() {
    server.assistant.failWith(
        ScopienException.notFound(
            "unknown_conversation", "There is no conversation with that id."));

    server.assertError(
        server.post(
            "/api/chat/stream", ADMIN_KEY, "{\"message\":\"hi\",\"conversationId\":\"nope\"}"),
        404,
        "unknown_conversation",
        "no conversation");
    server.assertError(
        server.post("/api/chat/stream", ADMIN_KEY, "{}"), 400, "missing_message", "message");
    server.assertError(
        server.post("/api/chat/stream", null, "{\"message\":\"hi\"}"),
        401,
        "unauthorized",
        "API key");
  }

  @Test
  void anErrorAfterStreamingStartedArrivesAsAnErrorEventWithoutDetail() {
    server.assistant.streamFirst(
        listener -> listener.toolStarted("query_records", Map.of("object", "Account")));
    server.assistant.failWith(new IllegalStateException("secret internals"));

    HttpResponse<String> response =
        server.post("/api/chat/stream", ADMIN_KEY, "{\"message\":\"list accounts\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    List<Event> events = events(response.body());
    assertThat(events).extracting(Event::name).containsExactly("tool", "error");
    assertThat(events.get(1).data())
        .isEqualTo(
            server.json(
                "{'error':{'code':'internal','message':'" + ErrorMapper.GENERIC_MESSAGE + "'}}"));
    assertThat(response.body()).doesNotContain("secret internals");
  }

  @Test
  void theHistoryListsTheVisibleTurns() {
    server.assistant.historyIs(
        List.of(
            new ChatTurn("user", "show opportunities", List.of()),
            new ChatTurn("assistant", "2 opportunities.", REPLY.toolCalls())));

    HttpResponse<String> response = server.get("/api/conversations/conv-7/messages", ADMIN_KEY);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(server.json(response))
        .isEqualTo(
            server.json(
                "{'conversationId':'conv-7','messages':["
                    + "{'role':'user','text':'show opportunities','toolCalls':[]},"
                    + "{'role':'assistant','text':'2 opportunities.','toolCalls':"
                    + "[{'tool':'query_records','arguments':{'object':'Opportunity'},'status':'ok'}]}],"
                    + "'pendingChange':null}"));
    server.assertError(
        server.get("/api/conversations/conv-7/messages", null), 401, "unauthorized", "API key");
  }

  private List<Event> events(String body) {
    List<Event> events = new ArrayList<>();
    for (String block : body.split("\n\n")) {
      if (block.isBlank()) {
        continue;
      }
      String name = null;
      String data = null;
      for (String line : block.split("\n")) {
        if (line.startsWith("event: ")) {
          name = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data = line.substring(6);
        }
      }
      events.add(new Event(name, server.json(data.replace("'", "\\u0027"))));
    }
    return events;
  }
}
