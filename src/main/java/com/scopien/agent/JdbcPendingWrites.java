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
import java.util.Map;
import java.util.Optional;

/**
 * Pending writes in the store's {@code pending_writes} table (migration V7), so a restart or a
 * second instance over the same database keeps them. {@link #take} is one conditional DELETE: of
 * two callers, only the one whose DELETE removed the row gets the write.
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
          jdbc.update("DELETE FROM pending_writes WHERE conversation_id = ?", w.conversationId());
          jdbc.update(
              "INSERT INTO pending_writes (conversation_id, user_id, org_id, tool, arguments,"
                  + " object_name, record_id, record_label, field_values, before_values, summary,"
                  + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              w.conversationId(),
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
  public Optional<PendingWrite> peek(String conversationId) {
    Optional<PendingWrite> write =
        jdbc.queryOne(
            "SELECT * FROM pending_writes WHERE conversation_id = ?", this::read, conversationId);
    if (write.isPresent() && write.get().createdAt().plus(EXPIRY).isBefore(clock.instant())) {
      remove(write.get());
      return Optional.empty();
    }
    return write;
  }

  @Override
  public Optional<PendingWrite> take(String conversationId) {
    return peek(conversationId).filter(this::remove);
  }

  private boolean remove(PendingWrite write) {
    return jdbc.update(
            "DELETE FROM pending_writes WHERE conversation_id = ? AND created_at = ?",
            write.conversationId(),
            write.createdAt())
        == 1;
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
