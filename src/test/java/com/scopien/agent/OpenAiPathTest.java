package com.scopien.agent;

import static com.scopien.agent.ObedientOpenAiServer.lastContent;
import static com.scopien.agent.ObedientOpenAiServer.text;
import static com.scopien.agent.ObedientOpenAiServer.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.config.Secret;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI path: langchain4j-open-ai's model talks over HTTP to a fake OpenAI-compatible server
 * that answers with tool calls, one with malformed arguments and one naming a field that does not
 * exist. The agent must turn both into readable errors the model sees next.
 */
class OpenAiPathTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Deque<String> answers = new ArrayDeque<>();
  private final List<JsonNode> received = new ArrayList<>();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void malformedArgumentsAndAnUnknownFieldBecomeReadableErrorsForTheModel() throws IOException {
    answers.add(
        toolCall("call_1", "query_records", "{\"object\": \"Opportunity\", \"filters\": ["));
    answers.add(
        toolCall(
            "call_2",
            "query_records",
            "{\"object\":\"Opportunity\",\"filters\":[{\"field\":\"Revenue__c\",\"op\":\">\",\"value\":5}]}"));
    answers.add(
        toolCall(
            "call_3",
            "query_records",
            "{\"object\":\"Opportunity\",\"filters\":[{\"field\":\"Amount\",\"op\":\">\",\"value\":50000}]}"));
    answers.add(text("One deal is over 50,000: Acme Corp Deal, in Production."));
    String base = start();
    AgentFixture fixture = new AgentFixture();
    AgentService agent =
        AgentService.builder()
            .orgs(fixture.orgs)
            .clock(fixture.clock)
            .openAi(base, Secret.of("sk-test"), "gpt-test")
            .build();

    ChatReply reply = agent.chat(AgentFixture.ADMIN, null, "deals over 50k");

    assertThat(reply.reply()).isEqualTo("One deal is over 50,000: Acme Corp Deal, in Production.");
    assertThat(reply.toolCalls())
        .extracting(ChatReply.ToolCallRecord::status)
        .containsExactly("error", "error", "ok");
    assertThat(received).hasSize(4);
    assertThat(received.get(0).path("tools")).hasSize(13);
    assertThat(received.get(0).path("messages").get(0).path("content").asText())
        .contains("You are Scopien");
    assertThat(lastContent(received.get(1))).contains("not a valid JSON object");
    assertThat(lastContent(received.get(2)))
        .contains("No field 'Revenue__c' on Opportunity")
        .contains("Its fields include: Id, Name, StageName, Amount, CloseDate");
    assertThat(lastContent(received.get(3))).contains("| Acme Corp Deal |");
    assertThat(fixture.production.queries).hasSize(1);
  }

  @Test
  void withAStreamingModelTheReplyStreamsTokenByTokenAndToolCallsArriveInPieces()
      throws IOException {
    answers.add(
        sse(
            chunk(
                "{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
                    + "\"type\":\"function\",\"function\":{\"name\":\"query_records\","
                    + "\"arguments\":\"\"}}]}",
                null),
            chunk(
                "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
                    + "\"{\\\"object\\\": \"}}]}",
                null),
            chunk(
                "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
                    + "\"\\\"Opportunity\\\"}\"}}]}",
                null),
            chunk("{}", "tool_calls")));
    answers.add(
        sse(
            chunk("{\"role\":\"assistant\",\"content\":\"Two deals\"}", null),
            chunk("{\"content\":\" in Production:\"}", null),
            chunk("{\"content\":\" Acme Corp Deal.\"}", null),
            chunk("{}", "stop")));
    String base = start();
    AgentFixture fixture = new AgentFixture();
    AgentService agent =
        AgentService.builder()
            .orgs(fixture.orgs)
            .clock(fixture.clock)
            .openAi(base, Secret.of("sk-test"), "gpt-test")
            .build();
    RecordingChatListener listener = new RecordingChatListener();

    ChatReply reply = agent.chat(AgentFixture.ADMIN, null, "show deals", listener);

    assertThat(received.get(0).path("stream").asBoolean()).isTrue();
    assertThat(reply.reply()).isEqualTo("Two deals in Production: Acme Corp Deal.");
    assertThat(reply.toolCalls())
        .extracting(ChatReply.ToolCallRecord::status)
        .containsExactly("ok");
    assertThat(listener.events)
        .containsExactly(
            "start query_records {object=Opportunity}", "end query_records ok", "text");
    assertThat(listener.deltas).isEqualTo(3);
    assertThat(listener.text.toString()).isEqualTo(reply.reply());
    assertThat(lastContent(received.get(1))).contains("| Acme Corp Deal |");
  }

  private static String chunk(String delta, String finishReason) {
    return "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,"
        + "\"model\":\"gpt-test\",\"choices\":[{\"index\":0,\"delta\":"
        + delta
        + ",\"finish_reason\":"
        + (finishReason == null ? "null" : "\"" + finishReason + "\"")
        + "}]}";
  }

  /** A streamed answer: the marker the fake server recognises, then the events' data lines. */
  private static String sse(String... chunks) {
    StringBuilder body = new StringBuilder(SSE);
    for (String c : chunks) {
      body.append("data: ").append(c).append("\n\n");
    }
    return body.append("data: [DONE]\n\n").toString();
  }

  private static final String SSE = "SSE:";

  private String start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/chat/completions",
        exchange -> {
          received.add(JSON.readTree(exchange.getRequestBody()));
          String answer = answers.remove();
          boolean streamed = answer.startsWith(SSE);
          byte[] body =
              (streamed ? answer.substring(SSE.length()) : answer).getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .add("Content-Type", streamed ? "text/event-stream" : "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }
}
