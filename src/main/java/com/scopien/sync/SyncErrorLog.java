package com.scopien.sync;

import com.scopien.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The {@code sync_errors} table. An error is identified by org, object, record, subject and code;
 * while it is open, recording it again bumps its count and updates its action and status.
 */
final class SyncErrorLog {
  /** A mapped or chosen field that the org no longer has. */
  static final String FIELD_MISSING = "field_missing";

  private static final int MAX_MESSAGE = 1000;
  private static final String COLUMNS =
      "id, org_id, run_id, object_name, record_id, subject, code, message, action, status,"
          + " occurrences, occurred_at, updated_at, resolved_at";

  /** What to log. */
  record Entry(
      String orgId,
      String runId,
      String object,
      String recordId,
      String subject,
      String code,
      String message,
      String action,
      SyncError.Status status) {}

  private final Jdbc jdbc;
  private final Clock clock;

  SyncErrorLog(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Logs the error, or updates its open entry; returns the entry's id. */
  long record(Entry e) {
    Instant now = clock.instant();
    return jdbc.inTransaction(
        () -> {
          Optional<Long> open = openId(e.orgId(), e.object(), e.recordId(), e.subject(), e.code());
          if (open.isPresent()) {
            jdbc.update(
                "UPDATE sync_errors SET occurrences = occurrences + 1, run_id = ?, message = ?,"
                    + " action = ?, status = ?, updated_at = ? WHERE id = ?",
                e.runId(),
                clip(e.message()),
                e.action(),
                e.status(),
                now,
                open.get());
            return open.get();
          }
          return jdbc.insertReturningId(
              "INSERT INTO sync_errors (org_id, run_id, object_name, record_id, subject, code,"
                  + " message, action, status, occurrences, occurred_at, updated_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
              e.orgId(),
              e.runId(),
              e.object(),
              e.recordId(),
              e.subject(),
              e.code(),
              clip(e.message()),
              e.action(),
              e.status(),
              now,
              now);
        });
  }

  /** Resolves the open entry of this error, if any, saying what fixed it. */
  void resolve(
      String orgId, String object, String recordId, String subject, String code, String action) {
    openId(orgId, object, recordId, subject, code).ifPresent(id -> resolve(id, action));
  }

  /**
   * Resolves the open object-level errors of a run step that has now succeeded: those about the
   * object as a whole (no record, no subject) that were waiting or retrying.
   */
  int resolveObject(String orgId, String object, String action) {
    Instant now = clock.instant();
    return jdbc.update(
        "UPDATE sync_errors SET status = 'RESOLVED', action = ?, resolved_at = ?, updated_at = ?"
            + " WHERE org_id = ? AND status IN ('WAITING', 'RETRYING') AND record_id IS NULL"
            + " AND subject IS NULL AND (object_name = ? OR object_name IS NULL)",
        action,
        now,
        now,
        orgId,
        object);
  }

  void resolve(long id, String action) {
    Instant now = clock.instant();
    jdbc.update(
        "UPDATE sync_errors SET status = 'RESOLVED', action = ?, resolved_at = ?, updated_at = ?"
            + " WHERE id = ? AND status <> 'RESOLVED'",
        action,
        now,
        now,
        id);
  }

  /**
   * Entries of the org touched since {@code since}, newest first; only those of {@code objects}
   * when it is not empty.
   */
  List<SyncError> list(String orgId, Collection<String> objects, Instant since, int limit) {
    List<Object> params = new ArrayList<>(List.of(orgId, since));
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(COLUMNS)
            .append(" FROM sync_errors WHERE org_id = ? AND updated_at >= ?");
    if (!objects.isEmpty()) {
      sql.append(" AND LOWER(object_name) IN (")
          .append(String.join(", ", java.util.Collections.nCopies(objects.size(), "LOWER(?)")))
          .append(")");
      params.addAll(objects);
    }
    sql.append(" ORDER BY updated_at DESC, id DESC LIMIT ?");
    params.add(limit);
    return jdbc.query(sql.toString(), SyncErrorLog::map, params.toArray());
  }

  private Optional<Long> openId(
      String orgId, String object, String recordId, String subject, String code) {
    return jdbc.queryOne(
        "SELECT id FROM sync_errors WHERE org_id = ? AND status <> 'RESOLVED' AND code = ?"
            + " AND COALESCE(object_name, '') = ? AND COALESCE(record_id, '') = ?"
            + " AND COALESCE(subject, '') = ? ORDER BY id LIMIT 1",
        row -> row.getLong("id"),
        orgId,
        code,
        orEmpty(object),
        orEmpty(recordId),
        orEmpty(subject));
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String clip(String message) {
    String m = message == null ? "" : message;
    return m.length() <= MAX_MESSAGE ? m : m.substring(0, MAX_MESSAGE - 3) + "...";
  }

  private static SyncError map(ResultSet row) throws SQLException {
    return new SyncError(
        row.getLong("id"),
        row.getString("org_id"),
        row.getString("run_id"),
        row.getString("object_name"),
        row.getString("record_id"),
        row.getString("subject"),
        row.getString("code"),
        row.getString("message"),
        row.getString("action"),
        SyncError.Status.valueOf(row.getString("status")),
        row.getInt("occurrences"),
        Jdbc.instant(row, "occurred_at"),
        Jdbc.instant(row, "updated_at"),
        Jdbc.instant(row, "resolved_at"));
  }
}
