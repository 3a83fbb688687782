package com.scopien.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A tiny OpenAI-compatible server over HTTP whose "model" is a script: a function from the request
 * it received to the answer it gives. An obedient script follows whatever a tool result tells it.
 */
final class ObedientOpenAiServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final List<JsonNode> received = new ArrayList<>();
  private final HttpServer server;

  ObedientOpenAiServer(Function<JsonNode, String> script) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/chat/completions",
        exchange -> {
          JsonNode request = JSON.readTree(exchange.getRequestBody());
          received.add(request);
          byte[] body = script.apply(request).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** The content of the request's last message (a tool result after a tool call). */
  static String lastContent(JsonNode request) {
    JsonNode messages = request.path("messages");
    return messages.get(messages.size() - 1).path("content").asText();
  }

  /** An answer asking for tool calls, each a name and its JSON arguments. */
  static String toolCalls(String... nameThenArguments) {
    List<Object> calls = new ArrayList<>();
    for (int i = 0; i < nameThenArguments.length; i += 2) {
      calls.add(call("call_" + (i / 2 + 1), nameThenArguments[i], nameThenArguments[i + 1]));
    }
    return toolCallsAnswer(calls);
  }

  /** An answer asking for one tool call with the given id, name and JSON arguments. */
  static String toolCall(String id, String name, String arguments) {
    return toolCallsAnswer(List.of(call(id, name, arguments)));
  }

  private static Map<String, Object> call(String id, String name, String arguments) {
    return Map.of(
        "id", id, "type", "function", "function", Map.of("name", name, "arguments", arguments));
  }

  private static String toolCallsAnswer(List<Object> calls) {
    try {
      return "{\"id\":\"r\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-test\","
          + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
          + "\"tool_calls\":"
          + JSON.writeValueAsString(calls)
          + "},\"finish_reason\":\"tool_calls\"}],"
          + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A plain text answer. */
  static String text(String content) {
    try {
      return "{\"id\":\"r\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-test\","
          + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
          + JSON.writeValueAsString(content)
          + "},\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
