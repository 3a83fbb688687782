package com.scopien.sync;

import com.scopien.store.Jdbc;
import java.time.Instant;
import java.util.List;

/** The {@code sync_parked} table: records that failed and wait to be tried again. */
final class ParkedStore {

  enum Direction {
    INBOUND,
    OUTBOUND
  }

  record Parked(
      String object, String recordId, String code, String message, int attempts, long errorId) {}

  private final Jdbc jdbc;

  ParkedStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Parks the record, or counts one more attempt when it is parked already. */
  void park(
      String orgId,
      String object,
      String recordId,
      Direction direction,
      String code,
      String message,
      long errorId,
      Instant now) {
    int changed =
        jdbc.update(
            "UPDATE sync_parked SET error_code = ?, message = ?, attempts = attempts + 1,"
                + " error_id = ?, last_attempt_at = ? WHERE org_id = ? AND object_name = ?"
                + " AND record_id = ? AND direction = ?",
            code,
            message,
            errorId,
            now,
            orgId,
            object,
            recordId,
            direction);
    if (changed == 0) {
      jdbc.update(
          "INSERT INTO sync_parked (org_id, object_name, record_id, direction, error_code,"
              + " message, attempts, error_id, parked_at, last_attempt_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
          orgId,
          object,
          recordId,
          direction,
          code,
          message,
          errorId,
          now,
          now);
    }
  }

  List<Parked> list(String orgId, String object, Direction direction, int limit) {
    return jdbc.query(
        "SELECT object_name, record_id, error_code, message, attempts, error_id FROM sync_parked"
            + " WHERE org_id = ? AND object_name = ? AND direction = ?"
            + " ORDER BY parked_at, record_id LIMIT ?",
        row ->
            new Parked(
                row.getString("object_name"),
                row.getString("record_id"),
                row.getString("error_code"),
                row.getString("message"),
                row.getInt("attempts"),
                row.getLong("error_id")),
        orgId,
        object,
        direction,
        limit);
  }

  void remove(String orgId, String object, String recordId, Direction direction) {
    jdbc.update(
        "DELETE FROM sync_parked WHERE org_id = ? AND object_name = ? AND record_id = ?"
            + " AND direction = ?",
        orgId,
        object,
        recordId,
        direction);
  }

  long count(String orgId) {
    return jdbc.queryOne(
            "SELECT COUNT(*) AS n FROM sync_parked WHERE org_id = ?",
            row -> row.getLong("n"),
            orgId)
        .orElse(0L);
  }
}
