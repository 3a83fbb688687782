package com.scopien.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.ScopienException;
import com.scopien.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pending writes in the store's {@code pending_writes} table (migration V7), so a restart or a
 * second instance over the same database keeps them. A conversation's writes of one turn are rows
 * in the order asked (migration V14). {@link #take} is one DELETE: of two callers, only the one
 * whose DELETE removed the rows gets the writes.
 */
final class JdbcPendingWrites implements PendingWrites {
  /** Amounts stay exact decimals: 80000.50, never a double. */
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private final Jdbc jdbc;
  private final Clock clock;

  JdbcPendingWrites(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void put(PendingWrite w) {
    jdbc.inTransaction(
        () -> {
          int position =
              jdbc.queryOne(
                      "SELECT COALESCE(MAX(position) + 1, 0) AS next FROM pending_writes"
                          + " WHERE conversation_id = ?",
                      row -> row.getInt("next"),
                      w.conversationId())
                  .orElse(0);
          jdbc.update(
              "INSERT INTO pending_writes (conversation_id, position, user_id, org_id, tool,"
                  + " arguments, object_name, record_id, record_label, field_values, before_values,"
                  + " summary, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              w.conversationId(),
              position,
              w.userId(),
              w.orgId(),
              w.tool(),
              json(w.arguments()),
              w.object(),
              w.recordId(),
              w.recordLabel(),
              json(w.values()),
              json(w.before()),
              w.summary(),
              w.createdAt());
        });
  }

  @Override
  public List<PendingWrite> peek(String conversationId) {
    List<PendingWrite> writes =
        jdbc.query(
            "SELECT * FROM pending_writes WHERE conversation_id = ? ORDER BY position",
            this::read,
            conversationId);
    if (!writes.isEmpty() && writes.get(0).createdAt().plus(EXPIRY).isBefore(clock.instant())) {
      remove(conversationId, writes.size());
      return List.of();
    }
    return writes;
  }

  @Override
  public List<PendingWrite> take(String conversationId) {
    List<PendingWrite> writes = peek(conversationId);
    return !writes.isEmpty() && remove(conversationId, writes.size()) ? writes : List.of();
  }

  /** Deletes the conversation's writes; true only for the caller whose DELETE removed them all. */
  private boolean remove(String conversationId, int count) {
    return jdbc.update("DELETE FROM pending_writes WHERE conversation_id = ?", conversationId)
        == count;
  }

  private PendingWrite read(ResultSet row) throws SQLException {
    return new PendingWrite(
        row.getString("conversation_id"),
        row.getString("user_id"),
        row.getString("org_id"),
        row.getString("tool"),
        map(row.getString("arguments")),
        row.getString("object_name"),
        row.getString("record_id"),
        row.getString("record_label"),
        map(row.getString("field_values")),
        map(row.getString("before_values")),
        row.getString("summary"),
        Jdbc.instant(row, "created_at"));
  }

  private static String json(Map<String, Object> map) {
    try {
      return JSON.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new ScopienException(
          ScopienException.Kind.INTERNAL, "pending_write", "A pending change cannot be stored.", e);
    }
  }

  private static Map<String, Object> map(String json) {
    try {
      return JSON.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new ScopienException(
          ScopienException.Kind.INTERNAL, "pending_write", "A pending change cannot be read.", e);
    }
  }
}
