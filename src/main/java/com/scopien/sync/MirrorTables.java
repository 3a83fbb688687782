package com.scopien.sync;

import com.scopien.ScopienException;
import com.scopien.store.Database;
import com.scopien.store.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which typed table holds which object, and keeping each table's shape in step with what the sync
 * reads ({@link #ensure}): the table is created on the object's first plan (and filled from {@code
 * sync_records} when the mirror already holds rows), a new field becomes {@code ALTER TABLE ADD
 * COLUMN}, a renamed mapping {@code RENAME COLUMN}; every change is logged. A column whose field
 * left the plan stays, marked incomplete. The shape is read from {@code mirror_tables} and {@code
 * mirror_columns} on every call, so several instances on one database agree. Thread-safe.
 */
final class MirrorTables {
  private static final ConcurrentMap<String, Object> SHAPING = new ConcurrentHashMap<>();

  private static final Logger log = LoggerFactory.getLogger(MirrorTables.class);

  private final Jdbc jdbc;
  private final Clock clock;
  private volatile Database.Vendor vendor;

  MirrorTables(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Database.Vendor vendor() {
    Database.Vendor v = vendor;
    if (v == null) {
      v =
          jdbc.withConnection(
              c ->
                  c.getMetaData()
                          .getDatabaseProductName()
                          .toLowerCase(Locale.ROOT)
                          .contains("postgres")
                      ? Database.Vendor.POSTGRESQL
                      : Database.Vendor.H2);
      vendor = v;
    }
    return v;
  }

  /** The object's table, when it has one. */
  Optional<MirrorTable> find(String orgId, String object) {
    Optional<String> name =
        jdbc.queryOne(
            "SELECT table_name FROM mirror_tables WHERE org_id = ? AND object_name = ?",
            row -> row.getString("table_name"),
            orgId,
            object);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    List<MirrorTable.Column> columns =
        jdbc.query(
            "SELECT field_name, column_name, kind, complete FROM mirror_columns"
                + " WHERE org_id = ? AND object_name = ? ORDER BY column_name",
            row ->
                new MirrorTable.Column(
                    row.getString("field_name"),
                    row.getString("column_name"),
                    MirrorTable.Kind.valueOf(row.getString("kind")),
                    row.getBoolean("complete")),
            orgId,
            object);
    return Optional.of(new MirrorTable(orgId, object, name.get(), columns));
  }

  /**
   * Brings the object's table to the plan's fields. Runs DDL, so it must not be called inside a
   * transaction (H2 commits DDL at once); it does nothing then, or when the plan has no describe.
   *
   * @param mapped Scopien names by API name in lower case, for the object's active mappings
   */
  void ensure(String orgId, ObjectPlan plan, Map<String, String> mapped) {
    if (plan.describe() == null || jdbc.isInTransaction()) {
      return;
    }
    // One shaping of a table at a time in this JVM: a sync run and the real-time stream may plan
    // the same object at once, and H2's CREATE ... IF NOT EXISTS is not atomic between sessions
    // (seen: "object already exists" for an index both created).
    Object lock = SHAPING.computeIfAbsent(orgId + "/" + plan.object(), k -> new Object());
    try {
      synchronized (lock) {
        reshape(orgId, plan, mapped);
      }
    } catch (ScopienException e) {
      // The sync goes on: rows are written to the columns the metadata lists (those whose DDL
      // succeeded), and a read naming a field without a column goes live. Another instance making
      // the same table at the same moment ends here too; the next plan sees its table.
      log.warn(
          "Mirror table of {}: shape not updated: {}{}",
          plan.object(),
          e.getMessage(),
          e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")");
    }
  }

  private void reshape(String orgId, ObjectPlan plan, Map<String, String> mapped) {
    Database.Vendor v = vendor();
    List<MirrorTable.Column> wanted =
        MirrorTableSchema.columns(plan.describe(), plan.fields(), mapped);
    Optional<MirrorTable> current = find(orgId, plan.object());
    Instant now = clock.instant();
    if (current.isEmpty()) {
      create(orgId, plan.object(), wanted, v, now);
      return;
    }
    MirrorTable table = current.get();
    boolean hasRows = hasRows(table);
    if (caughtUp(orgId, plan.object())) {
      index(table);
    }
    Map<String, MirrorTable.Column> byField = new HashMap<>();
    table.columns().forEach(c -> byField.put(c.field().toLowerCase(Locale.ROOT), c));
    for (MirrorTable.Column w : wanted) {
      MirrorTable.Column have = byField.remove(w.field().toLowerCase(Locale.ROOT));
      if (have == null) {
        if (table.column(w.field()).isEmpty() && taken(table, w.name())) {
          w =
              new MirrorTable.Column(
                  w.field(), w.name() + "_" + table.columns().size(), w.kind(), true);
        }
        jdbc.update(MirrorTableSchema.addColumn(table.name(), w, v));
        saveColumn(orgId, plan.object(), w.field(), w.name(), w.kind(), !hasRows, now);
        if (MirrorTableSchema.indexed(w)) {
          jdbc.update(MirrorTableSchema.createIndex(table.name(), w));
        }
        log.info(
            "Mirror table {}: added column {} for {}.{}{}",
            table.name(),
            w.name(),
            plan.object(),
            w.field(),
            hasRows ? " (rows stored before it read live until a full resync)" : "");
      } else if (!have.name().equals(w.name())
          && !MirrorTable.fixed(have.name())
          && !taken(table, w.name())) {
        jdbc.update(MirrorTableSchema.renameColumn(table.name(), have.name(), w.name()));
        saveColumn(orgId, plan.object(), have.field(), w.name(), have.kind(), have.complete(), now);
        log.info("Mirror table {}: renamed column {} to {}", table.name(), have.name(), w.name());
      } else if (have.kind() != w.kind()) {
        log.warn(
            "Mirror table {}: {}.{} is now {} but its column is {}; kept as it is",
            table.name(),
            plan.object(),
            w.field(),
            w.kind(),
            have.kind());
      }
    }
    for (MirrorTable.Column gone : byField.values()) {
      if (gone.complete() && !MirrorTable.fixed(gone.name())) {
        saveColumn(orgId, plan.object(), gone.field(), gone.name(), gone.kind(), false, now);
        log.info(
            "Mirror table {}: {}.{} is no longer synced; column {} kept, not read",
            table.name(),
            plan.object(),
            gone.field(),
            gone.name());
      }
    }
  }

  /**
   * Creates the table's missing indexes (modstamp, name, owner, lookups). A table gets them once
   * its first full scan is done, not while it fills: maintaining six or seven B-trees with random
   * keys through every page's commit made the demo org's initial sync 1.4 times as slow, while
   * building them at the end costs a second or two. Runs DDL: never inside a transaction.
   */
  void index(String orgId, String object) {
    if (jdbc.isInTransaction()) {
      return;
    }
    try {
      synchronized (SHAPING.computeIfAbsent(orgId + "/" + object, k -> new Object())) {
        find(orgId, object).ifPresent(this::index);
      }
    } catch (ScopienException e) {
      // Only reads get slower without them; the next plan tries again.
      log.warn("Mirror table of {}: indexes not built: {}", object, e.getMessage());
    }
  }

  private void index(MirrorTable table) {
    for (MirrorTable.Column c : table.columns()) {
      if (MirrorTableSchema.indexed(c)) {
        jdbc.update(MirrorTableSchema.createIndex(table.name(), c));
      }
    }
  }

  /** Whether the object's initial sync is done (its cursor is incremental). */
  private boolean caughtUp(String orgId, String object) {
    return jdbc.queryOne(
            "SELECT phase FROM sync_cursors WHERE org_id = ? AND object_name = ?",
            row -> row.getString(1),
            orgId,
            object)
        .filter("INCREMENTAL"::equals)
        .isPresent();
  }

  private static boolean taken(MirrorTable table, String column) {
    return table.columns().stream().anyMatch(c -> c.name().equals(column))
        || column.equals(MirrorTable.SYNCED_AT);
  }

  private void create(
      String orgId,
      String object,
      List<MirrorTable.Column> columns,
      Database.Vendor v,
      Instant now) {
    String name = MirrorTableSchema.tableName(orgId, object);
    jdbc.update(MirrorTableSchema.createTable(name, columns, v));
    MirrorTable table = new MirrorTable(orgId, object, name, columns);
    Map<String, Long> missing = new MirrorTableWriter(jdbc, this).backfill(table, now);
    if (hasRows(table)) {
      index(table);
    }
    jdbc.inTransaction(
        () -> {
          jdbc.update(
              "INSERT INTO mirror_tables (org_id, object_name, table_name, created_at)"
                  + " VALUES (?, ?, ?, ?)",
              orgId,
              object,
              name,
              now);
          for (MirrorTable.Column c : columns) {
            saveColumn(
                orgId, object, c.field(), c.name(), c.kind(), !missing.containsKey(c.field()), now);
          }
        });
    log.info(
        "Mirror table {} created for {} with {} columns{}",
        name,
        object,
        columns.size() + 1,
        missing.isEmpty() ? "" : "; fields some stored rows lack, read live: " + missing.keySet());
  }

  private boolean hasRows(MirrorTable table) {
    return jdbc.queryOne(
            "SELECT "
                + MirrorTableSchema.q(MirrorTable.ID)
                + " FROM "
                + MirrorTableSchema.q(table.name())
                + " LIMIT 1",
            row -> row.getString(1))
        .isPresent();
  }

  private void saveColumn(
      String orgId,
      String object,
      String field,
      String column,
      MirrorTable.Kind kind,
      boolean complete,
      Instant now) {
    int n =
        jdbc.update(
            "UPDATE mirror_columns SET column_name = ?, kind = ?, complete = ?, updated_at = ?"
                + " WHERE org_id = ? AND object_name = ? AND field_name = ?",
            column,
            kind,
            complete,
            now,
            orgId,
            object,
            field);
    if (n == 0) {
      jdbc.update(
          "INSERT INTO mirror_columns (org_id, object_name, field_name, column_name, kind,"
              + " complete, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          orgId,
          object,
          field,
          column,
          kind,
          complete,
          now);
    }
  }

  /** Every table of the org, for tests and tools. */
  List<MirrorTable> all(String orgId) {
    List<MirrorTable> out = new ArrayList<>();
    for (String object :
        jdbc.query(
            "SELECT object_name FROM mirror_tables WHERE org_id = ? ORDER BY object_name",
            row -> row.getString(1),
            orgId)) {
      find(orgId, object).ifPresent(out::add);
    }
    return out;
  }
}
