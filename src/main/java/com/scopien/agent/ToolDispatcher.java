package com.scopien.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopien.ScopienException;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import com.scopien.security.User;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the tool calls a model asks for, with the checks that must hold whatever the model says: the
 * tool exists, its arguments parse, the user's role allows it, the org named exists. Every failure
 * becomes a short readable result for the model and the status {@code error}.
 */
final class ToolDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(ToolDispatcher.class);
  private static final int MAX_ERROR = 400;

  private final ToolCatalogue catalogue;
  private final OrgDirectory orgs;
  private final Map<String, ToolExecutor> executors;

  ToolDispatcher(ToolCatalogue catalogue, OrgDirectory orgs, Map<String, ToolExecutor> executors) {
    this.catalogue = catalogue;
    this.orgs = orgs;
    this.executors = Map.copyOf(executors);
    for (ToolDefinition tool : catalogue.all()) {
      if (!executors.containsKey(tool.name())) {
        throw new IllegalStateException("no executor for tool " + tool.name());
      }
    }
  }

  /**
   * A tool call as the contract records it, the result the model sees, and the org it ran on (null
   * when it did not get that far).
   */
  record Dispatched(String tool, Map<String, Object> arguments, ToolOutcome outcome, Org org) {
    Dispatched(String tool, Map<String, Object> arguments, ToolOutcome outcome) {
      this(tool, arguments, outcome, null);
    }
  }

  /** The call's arguments as a map, for showing a call before it runs; raw text if not JSON. */
  Map<String, Object> arguments(ToolExecutionRequest request) {
    try {
      String raw =
          request.arguments() == null || request.arguments().isBlank() ? "{}" : request.arguments();
      JsonNode args = Json.MAPPER.readTree(raw);
      if (args != null && args.isObject()) {
        return Json.toMap(args);
      }
    } catch (Exception e) {
      // Shown as given below; dispatch() answers the model with the parse error.
    }
    Map<String, Object> raw = new LinkedHashMap<>();
    raw.put("raw", String.valueOf(request.arguments()));
    return raw;
  }

  Dispatched dispatch(User user, String conversationId, ToolExecutionRequest request) {
    return dispatch(user, conversationId, request, false);
  }

  /**
   * Runs one call; {@code writeAsked} says whether a write it makes was asked for by the person
   * (see {@link WriteRequests}); when false, a write waits for confirmation in any org.
   */
  Dispatched dispatch(
      User user, String conversationId, ToolExecutionRequest request, boolean writeAsked) {
    String name = request.name();
    JsonNode args;
    try {
      String raw =
          request.arguments() == null || request.arguments().isBlank() ? "{}" : request.arguments();
      args = Json.MAPPER.readTree(raw);
    } catch (Exception e) {
      args = null;
    }
    if (args == null || !args.isObject()) {
      Map<String, Object> raw = new LinkedHashMap<>();
      raw.put("raw", String.valueOf(request.arguments()));
      return new Dispatched(
          name,
          raw,
          ToolOutcome.error(
              "The arguments of "
                  + name
                  + " were not a valid JSON object; send them again as"
                  + " JSON, e.g. {\"object\": \"Account\"}."));
    }
    Map<String, Object> arguments = Json.toMap(args);
    Org[] ranOn = new Org[1];
    ToolOutcome outcome = run(user, conversationId, name, args, ranOn, writeAsked);
    return new Dispatched(name, arguments, outcome, ranOn[0]);
  }

  private ToolOutcome run(
      User user,
      String conversationId,
      String name,
      JsonNode args,
      Org[] ranOn,
      boolean writeAsked) {
    ToolDefinition tool = catalogue.find(name).orElse(null);
    if (tool == null) {
      return ToolOutcome.error(
          "There is no tool '" + name + "'. Tools: " + String.join(", ", ToolCatalogue.TOOL_NAMES));
    }
    if (!user.role().atLeast(tool.role())) {
      return ToolOutcome.error(
          "Your role (" + user.role().name().toLowerCase() + ") may not use " + name + ".");
    }
    try {
      Org org = org(conversationId, args);
      ranOn[0] = org;
      ToolContext ctx = new ToolContext(user, conversationId, org, orgs, writeAsked);
      return executors.get(name).execute(ctx, new ToolArgs(name, args));
    } catch (ToolException e) {
      return ToolOutcome.error(e.getMessage());
    } catch (ScopienException e) {
      return ToolOutcome.error(shorten(e.getMessage()));
    } catch (RuntimeException e) {
      LOG.warn("tool {} failed", name, e);
      return ToolOutcome.error(name + " failed unexpectedly; nothing was changed by this call.");
    }
  }

  private Org org(String conversationId, JsonNode args) {
    JsonNode named = args.get("org");
    if (named == null || named.isNull() || named.asText().isBlank()) {
      return orgs.activeOrg(conversationId);
    }
    try {
      return orgs.resolve(named.asText().trim());
    } catch (ScopienException e) {
      if (e.kind() != ScopienException.Kind.NOT_FOUND) {
        throw e;
      }
      List<Org> all = orgs.list();
      throw new ToolException(
          "There is no connected org called '"
              + named.asText()
              + "'. Connected orgs: "
              + all.stream()
                  .map(o -> o.name() + " (" + o.environment().wireName() + ")")
                  .collect(Collectors.joining(", "))
              + ".");
    }
  }

  private static String shorten(String message) {
    String text = message == null ? "The request failed." : message.replaceAll("\\s+", " ");
    return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR - 1) + "…" : text;
  }
}
