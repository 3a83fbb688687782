package com.scopien.sync;

import com.scopien.store.Jdbc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local mirror: one row per (org, object, Id), written in batches. Callers group a page's
 * writes and its cursor in one transaction (see {@link Jdbc#inTransaction}). Every write of a
 * record's values or deletion also goes to the object's typed table ({@link MirrorTableWriter}) in
 * that same transaction, so the two never disagree.
 */
final class MirrorStore {
  /** Bound on the ids of one {@code IN} list, well under every driver's parameter limit. */
  private static final int IN_CHUNK = 500;

  /**
   * What the mirror knows of a record before a page is applied. {@code fields} is read only for
   * records with a pending change or an unconfirmed push (else null).
   */
  record State(
      Instant systemModstamp,
      boolean deleted,
      Instant localChangedAt,
      Map<String, Object> fields,
      Map<String, Object> localFields,
      Map<String, Object> localBase,
      Map<String, Object> pushedFields) {
    boolean locallyChanged() {
      return localChangedAt != null;
    }
  }

  /** A record with a Scopien-side change waiting to be pushed. */
  record Pending(
      String id,
      Instant systemModstamp,
      Map<String, Object> fields,
      Map<String, Object> localFields,
      Map<String, Object> localBase,
      Instant localChangedAt) {}

  /** A record with its pending Scopien-side changes, for the push path and conflicts. */
  record Stored(
      MirrorRow row,
      Map<String, Object> localFields,
      Map<String, Object> localBase,
      Instant localChangedAt) {}

  private final Jdbc jdbc;
  private final JsonCodec json;
  private final MirrorTableWriter tables;

  MirrorStore(Jdbc jdbc, JsonCodec json, MirrorTableWriter tables) {
    this.jdbc = jdbc;
    this.json = json;
    this.tables = tables;
  }

  /** The mirror's state of the given ids of one object; absent ids are not in the mirror. */
  Map<String, State> states(String orgId, String object, Collection<String> ids) {
    Map<String, State> states = new HashMap<>();
    List<String> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
      // Row values, not "record_id IN (...)": H2 then looks each key up in the primary key
      // instead of testing every row of the object against the list.
      Object[] params = new Object[chunk.size() * 3];
      for (int i = 0; i < chunk.size(); i++) {
        params[3 * i] = orgId;
        params[3 * i + 1] = object;
        params[3 * i + 2] = chunk.get(i);
      }
      jdbc.query(
          "SELECT record_id, system_modstamp, is_deleted, local_changed_at, local_fields,"
              + " local_base, pushed_fields, CASE WHEN local_changed_at IS NOT NULL OR pushed_fields IS NOT NULL"
              + " THEN fields"
              + " END AS watched_fields FROM sync_records"
              + " WHERE (org_id, object_name, record_id) IN ("
              + String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?)"))
              + ")",
          row -> {
            states.put(
                row.getString("record_id"),
                new State(
                    Jdbc.instant(row, "system_modstamp"),
                    row.getBoolean("is_deleted"),
                    Jdbc.instant(row, "local_changed_at"),
                    json.readMap(row.getString("watched_fields")),
                    json.readMap(row.getString("local_fields")),
                    json.readMap(row.getString("local_base")),
                    json.readMap(row.getString("pushed_fields"))));
            return null;
          },
          params);
    }
    return states;
  }

  void insert(String orgId, List<MirrorRow> rows, String scanId, Instant now) {
    List<Object[]> params = new ArrayList<>(rows.size());
    for (MirrorRow r : rows) {
      params.add(
          new Object[] {
            orgId,
            r.object(),
            r.id(),
            r.systemModstamp(),
            r.deleted(),
            json.write(r.fields()),
            scanId,
            now
          });
    }
    jdbc.batch(
        "INSERT INTO sync_records (org_id, object_name, record_id, system_modstamp, is_deleted,"
            + " fields, scan_id, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        params);
    tables.write(orgId, rows, true, now);
  }

  /**
   * Replaces the Salesforce side of existing rows; pending Scopien-side changes stay, and the echo
   * marker of our last push is cleared (this version supersedes it).
   */
  void update(String orgId, List<MirrorRow> rows, String scanId, Instant now) {
    List<Object[]> params = new ArrayList<>(rows.size());
    for (MirrorRow r : rows) {
      params.add(
          new Object[] {
            r.systemModstamp(),
            r.deleted(),
            json.write(r.fields()),
            scanId,
            now,
            orgId,
            r.object(),
            r.id()
          });
    }
    jdbc.batch(
        "UPDATE sync_records SET system_modstamp = ?, is_deleted = ?, fields = ?,"
            + " scan_id = COALESCE(?, scan_id), synced_at = ?, pushed_fields = NULL,"
            + " pushed_at = NULL"
            + " WHERE org_id = ? AND object_name = ? AND record_id = ?",
        params);
    tables.write(orgId, rows, false, now);
  }

  /** Records that a full scan saw these unchanged rows, so reconciliation keeps them. */
  void touch(String orgId, String object, Collection<String> ids, String scanId) {
    List<Object[]> params = new ArrayList<>(ids.size());
    for (String id : ids) {
      params.add(new Object[] {scanId, orgId, object, id});
    }
    jdbc.batch(
        "UPDATE sync_records SET scan_id = ? WHERE org_id = ? AND object_name = ?"
            + " AND record_id = ?",
        params);
  }

  /** Marks deleted every live row of the object that the scan did not see; returns how many. */
  int deleteUnseen(String orgId, String object, String scanId, Instant now) {
    int n =
        jdbc.update(
            "UPDATE sync_records SET is_deleted = TRUE, synced_at = ? WHERE org_id = ?"
                + " AND object_name = ? AND is_deleted = FALSE"
                + " AND (scan_id IS NULL OR scan_id <> ?)",
            now,
            orgId,
            object,
            scanId);
    if (n > 0) {
      tables.syncDeletions(orgId, object);
    }
    return n;
  }

  /** Live (not deleted) rows per object. */
  Map<String, Long> counts(String orgId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.query(
        "SELECT object_name, COUNT(*) AS n FROM sync_records WHERE org_id = ?"
            + " AND is_deleted = FALSE GROUP BY object_name",
        row -> counts.put(row.getString("object_name"), row.getLong("n")),
        orgId);
    return counts;
  }

  long count(String orgId, String object) {
    return jdbc.queryOne(
            "SELECT COUNT(*) AS n FROM sync_records WHERE org_id = ? AND object_name = ?"
                + " AND is_deleted = FALSE",
            row -> row.getLong("n"),
            orgId,
            object)
        .orElse(0L);
  }

  /** Whether the object has any row, deleted ones included. */
  boolean hasRows(String orgId, String object) {
    return jdbc.queryOne(
            "SELECT record_id FROM sync_records WHERE org_id = ? AND object_name = ? LIMIT 1",
            row -> row.getString("record_id"),
            orgId,
            object)
        .isPresent();
  }

  Optional<Stored> get(String orgId, String object, String id) {
    return jdbc.queryOne(
        "SELECT object_name, record_id, system_modstamp, is_deleted, fields, local_fields,"
            + " local_base, local_changed_at FROM sync_records WHERE org_id = ? AND object_name = ?"
            + " AND record_id = ?",
        row ->
            new Stored(
                new MirrorRow(
                    row.getString("object_name"),
                    row.getString("record_id"),
                    Jdbc.instant(row, "system_modstamp"),
                    row.getBoolean("is_deleted"),
                    json.readMap(row.getString("fields"))),
                json.readMap(row.getString("local_fields")),
                json.readMap(row.getString("local_base")),
                Jdbc.instant(row, "local_changed_at")),
        orgId,
        object,
        id);
  }

  /**
   * Records of the object with a change waiting to be pushed (made since {@code since}, unless
   * null) and no open conflict, after {@code afterId} in Id order.
   */
  List<Pending> pending(String orgId, String object, String afterId, Instant since, int limit) {
    return jdbc.query(
        "SELECT r.record_id, r.system_modstamp, r.fields, r.local_fields, r.local_base,"
            + " r.local_changed_at"
            + " FROM sync_records r WHERE r.org_id = ? AND r.object_name = ?"
            + " AND r.local_changed_at IS NOT NULL AND r.record_id > ?"
            + " AND r.local_changed_at >= ?"
            + " AND NOT EXISTS (SELECT 1 FROM sync_conflicts c WHERE c.org_id = r.org_id"
            + " AND c.object_name = r.object_name AND c.record_id = r.record_id"
            + " AND c.status = 'OPEN') ORDER BY r.record_id LIMIT ?",
        row ->
            new Pending(
                row.getString("record_id"),
                Jdbc.instant(row, "system_modstamp"),
                json.readMap(row.getString("fields")),
                json.readMap(row.getString("local_fields")),
                json.readMap(row.getString("local_base")),
                Jdbc.instant(row, "local_changed_at")),
        orgId,
        object,
        afterId,
        since == null ? java.time.Instant.EPOCH : since,
        limit);
  }

  /** Objects with changes queued since {@code since} and no open conflict. */
  List<String> objectsChangedSince(String orgId, Instant since) {
    return jdbc.query(
        "SELECT DISTINCT r.object_name FROM sync_records r WHERE r.org_id = ?"
            + " AND r.local_changed_at >= ? AND NOT EXISTS (SELECT 1 FROM sync_conflicts c"
            + " WHERE c.org_id = r.org_id AND c.object_name = r.object_name"
            + " AND c.record_id = r.record_id AND c.status = 'OPEN') ORDER BY r.object_name",
        row -> row.getString("object_name"),
        orgId,
        since);
  }

  /** Whether the org has changes waiting to be pushed for this object. */
  boolean hasPending(String orgId, String object) {
    return !pending(orgId, object, "", null, 1).isEmpty();
  }

  /**
   * Marks the values about to be written to Salesforce as our own, before the write: its change
   * event may arrive before the write's reply does, and must be known for our echo then.
   */
  void expectEcho(String orgId, String object, Map<String, Map<String, Object>> writes) {
    List<Object[]> params = new ArrayList<>(writes.size());
    writes.forEach(
        (id, fields) -> params.add(new Object[] {json.write(fields), orgId, object, id}));
    jdbc.batch(
        "UPDATE sync_records SET pushed_fields = ? WHERE org_id = ? AND object_name = ?"
            + " AND record_id = ?",
        params);
  }

  /**
   * Records that the change read at {@code changedAt} reached Salesforce; a newer change made
   * meanwhile stays pending (returns 0 then).
   */
  int markPushed(
      String orgId,
      String object,
      String id,
      Map<String, Object> pushed,
      Instant changedAt,
      Instant now) {
    return jdbc.update(
        "UPDATE sync_records SET local_fields = NULL, local_base = NULL, local_changed_at = NULL,"
            + " pushed_fields = ?, pushed_at = ? WHERE org_id = ? AND object_name = ?"
            + " AND record_id = ? AND local_changed_at = ?",
        json.write(pushed),
        now,
        orgId,
        object,
        id,
        changedAt);
  }

  /**
   * Stores the record's values as they now read on the Scopien side, and its pending change (the
   * changed fields and their Salesforce values before the change); an empty change clears it.
   */
  void setLocal(
      String orgId,
      String object,
      String id,
      Map<String, Object> fields,
      Map<String, Object> localFields,
      Map<String, Object> localBase,
      Instant changedAt) {
    boolean none = localFields == null || localFields.isEmpty();
    jdbc.update(
        "UPDATE sync_records SET fields = ?, local_fields = ?, local_base = ?,"
            + " local_changed_at = ? WHERE org_id = ? AND object_name = ? AND record_id = ?",
        json.write(fields),
        none ? null : json.write(localFields),
        none ? null : json.write(localBase),
        none ? null : changedAt,
        orgId,
        object,
        id);
    tables.refresh(orgId, object, List.of(id), changedAt == null ? Instant.now() : changedAt);
  }

  /** Copies a record written to {@code sync_records} by another store into its typed table. */
  void copyToTable(String orgId, String object, String id, Instant now) {
    tables.refresh(orgId, object, List.of(id), now);
  }
}
