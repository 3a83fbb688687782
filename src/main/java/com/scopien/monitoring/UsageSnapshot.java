package com.scopien.monitoring;

import java.time.Instant;

/**
 * An org's API usage as the Monitoring page and the {@code api_usage} tool show it: Salesforce's
 * own rolling 24-hour figures from the last reply, and Scopien's calls per hour.
 *
 * @param dailyLimit {@code DailyApiRequests} maximum
 * @param usedToday calls counted by Salesforce in the rolling 24 hours
 * @param peakHourStart start of the busiest hour of Scopien's calls in the last 24 hours, or null
 * @param peakHourCalls Scopien's calls in that hour
 * @param scopienCalls24h Scopien's own calls in the last 24 hours
 * @param observedAt when Salesforce last reported the figures, or null when never
 */
public record UsageSnapshot(
    long dailyLimit,
    long usedToday,
    Instant peakHourStart,
    long peakHourCalls,
    long scopienCalls24h,
    Instant observedAt) {

  public long remaining() {
    return Math.max(0, dailyLimit - usedToday);
  }

  /** Used share of the allowance in percent, 0 when the limit is unknown. */
  public double usedPercent() {
    return dailyLimit == 0 ? 0 : 100.0 * usedToday / dailyLimit;
  }

  /** Scopien's calls to an org in the hour starting at {@code start}. */
  public record Hour(Instant start, long calls) {}
}
