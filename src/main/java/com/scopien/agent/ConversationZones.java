package com.scopien.agent;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The time zone a conversation is read in, kept with its history as an attribute of each turn's
 * reply message (as the conversation state is), so a turn that sends no zone reuses the last one.
 */
final class ConversationZones {
  static final String ATTRIBUTE = "scopien.timeZone";

  private ConversationZones() {}

  /** The zone the conversation last used, if any turn stored one. */
  static Optional<ZoneId> stored(List<ChatMessage> history) {
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i) instanceof AiMessage ai && ai.attributes() != null) {
        Object zone = ai.attributes().get(ATTRIBUTE);
        if (zone != null) {
          try {
            return Optional.of(ZoneId.of(zone.toString()));
          } catch (DateTimeException e) {
            return Optional.empty();
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The turn's reply message with {@code zone} stored on it; other messages as they are. */
  static ChatMessage tagged(ChatMessage message, ZoneId zone) {
    if (!(message instanceof AiMessage ai) || ai.hasToolExecutionRequests()) {
      return message;
    }
    Map<String, Object> attributes =
        new LinkedHashMap<>(ai.attributes() == null ? Map.of() : ai.attributes());
    attributes.put(ATTRIBUTE, zone.getId());
    return AiMessage.builder().text(ai.text()).attributes(attributes).build();
  }
}
