package com.scopien.sync;

import com.scopien.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code sync_conflicts} table: records changed on both sides, kept for manual review. */
final class ConflictStore {

  /** One conflict with both versions. */
  record Stored(
      String id,
      String orgId,
      String object,
      String recordId,
      Map<String, Object> local,
      Map<String, Object> remote,
      Instant remoteModstamp,
      Map<String, Object> base,
      String status,
      Instant detectedAt,
      Instant resolvedAt) {}

  private static final String COLUMNS =
      "id, org_id, object_name, record_id, local_fields, remote_fields, remote_modstamp,"
          + " base_fields, status, detected_at, resolved_at";

  private final Jdbc jdbc;
  private final JsonCodec json;

  ConflictStore(Jdbc jdbc, JsonCodec json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * Opens a conflict, or refreshes the open one of the record with the newer versions; false when
   * the open one already held this Salesforce version (nothing new).
   */
  boolean open(
      String orgId,
      String object,
      String recordId,
      Map<String, Object> local,
      MirrorRow remote,
      Map<String, Object> base,
      Instant now) {
    int changed =
        jdbc.update(
            "UPDATE sync_conflicts SET local_fields = ?, remote_fields = ?, remote_modstamp = ?"
                + " WHERE org_id = ? AND object_name = ? AND record_id = ? AND status = 'OPEN'"
                + " AND remote_modstamp < ?",
            json.write(local),
            json.write(remote.fields()),
            remote.systemModstamp(),
            orgId,
            object,
            recordId,
            remote.systemModstamp());
    if (changed > 0) {
      return true;
    }
    if (jdbc.queryOne(
            "SELECT id FROM sync_conflicts WHERE org_id = ? AND object_name = ? AND record_id = ?"
                + " AND status = 'OPEN'",
            row -> row.getString("id"),
            orgId,
            object,
            recordId)
        .isEmpty()) {
      jdbc.update(
          "INSERT INTO sync_conflicts (id, org_id, object_name, record_id, local_fields,"
              + " remote_fields, remote_modstamp, base_fields, status, detected_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)",
          Jdbc.newId(),
          orgId,
          object,
          recordId,
          json.write(local),
          json.write(remote.fields()),
          remote.systemModstamp(),
          json.write(base),
          now);
      return true;
    }
    return false;
  }

  /**
   * Puts the record's latest Scopien-side change (and the Salesforce values it was made over) into
   * its open conflict, if any, so the diff shows, and a resolution keeps, what Scopien holds now.
   */
  void refreshLocal(
      String orgId,
      String object,
      String recordId,
      Map<String, Object> local,
      Map<String, Object> base) {
    jdbc.update(
        "UPDATE sync_conflicts SET local_fields = ?, base_fields = ? WHERE org_id = ?"
            + " AND object_name = ? AND record_id = ? AND status = 'OPEN'",
        json.write(local),
        json.write(base),
        orgId,
        object,
        recordId);
  }

  Optional<Stored> get(String orgId, String id) {
    return jdbc.queryOne(
        "SELECT " + COLUMNS + " FROM sync_conflicts WHERE org_id = ? AND id = ?",
        this::map,
        orgId,
        id);
  }

  /** The org's open conflicts, oldest first. */
  List<Stored> open(String orgId, int limit) {
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM sync_conflicts WHERE org_id = ? AND status = 'OPEN'"
            + " ORDER BY detected_at, id LIMIT ?",
        this::map,
        orgId,
        limit);
  }

  long countOpen(String orgId) {
    return jdbc.queryOne(
            "SELECT COUNT(*) AS n FROM sync_conflicts WHERE org_id = ? AND status = 'OPEN'",
            row -> row.getLong("n"),
            orgId)
        .orElse(0L);
  }

  /**
   * Closes the record's open conflict, if any, when there is nothing left to choose (the record is
   * gone in Salesforce); returns how many were open.
   */
  int closeForRecord(String orgId, String object, String recordId, Instant now) {
    return jdbc.update(
        "UPDATE sync_conflicts SET status = 'RESOLVED', resolved_at = ? WHERE org_id = ?"
            + " AND object_name = ? AND record_id = ? AND status = 'OPEN'",
        now,
        orgId,
        object,
        recordId);
  }

  /** Closes the conflict; false when it was not open. */
  boolean resolve(String id, Instant now) {
    return jdbc.update(
            "UPDATE sync_conflicts SET status = 'RESOLVED', resolved_at = ? WHERE id = ?"
                + " AND status = 'OPEN'",
            now,
            id)
        == 1;
  }

  private Stored map(ResultSet row) throws SQLException {
    return new Stored(
        row.getString("id"),
        row.getString("org_id"),
        row.getString("object_name"),
        row.getString("record_id"),
        json.readMap(row.getString("local_fields")),
        json.readMap(row.getString("remote_fields")),
        Jdbc.instant(row, "remote_modstamp"),
        json.readMap(row.getString("base_fields")),
        row.getString("status"),
        Jdbc.instant(row, "detected_at"),
        Jdbc.instant(row, "resolved_at"));
  }
}
