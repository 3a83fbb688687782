package com.scopien.agent;

import com.scopien.store.Jdbc;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Conversations and chat memory in the store's {@code conversations} and {@code chat_messages}
 * tables (migration V3), so history survives a restart and is shared by every instance. Each update
 * rewrites the conversation's window in one transaction.
 */
final class JdbcConversationStore implements ConversationStore {
  private final Jdbc jdbc;
  private final Clock clock;

  JdbcConversationStore(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public String create(String userId, Instant now) {
    String id = Jdbc.newId();
    jdbc.update(
        "INSERT INTO conversations (id, user_id, created_at, updated_at) VALUES (?, ?, ?, ?)",
        id,
        userId,
        now,
        now);
    return id;
  }

  @Override
  public Optional<String> owner(String conversationId) {
    if (conversationId == null || conversationId.length() > 64) {
      return Optional.empty();
    }
    return jdbc.queryOne(
        "SELECT user_id FROM conversations WHERE id = ?", row -> row.getString(1), conversationId);
  }

  @Override
  public List<ChatMessage> getMessages(Object memoryId) {
    List<String> json =
        jdbc.query(
            "SELECT message FROM chat_messages WHERE conversation_id = ? ORDER BY seq",
            row -> row.getString(1),
            memoryId.toString());
    List<ChatMessage> messages = new ArrayList<>();
    json.forEach(m -> messages.add(ChatMessageDeserializer.messageFromJson(m)));
    return messages;
  }

  @Override
  public void updateMessages(Object memoryId, List<ChatMessage> messages) {
    String id = memoryId.toString();
    List<Object[]> rows = new ArrayList<>();
    for (int seq = 0; seq < messages.size(); seq++) {
      rows.add(new Object[] {id, seq, ChatMessageSerializer.messageToJson(messages.get(seq))});
    }
    jdbc.inTransaction(
        () -> {
          jdbc.update("DELETE FROM chat_messages WHERE conversation_id = ?", id);
          if (!rows.isEmpty()) {
            jdbc.batch(
                "INSERT INTO chat_messages (conversation_id, seq, message) VALUES (?, ?, ?)", rows);
          }
          jdbc.update("UPDATE conversations SET updated_at = ? WHERE id = ?", clock.instant(), id);
        });
  }

  @Override
  public void deleteMessages(Object memoryId) {
    jdbc.update("DELETE FROM chat_messages WHERE conversation_id = ?", memoryId.toString());
  }
}
