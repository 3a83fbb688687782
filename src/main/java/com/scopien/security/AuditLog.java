package com.scopien.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.scopien.ScopienException;
import com.scopien.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The append-only record of who changed what, where, with the values before and after.
 *
 * <p>Before it is stored, every hidden field's value (per {@link FieldSecurity}, judged on the
 * target type) becomes {@link Redactor#MASK}, as does the value of any sensitive name (a password,
 * a token), and every text value passes through the {@link Redactor}: an entry says that a hidden
 * field changed, never to what.
 *
 * <p>{@link #record} joins the caller's {@link Jdbc} transaction when there is one, so the entry
 * commits or rolls back with the write it describes. Thread-safe.
 */
public final class AuditLog {

  /** One stored entry. {@code actorUserId} is null for the system; maps are never null. */
  public record Entry(
      long id,
      Instant at,
      String actorUserId,
      String action,
      String targetType,
      String targetId,
      String orgId,
      Map<String, Object> before,
      Map<String, Object> after) {}

  private static final int MAX_LIMIT = 1000;
  private static final TypeReference<Map<String, Map<String, Object>>> DETAIL_TYPE =
      new TypeReference<>() {};

  private final Jdbc jdbc;
  private final FieldSecurity fieldSecurity;
  private final Redactor redactor;
  private final Clock clock;
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  public AuditLog(Jdbc jdbc, FieldSecurity fieldSecurity, Redactor redactor, Clock clock) {
    this.jdbc = jdbc;
    this.fieldSecurity = fieldSecurity;
    this.redactor = redactor;
    this.clock = clock;
  }

  /**
   * Appends an entry and returns its id.
   *
   * @param actor who acted; null for the system
   * @param action what happened, a short stable verb such as {@code record.update}
   * @param targetType what was acted on: a Salesforce object name, or {@code user}, {@code org}
   * @param before the values before (null or empty for a creation)
   * @param after the values after (null or empty for a deletion)
   * @throws ScopienException {@code INVALID_INPUT/invalid_audit_entry} without an action, or {@code
   *     INTERNAL/audit_not_serializable} when a value cannot be written as JSON
   */
  public long record(
      User actor,
      String action,
      String targetType,
      String targetId,
      String orgId,
      Map<String, ?> before,
      Map<String, ?> after) {
    if (action == null || action.isBlank()) {
      throw ScopienException.invalid("invalid_audit_entry", "An audit entry needs an action");
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("before", clean(targetType, before));
    detail.put("after", clean(targetType, after));
    String detailJson;
    try {
      detailJson = json.writeValueAsString(detail);
    } catch (JsonProcessingException e) {
      throw new ScopienException(
          ScopienException.Kind.INTERNAL,
          "audit_not_serializable",
          "An audit value could not be written as JSON",
          e);
    }
    return jdbc.insertReturningId(
        "INSERT INTO audit_log (at, actor_user_id, action, target_type, target_id, org_id, detail)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        clock.instant(),
        actor == null ? null : actor.id(),
        action,
        targetType,
        targetId,
        orgId,
        detailJson);
  }

  /**
   * The newest {@code limit} entries, newest first.
   *
   * @throws ScopienException {@code INVALID_INPUT/invalid_limit} outside 1..1000
   */
  public List<Entry> recent(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ScopienException.invalid("invalid_limit", "The limit must be between 1 and 1000");
    }
    return jdbc.query(
        "SELECT id, at, actor_user_id, action, target_type, target_id, org_id, detail"
            + " FROM audit_log ORDER BY id DESC LIMIT ?",
        this::entry,
        limit);
  }

  /**
   * Which entries {@link #search} returns; null fields do not filter. {@code action} matches an
   * action exactly or, ending in {@code .*}, every action that starts with what comes before.
   */
  public record Filter(
      String actorUserId, String action, Instant since, Instant until, String orgId, int limit) {}

  /**
   * The newest entries that match {@code filter}, newest first.
   *
   * @throws ScopienException {@code INVALID_INPUT/invalid_limit} outside 1..1000
   */
  public List<Entry> search(Filter filter) {
    if (filter.limit() < 1 || filter.limit() > MAX_LIMIT) {
      throw ScopienException.invalid("invalid_limit", "The limit must be between 1 and 1000");
    }
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, at, actor_user_id, action, target_type, target_id, org_id, detail"
                + " FROM audit_log WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (filter.actorUserId() != null) {
      sql.append(" AND actor_user_id = ?");
      params.add(filter.actorUserId());
    }
    if (filter.action() != null) {
      if (filter.action().endsWith(".*")) {
        sql.append(" AND action LIKE ?");
        String stem = filter.action().substring(0, filter.action().length() - 1);
        params.add(stem.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
      } else {
        sql.append(" AND action = ?");
        params.add(filter.action());
      }
    }
    if (filter.since() != null) {
      sql.append(" AND at >= ?");
      params.add(filter.since());
    }
    if (filter.until() != null) {
      sql.append(" AND at < ?");
      params.add(filter.until());
    }
    if (filter.orgId() != null) {
      sql.append(" AND org_id = ?");
      params.add(filter.orgId());
    }
    sql.append(" ORDER BY id DESC LIMIT ?");
    params.add(filter.limit());
    return jdbc.query(sql.toString(), this::entry, params.toArray());
  }

  private Map<String, Object> clean(String targetType, Map<String, ?> values) {
    if (values == null) {
      return Map.of();
    }
    Map<String, Object> masked = fieldSecurity.mask(targetType, values);
    Map<String, Object> out = new LinkedHashMap<>();
    masked.forEach((k, v) -> out.put(k, redactor.isSensitiveName(k) ? Redactor.MASK : scrub(v)));
    return out;
  }

  /** Redacts secrets inside texts, also in nested maps and lists. */
  private Object scrub(Object value) {
    if (value instanceof String text) {
      return redactor.redact(text);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            String key = String.valueOf(k);
            out.put(key, redactor.isSensitiveName(key) ? Redactor.MASK : scrub(v));
          });
      return out;
    }
    if (value instanceof Collection<?> items) {
      List<Object> out = new ArrayList<>();
      items.forEach(item -> out.add(scrub(item)));
      return out;
    }
    return value;
  }

  private Entry entry(ResultSet row) throws SQLException {
    Map<String, Map<String, Object>> detail = parse(row.getString("detail"));
    return new Entry(
        row.getLong("id"),
        Jdbc.instant(row, "at"),
        row.getString("actor_user_id"),
        row.getString("action"),
        row.getString("target_type"),
        row.getString("target_id"),
        row.getString("org_id"),
        detail.getOrDefault("before", Map.of()),
        detail.getOrDefault("after", Map.of()));
  }

  private Map<String, Map<String, Object>> parse(String detail) throws SQLException {
    if (detail == null) {
      return Map.of();
    }
    try {
      return json.readValue(detail, DETAIL_TYPE);
    } catch (JsonProcessingException e) {
      throw new SQLException("An audit entry holds invalid JSON", e);
    }
  }
}
