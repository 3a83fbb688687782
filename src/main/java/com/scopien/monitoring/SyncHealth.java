package com.scopien.monitoring;

import java.time.Duration;
import java.time.Instant;

/**
 * An org's sync health as the Monitoring page and the {@code sync_status} tool show it.
 *
 * @param rating {@code Excellent}, {@code Good}, {@code Fair}, {@code Poor}, or {@code No runs yet}
 * @param successRate percent of the runs finished in the last 7 days that succeeded in full, or
 *     null without finished runs
 * @param averageSyncTime mean duration of those runs, or null
 * @param recordsPerHour records created, updated or deleted by runs of the last 24 hours, per hour
 * @param errors24h error log entries that happened or recurred in the last 24 hours
 * @param lastError the most recent error log entry, or null
 * @param lastRunAt when the latest run started, or null
 * @param lastRunStatus the latest run's status in lower case, or null
 * @param openErrors entries not resolved yet, whenever they happened
 */
public record SyncHealth(
    String rating,
    Double successRate,
    Duration averageSyncTime,
    long recordsPerHour,
    long errors24h,
    LastError lastError,
    Instant lastRunAt,
    String lastRunStatus,
    long openErrors) {

  /**
   * The latest error: its message, its status label ({@code Resolved}, {@code Retrying}, {@code
   * Waiting}, {@code Needs attention}) and when it last happened.
   */
  public record LastError(String message, String status, Instant at) {}
}
