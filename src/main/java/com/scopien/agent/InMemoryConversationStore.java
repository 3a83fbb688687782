package com.scopien.agent;

import dev.langchain4j.data.message.ChatMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Conversations kept in memory: for tests and for a Scopien started without a database. */
final class InMemoryConversationStore implements ConversationStore {
  private final Map<String, String> owners = new ConcurrentHashMap<>();
  private final Map<String, List<ChatMessage>> messages = new ConcurrentHashMap<>();

  @Override
  public String create(String userId, Instant now) {
    String id = UUID.randomUUID().toString();
    owners.put(id, userId);
    messages.put(id, List.of());
    return id;
  }

  @Override
  public Optional<String> owner(String conversationId) {
    return Optional.ofNullable(conversationId == null ? null : owners.get(conversationId));
  }

  @Override
  public List<ChatMessage> getMessages(Object memoryId) {
    return new ArrayList<>(messages.getOrDefault(memoryId.toString(), List.of()));
  }

  @Override
  public void updateMessages(Object memoryId, List<ChatMessage> updated) {
    messages.put(memoryId.toString(), List.copyOf(updated));
  }

  @Override
  public void deleteMessages(Object memoryId) {
    messages.remove(memoryId.toString());
  }
}
