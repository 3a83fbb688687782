package com.scopien.slack;

import com.scopien.agent.ChatReply;
import java.util.List;
import java.util.Map;

/**
 * The line a tool call adds to a "Working on it…" message: what the assistant is doing, in words,
 * then how it went. Names from the model's arguments are escaped; values are never shown.
 */
final class SlackActivity {
  static final String WORKING = "Working on it…";
  private static final int MAX_LINES = 8;

  private SlackActivity() {}

  /** "Working on it…" with the last few activity lines under it. */
  static SlackMessage working(List<String> activity) {
    if (activity.isEmpty()) {
      return new SlackMessage(WORKING, List.of(SlackBlocks.section("_" + WORKING + "_")));
    }
    int from = Math.max(0, activity.size() - MAX_LINES);
    String lines = String.join("\n", activity.subList(from, activity.size()));
    return new SlackMessage(
        WORKING, List.of(SlackBlocks.section("_" + WORKING + "_"), SlackBlocks.context(lines)));
  }

  static String started(String tool, Map<String, Object> arguments) {
    String object = arguments.get("object") instanceof String name ? name : null;
    String what =
        switch (tool) {
          case "query_records" -> "Looking up " + records(object);
          case "count_records" -> "Counting " + records(object);
          case "aggregate_records" -> "Adding up " + records(object);
          case "get_record" -> "Fetching " + (object == null ? "a record" : "a " + object);
          case "create_record" -> "Preparing a new " + (object == null ? "record" : object);
          case "update_record" -> "Preparing a change to " + (object == null ? "a record" : object);
          case "describe_object" -> "Reading the fields of " + (object == null ? "it" : object);
          case "list_orgs" -> "Listing the connected orgs";
          case "switch_org" -> "Switching org";
          case "sync_now" -> "Starting a sync";
          case "sync_status" -> "Checking the sync status";
          case "sync_errors" -> "Reading the sync errors";
          case "api_usage" -> "Checking the API usage";
          default -> "Running " + tool;
        };
    Object org = arguments.get("org");
    String in = org instanceof String name && !name.isBlank() ? " in " + name : "";
    return "• " + SlackText.escape(what + in) + "…";
  }

  static String finished(ChatReply.ToolCallRecord call) {
    return switch (call.status()) {
      case "ok" -> " done";
      case "needs_confirmation" -> " waiting for confirmation";
      default -> " failed";
    };
  }

  private static String records(String object) {
    return object == null ? "records" : object + " records";
  }
}
