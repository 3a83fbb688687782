package com.scopien.agent.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the conversation can refer back to, as the agent hands it over in the system message (a JSON
 * line after "Conversation state (JSON"): the last list or count, the records the last reply
 * showed, the record in focus. Empty when the conversation has none yet.
 */
record Recall(ToolCall lastList, List<Record> records, Record focus) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HEADING = "Conversation state (JSON";

  static final Recall NONE = new Recall(null, List.of(), null);

  /** A record shown earlier: its Id, name and object. */
  record Record(String id, String name, String object) {}

  static Recall from(List<ChatMessage> messages) {
    for (ChatMessage message : messages) {
      if (message instanceof SystemMessage system && system.text().contains(HEADING)) {
        String text = system.text();
        int at = text.indexOf(HEADING);
        int json = text.indexOf("): {", at);
        if (json > 0) {
          return parse(text.substring(json + 3).lines().findFirst().orElse("{}"));
        }
      }
    }
    return NONE;
  }

  static Recall parse(String json) {
    try {
      JsonNode state = JSON.readTree(json);
      ToolCall list = null;
      JsonNode last = state.path("lastList");
      if (last.path("arguments").isObject()) {
        list =
            new ToolCall(
                last.path("tool").asText("query_records"),
                (ObjectNode) last.get("arguments").deepCopy());
      }
      List<Record> records = new ArrayList<>();
      state.path("records").forEach(r -> records.add(record(r)));
      Record focus = state.path("focus").isObject() ? record(state.get("focus")) : null;
      return new Recall(list, records, focus);
    } catch (Exception e) {
      return NONE;
    }
  }

  private static Record record(JsonNode r) {
    return new Record(
        r.path("id").asText(null), r.path("name").asText(null), r.path("object").asText(null));
  }

  /** The one record "it" means now: the focus, or the only record shown. */
  Optional<Record> it() {
    if (focus != null) {
      return Optional.of(focus);
    }
    return records.size() == 1 ? Optional.of(records.get(0)) : Optional.empty();
  }

  /** The n-th record shown (1-based), if the last reply showed that many. */
  Optional<Record> nth(int n) {
    return n >= 1 && n <= records.size() ? Optional.of(records.get(n - 1)) : Optional.empty();
  }
}
