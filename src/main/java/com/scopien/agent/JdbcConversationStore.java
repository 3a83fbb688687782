package com.scopien.agent;

import com.scopien.ScopienException;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Conversations and chat memory in the store's {@code conversations} and {@code chat_messages}
 * tables (migration V3), so history survives a restart and is shared by every instance. Each update
 * rewrites the conversation's window in one transaction.
 */
final class JdbcConversationStore implements ConversationStore {
  private final DataSource dataSource;
  private final Clock clock;

  JdbcConversationStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  @Override
  public String create(String userId, Instant now) {
    String id = UUID.randomUUID().toString();
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO conversations (id, user_id, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, userId);
      insert.setTimestamp(3, Timestamp.from(now));
      insert.setTimestamp(4, Timestamp.from(now));
      insert.executeUpdate();
      return id;
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  @Override
  public Optional<String> owner(String conversationId) {
    if (conversationId == null) {
      return Optional.empty();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT user_id FROM conversations WHERE id = ?")) {
      select.setString(1, conversationId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  @Override
  public List<ChatMessage> getMessages(Object memoryId) {
    List<ChatMessage> messages = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT message FROM chat_messages WHERE conversation_id = ? ORDER BY seq")) {
      select.setString(1, memoryId.toString());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          messages.add(ChatMessageDeserializer.messageFromJson(rs.getString(1)));
        }
      }
      return messages;
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  @Override
  public void updateMessages(Object memoryId, List<ChatMessage> messages) {
    String id = memoryId.toString();
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM chat_messages WHERE conversation_id = ?");
          PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO chat_messages (conversation_id, seq, message) VALUES (?, ?, ?)");
          PreparedStatement touch =
              c.prepareStatement("UPDATE conversations SET updated_at = ? WHERE id = ?")) {
        delete.setString(1, id);
        delete.executeUpdate();
        int seq = 0;
        for (ChatMessage message : messages) {
          insert.setString(1, id);
          insert.setInt(2, seq++);
          insert.setString(3, ChatMessageSerializer.messageToJson(message));
          insert.addBatch();
        }
        insert.executeBatch();
        touch.setTimestamp(1, Timestamp.from(clock.instant()));
        touch.setString(2, id);
        touch.executeUpdate();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  @Override
  public void deleteMessages(Object memoryId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete =
            c.prepareStatement("DELETE FROM chat_messages WHERE conversation_id = ?")) {
      delete.setString(1, memoryId.toString());
      delete.executeUpdate();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private static ScopienException failure(SQLException e) {
    return new ScopienException(
        ScopienException.Kind.RETRIABLE, "store_unavailable", "The chat history store failed.", e);
  }
}
