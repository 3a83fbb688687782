package com.scopien.sync;

import static com.scopien.sync.MirrorTableSchema.q;

import com.scopien.store.Database;
import com.scopien.store.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes mirror rows into their object's typed table, in the caller's transaction: one batched
 * upsert per page ({@code MERGE ... KEY} on H2, {@code INSERT ... ON CONFLICT} on PostgreSQL), the
 * values taken from the decoded record. An object without a table yet is skipped: its table is
 * filled from {@code sync_records} when it is created. Thread-safe.
 */
final class MirrorTableWriter {
  private static final int FETCH_SIZE = 1000;
  private static final int BATCH = 1000;

  private final Jdbc jdbc;
  private final MirrorTables tables;
  private final JsonCodec json = new JsonCodec();

  MirrorTableWriter(Jdbc jdbc, MirrorTables tables) {
    this.jdbc = jdbc;
    this.tables = tables;
  }

  /**
   * Stores the rows as they now read, deleted ones removed.
   *
   * @param fresh true when none of the rows is in the mirror yet (a scan's new records): they are
   *     inserted, which costs H2 no lookup per row
   */
  void write(String orgId, List<MirrorRow> rows, boolean fresh, Instant now) {
    if (rows.isEmpty()) {
      return;
    }
    Map<String, List<MirrorRow>> byObject =
        rows.stream()
            .collect(
                Collectors.groupingBy(MirrorRow::object, LinkedHashMap::new, Collectors.toList()));
    byObject.forEach(
        (object, list) -> tables.find(orgId, object).ifPresent(t -> write(t, list, fresh, now)));
  }

  void upsert(MirrorTable table, List<MirrorRow> rows, Instant now) {
    write(table, rows, false, now);
  }

  /**
   * Upserts the live rows and deletes the deleted ones: the table holds live records only (their
   * tombstones stay in {@code sync_records}), so a count needs no filter and H2 answers it from the
   * table's row count.
   */
  private void write(MirrorTable table, List<MirrorRow> rows, boolean fresh, Instant now) {
    List<MirrorTable.Column> columns = table.fieldColumns();
    String sql = upsertSql(table, columns, fresh ? null : tables.vendor());
    List<Object[]> params = new ArrayList<>(rows.size());
    List<Object[]> gone = new ArrayList<>();
    for (MirrorRow r : rows) {
      if (r.deleted()) {
        gone.add(new Object[] {r.id()});
        continue;
      }
      Object[] p = new Object[4 + columns.size()];
      p[0] = r.id();
      p[1] = r.systemModstamp();
      p[2] = r.deleted();
      p[3] = now;
      for (int i = 0; i < columns.size(); i++) {
        p[4 + i] = columns.get(i).toSql(r.fields().get(columns.get(i).field()));
      }
      params.add(p);
    }
    jdbc.batch(sql, params);
    jdbc.batch("DELETE FROM " + q(table.name()) + " WHERE " + q(MirrorTable.ID) + " = ?", gone);
  }

  /** The upsert for the vendor; a plain INSERT when {@code vendor} is null. */
  private static String upsertSql(
      MirrorTable table, List<MirrorTable.Column> columns, Database.Vendor vendor) {
    List<String> names =
        new ArrayList<>(
            List.of(
                MirrorTable.ID, MirrorTable.MODSTAMP, MirrorTable.DELETED, MirrorTable.SYNCED_AT));
    columns.forEach(c -> names.add(c.name()));
    String list = names.stream().map(MirrorTableSchema::q).collect(Collectors.joining(", "));
    String marks = String.join(", ", Collections.nCopies(names.size(), "?"));
    if (vendor == null) {
      return "INSERT INTO " + q(table.name()) + " (" + list + ") VALUES (" + marks + ")";
    }
    if (vendor == Database.Vendor.H2) {
      return "MERGE INTO "
          + q(table.name())
          + " ("
          + list
          + ") KEY ("
          + q(MirrorTable.ID)
          + ") VALUES ("
          + marks
          + ")";
    }
    String set =
        names.stream()
            .skip(1)
            .map(n -> q(n) + " = EXCLUDED." + q(n))
            .collect(Collectors.joining(", "));
    return "INSERT INTO "
        + q(table.name())
        + " ("
        + list
        + ") VALUES ("
        + marks
        + ") ON CONFLICT ("
        + q(MirrorTable.ID)
        + ") DO UPDATE SET "
        + set;
  }

  /** Copies the given records from {@code sync_records} (after a write that went only there). */
  void refresh(String orgId, String object, Collection<String> ids, Instant now) {
    Optional<MirrorTable> table = tables.find(orgId, object);
    if (table.isEmpty() || ids.isEmpty()) {
      return;
    }
    List<MirrorRow> rows = new ArrayList<>();
    for (String id : ids) {
      jdbc.queryOne(
              "SELECT system_modstamp, is_deleted, fields FROM sync_records WHERE org_id = ?"
                  + " AND object_name = ? AND record_id = ?",
              row ->
                  new MirrorRow(
                      object,
                      id,
                      Jdbc.instant(row, "system_modstamp"),
                      row.getBoolean("is_deleted"),
                      json.readMap(row.getString("fields"))),
              orgId,
              object,
              id)
          .ifPresent(rows::add);
    }
    upsert(table.get(), rows, now);
  }

  /** Deletes from the table the rows {@code sync_records} now holds as deleted. */
  void syncDeletions(String orgId, String object) {
    tables
        .find(orgId, object)
        .ifPresent(
            t ->
                jdbc.update(
                    "DELETE FROM "
                        + q(t.name())
                        + " WHERE "
                        + q(MirrorTable.ID)
                        + " IN (SELECT record_id FROM sync_records WHERE org_id = ?"
                        + " AND object_name = ? AND is_deleted = TRUE)",
                    orgId,
                    object));
  }

  /**
   * Fills a new table from the object's rows in {@code sync_records}; returns the fields some live
   * row lacks, with how many rows lack each (those columns cannot answer).
   */
  Map<String, Long> backfill(MirrorTable table, Instant now) {
    Map<String, Long> missing = new LinkedHashMap<>();
    jdbc.inTransaction(
        () ->
            jdbc.withConnection(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT record_id, system_modstamp, is_deleted, fields FROM sync_records"
                              + " WHERE org_id = ? AND object_name = ?")) {
                    ps.setFetchSize(FETCH_SIZE);
                    ps.setString(1, table.orgId());
                    ps.setString(2, table.object());
                    List<MirrorRow> batch = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                      while (rs.next()) {
                        MirrorRow row =
                            new MirrorRow(
                                table.object(),
                                rs.getString("record_id"),
                                Jdbc.instant(rs, "system_modstamp"),
                                rs.getBoolean("is_deleted"),
                                json.readMap(rs.getString("fields")));
                        if (!row.deleted()) {
                          for (MirrorTable.Column col : table.columns()) {
                            if (!MirrorTable.fixed(col.name())
                                && !row.fields().containsKey(col.field())) {
                              missing.merge(col.field(), 1L, Long::sum);
                            }
                          }
                        }
                        if (!row.deleted()) {
                          batch.add(row);
                        }
                        if (batch.size() == BATCH) {
                          upsert(table, batch, now);
                          batch.clear();
                        }
                      }
                    }
                    upsert(table, batch, now);
                  }
                  return null;
                }));
    return missing;
  }
}
