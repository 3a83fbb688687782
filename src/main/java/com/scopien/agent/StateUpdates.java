package com.scopien.agent;

import com.scopien.orgs.Org;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one tool call changes the {@link ConversationState}: a list or count becomes the last list,
 * the records a read showed become the ones "them" and "the second one" mean, one record read or
 * written becomes the focus ("it", "her"), and the org acted on is remembered. A failed call
 * changes nothing.
 */
final class StateUpdates {
  private static final Set<String> LISTS = Set.of("query_records", "count_records");
  private static final Set<String> RECORD_TOOLS =
      Set.of("query_records", "count_records", "get_record", "create_record", "update_record");

  private StateUpdates() {}

  static ConversationState after(
      ConversationState before,
      String tool,
      Map<String, Object> arguments,
      ToolOutcome outcome,
      Org org) {
    if (outcome.status() == ToolOutcome.Status.ERROR || !RECORD_TOOLS.contains(tool)) {
      return before;
    }
    ConversationState.OrgRef acted =
        org == null
            ? before.org()
            : new ConversationState.OrgRef(org.name(), org.environment().wireName());
    ConversationState.LastList list = before.lastList();
    List<ShownRecord> records = before.records();
    ShownRecord focus = before.focus();
    if (LISTS.contains(tool) && !countsTheListShown(list, tool, arguments)) {
      list = new ConversationState.LastList(tool, arguments);
    }
    if (tool.equals("query_records")) {
      records = outcome.shown();
      focus = records.size() == 1 ? records.get(0) : null;
    } else if (!outcome.shown().isEmpty()) {
      focus = outcome.shown().get(0);
      if (tool.equals("get_record")) {
        records = outcome.shown();
      }
    }
    return new ConversationState(acted, list, records, focus);
  }

  /**
   * "How many are there?" after a list counts that list: the list stays the last one, so "show
   * more" still pages on from where it was.
   */
  private static boolean countsTheListShown(
      ConversationState.LastList list, String tool, Map<String, Object> arguments) {
    return tool.equals("count_records")
        && list != null
        && list.tool().equals("query_records")
        && java.util.Objects.equals(list.arguments().get("object"), arguments.get("object"))
        && java.util.Objects.equals(list.arguments().get("filters"), arguments.get("filters"))
        && java.util.Objects.equals(list.arguments().get("org"), arguments.get("org"));
  }
}
