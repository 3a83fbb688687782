package com.scopien.sync;

import com.scopien.ScopienException;
import com.scopien.store.Jdbc;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One run per org at a time, across every instance sharing the database: a run holds its org's row
 * in {@code sync_locks} and refreshes its heartbeat as it works. A lock whose heartbeat is older
 * than {@code staleAfter} belongs to a process that died; it is taken over and its run is marked
 * interrupted.
 */
final class LockStore {
  private final Jdbc jdbc;
  private final RunStore runs;
  private final Duration staleAfter;

  LockStore(Jdbc jdbc, RunStore runs, Duration staleAfter) {
    this.jdbc = jdbc;
    this.runs = runs;
    this.staleAfter = staleAfter;
  }

  /**
   * Takes the org's lock for {@code runId}; returns the run holding it instead when another live
   * run does.
   */
  Optional<String> acquire(String orgId, String runId, Instant now) {
    try {
      return jdbc.inTransaction(
          () -> {
            Optional<Holder> holder = holder(orgId);
            if (holder.isPresent()) {
              if (holder.get().heartbeat().plus(staleAfter).isAfter(now)) {
                return Optional.of(holder.get().runId());
              }
              runs.markInterrupted(holder.get().runId(), now);
              jdbc.update("DELETE FROM sync_locks WHERE org_id = ?", orgId);
            }
            jdbc.update(
                "INSERT INTO sync_locks (org_id, run_id, heartbeat_at) VALUES (?, ?, ?)",
                orgId,
                runId,
                now);
            return Optional.<String>empty();
          });
    } catch (ScopienException e) {
      if ("duplicate_key".equals(e.code())) {
        // Another instance took it between our read and our insert.
        return holder(orgId).map(Holder::runId).or(() -> Optional.of("unknown"));
      }
      throw e;
    }
  }

  /**
   * Refreshes the run's hold on its org's lock; false when the run no longer holds it (another
   * instance took it over after the run looked dead), so the run must stop.
   */
  boolean heartbeat(String orgId, String runId, Instant now) {
    return jdbc.update(
            "UPDATE sync_locks SET heartbeat_at = ? WHERE org_id = ? AND run_id = ?",
            now,
            orgId,
            runId)
        == 1;
  }

  /**
   * Ends a run whose lock went stale (its process died): marks it interrupted and frees the org's
   * lock; false when the run still holds a live lock or holds none.
   */
  boolean releaseIfStale(String orgId, String runId, Instant now) {
    return jdbc.inTransaction(
        () -> {
          Optional<Holder> holder = holder(orgId);
          if (holder.isEmpty()
              || !holder.get().runId().equals(runId)
              || holder.get().heartbeat().plus(staleAfter).isAfter(now)) {
            return false;
          }
          runs.markInterrupted(runId, now);
          jdbc.update("DELETE FROM sync_locks WHERE org_id = ? AND run_id = ?", orgId, runId);
          return true;
        });
  }

  void release(String orgId, String runId) {
    jdbc.update("DELETE FROM sync_locks WHERE org_id = ? AND run_id = ?", orgId, runId);
  }

  private Optional<Holder> holder(String orgId) {
    return jdbc.queryOne(
        "SELECT run_id, heartbeat_at FROM sync_locks WHERE org_id = ?",
        row -> new Holder(row.getString("run_id"), Jdbc.instant(row, "heartbeat_at")),
        orgId);
  }

  private record Holder(String runId, Instant heartbeat) {}
}
