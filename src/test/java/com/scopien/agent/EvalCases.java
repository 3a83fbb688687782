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
    return run(cases, agents, null);
  }

  /**
   * As {@link #run(List, java.util.function.Supplier)}, with {@code truth} answering a case's truth
   * spec ({"soql", "org", "field"}) from the org itself, as run-eval.py's Truth does.
   */
  static List<String> run(
      List<JsonNode> cases,
      java.util.function.Supplier<AgentService> agents,
      java.util.function.Function<JsonNode, Object> truth) {
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
      String reason;
      try {
        reason = matches(c.get("expect"), reply, truth);
      } catch (RuntimeException e) {
        reason = "could not check: " + e;
      }
      if (reason != null) {
        List<String> said = new ArrayList<>();
        c.path("before").forEach(b -> said.add(b.asText()));
        said.add(c.get("say").asText());
        failures.add(String.join(" / ", said) + "  -- " + reason);
      }
    }
    return failures;
  }

  static String matches(JsonNode expect, ChatReply reply) {
    return matches(expect, reply, null);
  }

  /** Scores one reply in run-eval.py's order: writes, replyContains, truth, then the tool. */
  static String matches(
      JsonNode expect, ChatReply reply, java.util.function.Function<JsonNode, Object> truth) {
    boolean noTool = expect.has("tool") && expect.get("tool").isNull();
    if (noTool || expect.path("noWrite").asBoolean(false)) {
      List<String> written =
          reply.toolCalls().stream()
              .filter(c -> c.tool().equals("create_record") || c.tool().equals("update_record"))
              .filter(c -> c.status().equals("ok"))
              .map(ChatReply.ToolCallRecord::tool)
              .toList();
      if (!written.isEmpty()) {
        return "a write ran: " + written;
      }
    }
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
    JsonNode specs = expect.path("truth");
    List<JsonNode> truths = new ArrayList<>();
    if (specs.isArray()) {
      specs.forEach(truths::add);
    } else if (specs.isObject()) {
      truths.add(specs);
    }
    for (JsonNode spec : truths) {
      if (truth == null) {
        throw new IllegalStateException("a truth case needs the org to ask: " + spec);
      }
      List<String> spellings = spellings(truth.apply(spec));
      String lower = reply.reply().toLowerCase(Locale.ROOT);
      if (spellings.stream().noneMatch(s -> lower.contains(s.toLowerCase(Locale.ROOT)))) {
        return "reply lacks the org's value "
            + spellings.get(0)
            + ": "
            + reply.reply().replace('\n', ' ').substring(0, Math.min(160, reply.reply().length()));
      }
    }
    if (noTool) {
      return null;
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

  /**
   * A value as a person would write it, exactly as run-eval.py's spellings: numbers with and
   * without thousands separators, whole or with two decimals (rounded half-even, as Python formats
   * a float); anything else as Python's str() writes it.
   */
  static List<String> spellings(Object value) {
    if (value == null) {
      return List.of("None");
    }
    if (value instanceof Boolean b) {
      return List.of(b ? "True" : "False");
    }
    if (value instanceof Number n) {
      java.math.BigDecimal v = new java.math.BigDecimal(n.doubleValue());
      java.math.BigDecimal whole = v.setScale(0, java.math.RoundingMode.HALF_EVEN);
      java.math.BigDecimal cents = v.setScale(2, java.math.RoundingMode.HALF_EVEN);
      java.util.TreeSet<String> all = new java.util.TreeSet<>();
      all.add(String.format(Locale.ROOT, "%,d", whole.toBigInteger()));
      all.add(whole.toPlainString());
      all.add(String.format(Locale.ROOT, "%,.2f", cents));
      all.add(cents.toPlainString());
      return List.copyOf(all);
    }
    return List.of(String.valueOf(value));
  }
}
