package com.scopien.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs eval cases (the format of shared/eval/assistant-requests.json) through an assistant and
 * scores them exactly as shared/eval/run-eval.py does. The project's own cases may also list
 * messages said {@code before} the case in the same conversation, for follow-ups.
 */
final class EvalCases {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EvalCases() {}

  static List<JsonNode> load(String resource) throws IOException {
    try (InputStream in = EvalCases.class.getResourceAsStream(resource)) {
      List<JsonNode> cases = new ArrayList<>();
      JSON.readTree(in).path("cases").forEach(cases::add);
      return cases;
    }
  }

  /** Failure reasons, one per failing case ("say -- reason"); empty when all pass. */
  static List<String> run(List<JsonNode> cases, java.util.function.Supplier<AgentService> agents) {
    List<String> failures = new ArrayList<>();
    for (JsonNode c : cases) {
      AgentService agent = agents.get();
      String conversation = null;
      if (c.hasNonNull("activeOrg")) {
        conversation =
            agent
                .chat(AgentFixture.ADMIN, null, "Switch to " + c.get("activeOrg").asText())
                .conversationId();
      }
      for (JsonNode before : c.path("before")) {
        conversation =
            agent.chat(AgentFixture.ADMIN, conversation, before.asText()).conversationId();
      }
      ChatReply reply = agent.chat(AgentFixture.ADMIN, conversation, c.get("say").asText());
      String reason = matches(c.get("expect"), reply);
      if (reason != null) {
        failures.add(c.get("say").asText() + "  -- " + reason);
      }
    }
    return failures;
  }

  static String matches(JsonNode expect, ChatReply reply) {
    for (JsonNode words : expect.path("replyContains")) {
      if (!reply
          .reply()
          .toLowerCase(Locale.ROOT)
          .contains(words.asText().toLowerCase(Locale.ROOT))) {
        return "reply lacks '"
            + words.asText()
            + "': "
            + reply.reply().lines().findFirst().orElse("");
      }
    }
    if (expect.has("tool") && expect.get("tool").isNull()) {
      List<String> written =
          reply.toolCalls().stream()
              .filter(c -> c.tool().endsWith("_record") && !c.tool().equals("get_record"))
              .filter(c -> c.tool().startsWith("create") || c.tool().startsWith("update"))
              .filter(c -> c.status().equals("ok"))
              .map(ChatReply.ToolCallRecord::tool)
              .toList();
      return written.isEmpty() ? null : "a write ran: " + written;
    }
    List<String> tools = new ArrayList<>();
    if (expect.get("tool").isArray()) {
      expect.get("tool").forEach(t -> tools.add(t.asText()));
    } else {
      tools.add(expect.get("tool").asText());
    }
    List<ChatReply.ToolCallRecord> candidates =
        reply.toolCalls().stream().filter(c -> tools.contains(c.tool())).toList();
    if (candidates.isEmpty()) {
      return "expected tool "
          + tools
          + ", saw "
          + reply.toolCalls().stream().map(ChatReply.ToolCallRecord::tool).toList()
          + " reply: "
          + reply.reply().lines().findFirst().orElse("");
    }
    String first = null;
    for (ChatReply.ToolCallRecord call : candidates) {
      Map<String, Object> args = call.arguments();
      String text;
      try {
        text = JSON.writeValueAsString(args).toLowerCase(Locale.ROOT);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      String problem = null;
      if (expect.hasNonNull("object")
          && !String.valueOf(args.getOrDefault("object", ""))
              .equalsIgnoreCase(expect.get("object").asText())) {
        problem = "object " + args.get("object") + ", expected " + expect.get("object").asText();
      }
      if (problem == null && expect.hasNonNull("org")) {
        Object actedOn = args.get("org") != null ? args.get("org") : reply.org().environment();
        if (!String.valueOf(actedOn)
            .toLowerCase(Locale.ROOT)
            .contains(expect.get("org").asText().toLowerCase(Locale.ROOT))) {
          problem = "org " + actedOn + ", expected " + expect.get("org").asText();
        }
      }
      if (problem == null) {
        List<String> missing = new ArrayList<>();
        expect
            .path("argsContain")
            .forEach(
                s -> {
                  if (!text.contains(s.asText().toLowerCase(Locale.ROOT))) {
                    missing.add(s.asText());
                  }
                });
        if (!missing.isEmpty()) {
          problem = "arguments lack " + missing + ": " + text;
        }
      }
      if (problem == null) {
        return null;
      }
      first = first == null ? problem : first;
    }
    return first;
  }
}
