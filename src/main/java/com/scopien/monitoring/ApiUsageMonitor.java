package com.scopien.monitoring;

import com.scopien.ScopienException;
import com.scopien.orgs.UsageRecorder;
import com.scopien.salesforce.ApiUsage;
import com.scopien.store.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Keeps every org's {@code Sforce-Limit-Info} readings: the latest used/limit figures and a count
 * of Scopien's calls per hour (for the peak hour). One row per org and hour.
 */
public final class ApiUsageMonitor implements UsageRecorder {
  private final Jdbc jdbc;
  private final Clock clock;

  public ApiUsageMonitor(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public synchronized void record(String orgId, ApiUsage usage) {
    Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
    try {
      bump(orgId, usage, hour);
    } catch (ScopienException e) {
      if (e.kind() != ScopienException.Kind.CONFLICT) {
        throw e;
      }
      // Another instance created the hour's row between our update and insert.
      bump(orgId, usage, hour);
    }
  }

  /** The org's usage now; zeros when Scopien has never called it. */
  public UsageSnapshot snapshot(String orgId) {
    Instant since = clock.instant().minus(Duration.ofHours(24)).truncatedTo(ChronoUnit.HOURS);
    List<Bucket> buckets =
        jdbc.query(
            "SELECT hour_start, calls, last_used, last_max FROM api_usage"
                + " WHERE org_id = ? AND hour_start >= ? ORDER BY hour_start",
            row ->
                new Bucket(
                    Jdbc.instant(row, "hour_start"),
                    row.getLong("calls"),
                    row.getLong("last_used"),
                    row.getLong("last_max")),
            orgId,
            since);
    Optional<Bucket> latest =
        buckets.isEmpty() ? latestEver(orgId) : Optional.of(buckets.get(buckets.size() - 1));
    Optional<Bucket> peak = buckets.stream().max(java.util.Comparator.comparingLong(Bucket::calls));
    return new UsageSnapshot(
        latest.map(Bucket::max).orElse(0L),
        latest.map(Bucket::used).orElse(0L),
        peak.map(Bucket::hour).orElse(null),
        peak.map(Bucket::calls).orElse(0L),
        buckets.stream().mapToLong(Bucket::calls).sum(),
        latest.map(Bucket::hour).orElse(null));
  }

  /**
   * Scopien's calls to the org in each hour of the last 24 hours that had any, oldest first (hours
   * without calls are left out).
   */
  public List<UsageSnapshot.Hour> hourlyCalls(String orgId) {
    Instant since = clock.instant().minus(Duration.ofHours(24)).truncatedTo(ChronoUnit.HOURS);
    return jdbc.query(
        "SELECT hour_start, calls FROM api_usage WHERE org_id = ? AND hour_start >= ?"
            + " ORDER BY hour_start",
        row -> new UsageSnapshot.Hour(Jdbc.instant(row, "hour_start"), row.getLong("calls")),
        orgId,
        since);
  }

  private void bump(String orgId, ApiUsage usage, Instant hour) {
    jdbc.inTransaction(
        () -> {
          int changed =
              jdbc.update(
                  "UPDATE api_usage SET calls = calls + 1, last_used = ?, last_max = ?"
                      + " WHERE org_id = ? AND hour_start = ?",
                  usage.used(),
                  usage.max(),
                  orgId,
                  hour);
          if (changed == 0) {
            jdbc.update(
                "INSERT INTO api_usage (org_id, hour_start, calls, last_used, last_max)"
                    + " VALUES (?, ?, 1, ?, ?)",
                orgId,
                hour,
                usage.used(),
                usage.max());
          }
        });
  }

  private Optional<Bucket> latestEver(String orgId) {
    return jdbc.queryOne(
        "SELECT hour_start, calls, last_used, last_max FROM api_usage WHERE org_id = ?"
            + " ORDER BY hour_start DESC LIMIT 1",
        row ->
            new Bucket(
                Jdbc.instant(row, "hour_start"),
                row.getLong("calls"),
                row.getLong("last_used"),
                row.getLong("last_max")),
        orgId);
  }

  private record Bucket(Instant hour, long calls, long used, long max) {}
}
