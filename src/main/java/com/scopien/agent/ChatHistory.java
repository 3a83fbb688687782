package com.scopien.agent;

import com.scopien.agent.ChatReply.ToolCallRecord;
import com.scopien.agent.StreamingAssistant.ChatTurn;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The turns people saw, read back from a conversation's memory: each message they wrote and each
 * reply, with the tool calls the reply's turn recorded on it. Tool requests and results in between
 * are the model's working and are not shown.
 */
final class ChatHistory {
  private ChatHistory() {}

  static List<ChatTurn> turns(List<ChatMessage> messages) {
    List<ChatTurn> turns = new ArrayList<>();
    for (ChatMessage message : messages) {
      if (message instanceof UserMessage user && user.hasSingleText()) {
        turns.add(new ChatTurn("user", user.singleText(), List.of()));
      } else if (message instanceof AiMessage ai
          && !ai.hasToolExecutionRequests()
          && ai.text() != null) {
        turns.add(new ChatTurn("assistant", ai.text(), toolCalls(ai)));
      }
    }
    return turns;
  }

  private static String textOrNull(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  private static List<ToolCallRecord> toolCalls(AiMessage ai) {
    Object recorded = ai.attributes() == null ? null : ai.attributes().get(TurnRunner.TOOL_CALLS);
    List<ToolCallRecord> calls = new ArrayList<>();
    if (recorded instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> call) {
          calls.add(
              new ToolCallRecord(
                  String.valueOf(call.get("tool")),
                  arguments(call.get("arguments")),
                  String.valueOf(call.get("status")),
                  textOrNull(call.get("source")),
                  textOrNull(call.get("asOf"))));
        }
      }
    }
    return calls;
  }

  private static Map<String, Object> arguments(Object value) {
    Map<String, Object> arguments = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> arguments.put(String.valueOf(k), v));
    }
    return arguments;
  }
}
