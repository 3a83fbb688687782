package com.scopien.sync;

import com.scopien.security.FieldSecurity;
import java.time.Duration;
import java.util.Objects;

/**
 * How the sync engine behaves; the composition root builds it from the configuration.
 *
 * @param lookback how far before the cursor an incremental run starts reading again, so that a
 *     record committed late with an earlier SystemModstamp is not missed (repeats are ignored)
 * @param apiBudgetShare the share (0 to 1) of the org's daily API allowance at which sync pauses,
 *     leaving the rest for people chatting; 0.8 by default
 * @param staleRunAfter how long a run may go without a heartbeat before it is taken for dead (its
 *     process was killed) and another run may start; live runs beat five times in this span
 * @param deletedRetention how long Salesforce keeps deleted records visible (15 days); an object
 *     not synced for longer is reconciled with a full scan
 * @param maxConcurrentRuns runs of different orgs that may work at once in this process
 * @param fieldSecurity fields hidden from everyone are not copied into the mirror unless an admin
 *     chooses them explicitly
 */
public record SyncOptions(
    Duration lookback,
    double apiBudgetShare,
    Duration staleRunAfter,
    Duration deletedRetention,
    int maxConcurrentRuns,
    FieldSecurity fieldSecurity) {

  public SyncOptions {
    Objects.requireNonNull(lookback, "lookback");
    Objects.requireNonNull(staleRunAfter, "staleRunAfter");
    Objects.requireNonNull(deletedRetention, "deletedRetention");
    Objects.requireNonNull(fieldSecurity, "fieldSecurity");
    if (lookback.isNegative()) {
      throw new IllegalArgumentException("lookback must not be negative");
    }
    if (!(apiBudgetShare > 0 && apiBudgetShare <= 1)) {
      throw new IllegalArgumentException("apiBudgetShare must be above 0 and at most 1");
    }
    if (maxConcurrentRuns < 1) {
      throw new IllegalArgumentException("maxConcurrentRuns must be at least 1");
    }
  }

  /** One minute of lookback, 80% of the allowance, 20 seconds to staleness, 15 days, 2 runs. */
  public static SyncOptions defaults() {
    return new SyncOptions(
        Duration.ofMinutes(1),
        0.8,
        Duration.ofSeconds(20),
        Duration.ofDays(15),
        2,
        FieldSecurity.defaults());
  }

  public SyncOptions withLookback(Duration value) {
    return new SyncOptions(
        value, apiBudgetShare, staleRunAfter, deletedRetention, maxConcurrentRuns, fieldSecurity);
  }

  public SyncOptions withApiBudgetShare(double value) {
    return new SyncOptions(
        lookback, value, staleRunAfter, deletedRetention, maxConcurrentRuns, fieldSecurity);
  }

  public SyncOptions withStaleRunAfter(Duration value) {
    return new SyncOptions(
        lookback, apiBudgetShare, value, deletedRetention, maxConcurrentRuns, fieldSecurity);
  }
}
