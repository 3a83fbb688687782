package com.scopien.monitoring;

import com.scopien.store.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an org's sync health from the sync engine's run and error tables ({@code sync_runs}, {@code
 * sync_run_objects}, {@code sync_errors}). Read-only; thread-safe.
 */
public final class SyncHealthMonitor {
  private static final Duration RATE_WINDOW = Duration.ofDays(7);
  private static final Duration DAY = Duration.ofHours(24);

  private final Jdbc jdbc;
  private final Clock clock;

  public SyncHealthMonitor(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public SyncHealth health(String orgId) {
    Instant now = clock.instant();
    List<FinishedRun> finished =
        jdbc.query(
            "SELECT status, started_at, finished_at FROM sync_runs WHERE org_id = ?"
                + " AND finished_at IS NOT NULL AND started_at >= ?",
            row ->
                new FinishedRun(
                    row.getString("status"),
                    Jdbc.instant(row, "started_at"),
                    Jdbc.instant(row, "finished_at")),
            orgId,
            now.minus(RATE_WINDOW));
    Double successRate = null;
    Duration average = null;
    if (!finished.isEmpty()) {
      long succeeded = finished.stream().filter(r -> r.status.equals("SUCCEEDED")).count();
      successRate = Math.round(1000.0 * succeeded / finished.size()) / 10.0;
      long totalMillis =
          finished.stream()
              .mapToLong(r -> Duration.between(r.started, r.finished).toMillis())
              .sum();
      average = Duration.ofMillis(totalMillis / finished.size());
    }
    long changed =
        jdbc.queryOne(
                "SELECT COALESCE(SUM(o.created + o.updated + o.deleted), 0) AS n"
                    + " FROM sync_run_objects o JOIN sync_runs r ON r.id = o.run_id"
                    + " WHERE r.org_id = ? AND r.started_at >= ?",
                row -> row.getLong("n"),
                orgId,
                now.minus(DAY))
            .orElse(0L);
    long errors24h =
        count(
            "SELECT COUNT(*) AS n FROM sync_errors WHERE org_id = ?" + " AND updated_at >= ?",
            orgId,
            now.minus(DAY));
    long open =
        count(
            "SELECT COUNT(*) AS n FROM sync_errors WHERE org_id = ?" + " AND status <> 'RESOLVED'",
            orgId);
    Optional<SyncHealth.LastError> lastError =
        jdbc.queryOne(
            "SELECT message, status, updated_at FROM sync_errors WHERE org_id = ?"
                + " ORDER BY updated_at DESC, id DESC LIMIT 1",
            row ->
                new SyncHealth.LastError(
                    row.getString("message"),
                    label(row.getString("status")),
                    Jdbc.instant(row, "updated_at")),
            orgId);
    Optional<FinishedRun> last =
        jdbc.queryOne(
            "SELECT status, started_at, finished_at FROM sync_runs WHERE org_id = ?"
                + " ORDER BY started_at DESC, id DESC LIMIT 1",
            row ->
                new FinishedRun(
                    row.getString("status"),
                    Jdbc.instant(row, "started_at"),
                    Jdbc.instant(row, "finished_at")),
            orgId);
    return new SyncHealth(
        rating(successRate, open, last.isPresent()),
        successRate,
        average,
        changed / DAY.toHours(),
        errors24h,
        lastError.orElse(null),
        last.map(r -> r.started).orElse(null),
        last.map(r -> r.status.toLowerCase(Locale.ROOT)).orElse(null),
        open);
  }

  private long count(String sql, Object... params) {
    return jdbc.queryOne(sql, row -> row.getLong("n"), params).orElse(0L);
  }

  /** Excellent at 99% and nothing open, Good at 95%, Fair at 80%, else Poor. */
  static String rating(Double successRate, long openErrors, boolean anyRun) {
    if (!anyRun) {
      return "No runs yet";
    }
    if (successRate == null) {
      return "Running";
    }
    if (successRate >= 99 && openErrors == 0) {
      return "Excellent";
    }
    if (successRate >= 95) {
      return "Good";
    }
    return successRate >= 80 ? "Fair" : "Poor";
  }

  private static String label(String status) {
    return switch (status) {
      case "WAITING" -> "Waiting";
      case "RETRYING" -> "Retrying";
      case "NEEDS_ATTENTION" -> "Needs attention";
      default -> "Resolved";
    };
  }

  private record FinishedRun(String status, Instant started, Instant finished) {}
}
