package com.scopien.sync;

import com.scopien.store.Jdbc;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code sync_cursors} table. Save a cursor in the transaction of the rows it covers. */
final class CursorStore {
  private final Jdbc jdbc;

  CursorStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Cursor> get(String orgId, String object) {
    return jdbc.queryOne(
        "SELECT object_name, phase, scan_id, reconcile, modstamp, last_id, last_synced_at"
            + " FROM sync_cursors WHERE org_id = ? AND object_name = ?",
        CursorStore::map,
        orgId,
        object);
  }

  /** Every cursor of the org, keyed by lower-case object name. */
  Map<String, Cursor> all(String orgId) {
    Map<String, Cursor> cursors = new LinkedHashMap<>();
    jdbc.query(
            "SELECT object_name, phase, scan_id, reconcile, modstamp, last_id, last_synced_at"
                + " FROM sync_cursors WHERE org_id = ?",
            CursorStore::map,
            orgId)
        .forEach(c -> cursors.put(SyncDefaults.key(c.object()), c));
    return cursors;
  }

  void save(String orgId, Cursor cursor, Instant now) {
    jdbc.inTransaction(
        () -> {
          int changed =
              jdbc.update(
                  "UPDATE sync_cursors SET phase = ?, scan_id = ?, reconcile = ?, modstamp = ?,"
                      + " last_id = ?, last_synced_at = ?, updated_at = ?"
                      + " WHERE org_id = ? AND object_name = ?",
                  cursor.phase(),
                  cursor.scanId(),
                  cursor.reconcile(),
                  cursor.modstamp(),
                  cursor.lastId(),
                  cursor.lastSyncedAt(),
                  now,
                  orgId,
                  cursor.object());
          if (changed == 0) {
            jdbc.update(
                "INSERT INTO sync_cursors (org_id, object_name, phase, scan_id, reconcile,"
                    + " modstamp, last_id, last_synced_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                orgId,
                cursor.object(),
                cursor.phase(),
                cursor.scanId(),
                cursor.reconcile(),
                cursor.modstamp(),
                cursor.lastId(),
                cursor.lastSyncedAt(),
                now);
          }
        });
  }

  private static Cursor map(java.sql.ResultSet row) throws java.sql.SQLException {
    return new Cursor(
        row.getString("object_name"),
        Cursor.Phase.valueOf(row.getString("phase")),
        row.getString("scan_id"),
        row.getBoolean("reconcile"),
        Jdbc.instant(row, "modstamp"),
        row.getString("last_id"),
        Jdbc.instant(row, "last_synced_at"));
  }
}
