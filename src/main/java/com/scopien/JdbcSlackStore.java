package com.scopien;

import com.scopien.slack.SlackStore;
import com.scopien.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The Slack channel's tables (migration V6) through the store's {@link Jdbc}. It lives beside the
 * composition root because the architecture keeps the Slack edge away from the store: the channel
 * sees only its {@link SlackStore} port, and the root, which knows both sides, adapts one to the
 * other (as it does for the org tokens' sealer).
 */
final class JdbcSlackStore implements SlackStore {
  private final Jdbc jdbc;

  JdbcSlackStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean claimEvent(String eventId, Instant receivedAt) {
    try {
      jdbc.update(
          "INSERT INTO slack_events (event_id, received_at) VALUES (?, ?)", eventId, receivedAt);
      return true;
    } catch (ScopienException e) {
      if ("duplicate_key".equals(e.code())) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public void releaseEvent(String eventId) {
    jdbc.update("DELETE FROM slack_events WHERE event_id = ?", eventId);
  }

  @Override
  public int forgetEventsBefore(Instant cutoff) {
    return jdbc.update("DELETE FROM slack_events WHERE received_at < ?", cutoff);
  }

  @Override
  public boolean hasThread(String threadKey) {
    return !jdbc.query(
            "SELECT user_id FROM slack_threads WHERE thread_key = ? LIMIT 1",
            row -> row.getString(1),
            threadKey)
        .isEmpty();
  }

  @Override
  public Optional<String> conversation(String threadKey, String userId) {
    return jdbc.queryOne(
        "SELECT conversation_id FROM slack_threads WHERE thread_key = ? AND user_id = ?",
        row -> row.getString(1),
        threadKey,
        userId);
  }

  @Override
  public void saveConversation(String threadKey, String userId, String conversationId, Instant at) {
    upsert(
        () ->
            jdbc.update(
                "UPDATE slack_threads SET conversation_id = ?, updated_at = ?"
                    + " WHERE thread_key = ? AND user_id = ?",
                conversationId,
                at,
                threadKey,
                userId),
        () ->
            jdbc.update(
                "INSERT INTO slack_threads (thread_key, user_id, conversation_id, updated_at)"
                    + " VALUES (?, ?, ?, ?)",
                threadKey,
                userId,
                conversationId,
                at));
  }

  @Override
  public Optional<Link> link(String slackUserId) {
    return jdbc.queryOne(
        "SELECT slack_user_id, user_id, linked_by, linked_at FROM slack_users"
            + " WHERE slack_user_id = ?",
        JdbcSlackStore::link,
        slackUserId);
  }

  @Override
  public void saveLink(Link link) {
    upsert(
        () ->
            jdbc.update(
                "UPDATE slack_users SET user_id = ?, linked_by = ?, linked_at = ?"
                    + " WHERE slack_user_id = ?",
                link.userId(),
                link.linkedBy(),
                link.linkedAt(),
                link.slackUserId()),
        () ->
            jdbc.update(
                "INSERT INTO slack_users (slack_user_id, user_id, linked_by, linked_at)"
                    + " VALUES (?, ?, ?, ?)",
                link.slackUserId(),
                link.userId(),
                link.linkedBy(),
                link.linkedAt()));
  }

  @Override
  public boolean deleteLink(String slackUserId) {
    return jdbc.update("DELETE FROM slack_users WHERE slack_user_id = ?", slackUserId) > 0;
  }

  @Override
  public List<Link> links() {
    return jdbc.query(
        "SELECT slack_user_id, user_id, linked_by, linked_at FROM slack_users"
            + " ORDER BY linked_at, slack_user_id",
        JdbcSlackStore::link);
  }

  /**
   * Update, else insert; when another thread or instance inserts the same key in between, its row
   * is updated instead. Both statements run outside a transaction, so a failed insert does not
   * poison one (PostgreSQL aborts a transaction on the first error).
   */
  private static void upsert(IntSupplier update, Runnable insert) {
    if (update.getAsInt() > 0) {
      return;
    }
    try {
      insert.run();
    } catch (ScopienException e) {
      if (!"duplicate_key".equals(e.code())) {
        throw e;
      }
      update.getAsInt();
    }
  }

  private static Link link(ResultSet row) throws SQLException {
    return new Link(
        row.getString("slack_user_id"),
        row.getString("user_id"),
        row.getString("linked_by"),
        Jdbc.instant(row, "linked_at"));
  }
}
