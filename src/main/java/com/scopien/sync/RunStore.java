package com.scopien.sync;

import com.scopien.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code sync_runs} and {@code sync_run_objects} tables. */
final class RunStore {
  private static final int MAX_MESSAGE = 1000;

  /** Changes to one object's counters, added in the transaction of the rows they count. */
  record Counts(
      long created,
      long updated,
      long deleted,
      long failed,
      long done,
      long pushed,
      long conflicts) {
    static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);

    /** Counts of records read from Salesforce. */
    static Counts read(long created, long updated, long deleted, long failed, long done) {
      return new Counts(created, updated, deleted, failed, done, 0, 0);
    }

    /** Counts of the push path. */
    static Counts push(long pushed, long conflicts, long failed) {
      return new Counts(0, 0, 0, failed, 0, pushed, conflicts);
    }
  }

  private final Jdbc jdbc;

  RunStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  void create(SyncRun run, Instant now) {
    jdbc.inTransaction(
        () -> {
          jdbc.update(
              "INSERT INTO sync_runs (id, org_id, run_trigger, full_sync, status, message,"
                  + " api_calls, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              run.id(),
              run.orgId(),
              run.trigger(),
              run.full(),
              run.status(),
              run.message(),
              run.apiCalls(),
              run.startedAt(),
              now);
          int ordinal = 0;
          for (SyncRun.ObjectRun o : run.objects()) {
            jdbc.update(
                "INSERT INTO sync_run_objects (run_id, object_name, ordinal, phase, status,"
                    + " created, updated, deleted, failed, done, total)"
                    + " VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?)",
                run.id(),
                o.object(),
                ordinal++,
                o.phase(),
                o.status(),
                o.total());
          }
        });
  }

  void startObject(String runId, String object, String phase, long total) {
    jdbc.update(
        "UPDATE sync_run_objects SET phase = ?, status = 'running', total = ?"
            + " WHERE run_id = ? AND object_name = ?",
        phase,
        total,
        runId,
        object);
  }

  /** Adds to an object's total, for records read again later in the same run. */
  void addToTotal(String runId, String object, long more) {
    jdbc.update(
        "UPDATE sync_run_objects SET total = total + ? WHERE run_id = ? AND object_name = ?",
        more,
        runId,
        object);
  }

  void setTotal(String runId, String object, long total) {
    jdbc.update(
        "UPDATE sync_run_objects SET total = ? WHERE run_id = ? AND object_name = ?",
        total,
        runId,
        object);
  }

  void add(String runId, String object, Counts c) {
    if (c.equals(Counts.NONE)) {
      return;
    }
    jdbc.update(
        "UPDATE sync_run_objects SET created = created + ?, updated = updated + ?,"
            + " deleted = deleted + ?, failed = failed + ?, done = done + ?, pushed = pushed + ?,"
            + " conflicts = conflicts + ? WHERE run_id = ? AND object_name = ?",
        c.created(),
        c.updated(),
        c.deleted(),
        c.failed(),
        c.done(),
        c.pushed(),
        c.conflicts(),
        runId,
        object);
  }

  void finishObject(String runId, String object, String status, String message) {
    jdbc.update(
        "UPDATE sync_run_objects SET status = ?, message = ? WHERE run_id = ? AND object_name = ?",
        status,
        clip(message),
        runId,
        object);
  }

  void heartbeat(String runId, long apiCalls, Instant now) {
    jdbc.update(
        "UPDATE sync_runs SET api_calls = ?, heartbeat_at = ? WHERE id = ?", apiCalls, now, runId);
  }

  void finish(String runId, SyncRun.Status status, String message, long apiCalls, Instant now) {
    jdbc.update(
        "UPDATE sync_runs SET status = ?, message = ?, api_calls = ?, finished_at = ?,"
            + " heartbeat_at = ? WHERE id = ?",
        status,
        clip(message),
        apiCalls,
        now,
        now,
        runId);
    jdbc.update(
        "UPDATE sync_run_objects SET status = 'stopped' WHERE run_id = ?"
            + " AND status IN ('pending', 'running')",
        runId);
  }

  /** Ends a run that stopped making progress without finishing (its process died). */
  void markInterrupted(String runId, Instant now) {
    jdbc.update(
        "UPDATE sync_runs SET status = 'FAILED', finished_at = ?, message = ?"
            + " WHERE id = ? AND status = 'RUNNING'",
        now,
        "Interrupted: the run stopped reporting progress; the next run resumes from its"
            + " last checkpoint.",
        runId);
    jdbc.update(
        "UPDATE sync_run_objects SET status = 'stopped' WHERE run_id = ?"
            + " AND status IN ('pending', 'running')",
        runId);
  }

  Optional<SyncRun> get(String runId) {
    List<SyncRun> runs = load("SELECT * FROM sync_runs WHERE id = ?", runId);
    return runs.stream().findFirst();
  }

  /** The org's runs, newest first. */
  List<SyncRun> list(String orgId, int limit) {
    return load(
        "SELECT * FROM sync_runs WHERE org_id = ? ORDER BY started_at DESC, id DESC LIMIT ?",
        orgId,
        limit);
  }

  /** The org's run that is marked running, if any. */
  Optional<SyncRun> running(String orgId) {
    return load(
            "SELECT * FROM sync_runs WHERE org_id = ? AND status = 'RUNNING'"
                + " ORDER BY started_at DESC LIMIT 1",
            orgId)
        .stream()
        .findFirst();
  }

  private List<SyncRun> load(String sql, Object... params) {
    List<RunHead> heads = jdbc.query(sql, RunStore::head, params);
    if (heads.isEmpty()) {
      return List.of();
    }
    Map<String, List<SyncRun.ObjectRun>> objects = new LinkedHashMap<>();
    for (RunHead h : heads) {
      objects.put(h.id, new ArrayList<>());
    }
    String in = String.join(", ", java.util.Collections.nCopies(heads.size(), "?"));
    jdbc.query(
        "SELECT * FROM sync_run_objects WHERE run_id IN (" + in + ") ORDER BY run_id, ordinal",
        row -> {
          objects
              .get(row.getString("run_id"))
              .add(
                  new SyncRun.ObjectRun(
                      row.getString("object_name"),
                      row.getString("phase"),
                      row.getString("status"),
                      row.getLong("created"),
                      row.getLong("updated"),
                      row.getLong("deleted"),
                      row.getLong("failed"),
                      row.getLong("pushed"),
                      row.getLong("conflicts"),
                      row.getLong("done"),
                      row.getLong("total"),
                      row.getString("message")));
          return null;
        },
        objects.keySet().toArray());
    return heads.stream()
        .map(
            h ->
                new SyncRun(
                    h.id,
                    h.orgId,
                    h.trigger,
                    h.full,
                    h.status,
                    h.message,
                    h.apiCalls,
                    h.startedAt,
                    h.finishedAt,
                    objects.get(h.id)))
        .toList();
  }

  private record RunHead(
      String id,
      String orgId,
      SyncRun.Trigger trigger,
      boolean full,
      SyncRun.Status status,
      String message,
      long apiCalls,
      Instant startedAt,
      Instant finishedAt) {}

  private static RunHead head(ResultSet row) throws SQLException {
    return new RunHead(
        row.getString("id"),
        row.getString("org_id"),
        SyncRun.Trigger.valueOf(row.getString("run_trigger")),
        row.getBoolean("full_sync"),
        SyncRun.Status.valueOf(row.getString("status")),
        row.getString("message"),
        row.getLong("api_calls"),
        Jdbc.instant(row, "started_at"),
        Jdbc.instant(row, "finished_at"));
  }

  private static String clip(String message) {
    if (message == null) {
      return null;
    }
    return message.length() <= MAX_MESSAGE
        ? message
        : message.substring(0, MAX_MESSAGE - 3) + "...";
  }
}
