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
 * @param bulk when and how a full scan reads through the Bulk API instead of REST paging
 * @param pushLinger how long a run waits, before it reads Salesforce, for more Scopien changes
 *     while they are still arriving and fewer than a batch are pending, so that changes made one by
 *     one still go out 200 per call; it waits again while more keep coming, up to {@link
 *     #MAX_LINGERS} times in all; zero pushes at once (see {@link ChangeLinger})
 */
public record SyncOptions(
    Duration lookback,
    double apiBudgetShare,
    Duration staleRunAfter,
    Duration deletedRetention,
    int maxConcurrentRuns,
    FieldSecurity fieldSecurity,
    Bulk bulk,
    Duration pushLinger) {

  /** How many times in a row a run waits for more changes before it pushes what it has. */
  public static final int MAX_LINGERS = 8;

  /**
   * Full scans (initial or reconcile) of large objects through Bulk API 1.0 with PK chunking.
   *
   * @param threshold an object with more records than this is read with Bulk; 0 turns Bulk off
   *     (every object is read with REST paging). 10,000 by default: below it REST paging (2,000
   *     records a call) costs at most five calls, about what one bulk job costs
   * @param chunkSize records per PK chunk (Salesforce allows up to 250,000); each finished chunk is
   *     a checkpoint, so a stopped run resumes with the unfinished chunks only
   * @param rowsPerCommit rows of a chunk stored per transaction; what a scan holds in memory
   * @param pollInterval how often a bulk job is asked whether it is done
   */
  public record Bulk(long threshold, int chunkSize, int rowsPerCommit, Duration pollInterval) {
    public Bulk {
      Objects.requireNonNull(pollInterval, "pollInterval");
      if (threshold < 0) {
        throw new IllegalArgumentException("bulk threshold must not be negative");
      }
      if (chunkSize < 1 || chunkSize > 250_000) {
        throw new IllegalArgumentException("bulk chunkSize must be 1 to 250000");
      }
      if (rowsPerCommit < 1) {
        throw new IllegalArgumentException("bulk rowsPerCommit must be at least 1");
      }
      if (pollInterval.isNegative() || pollInterval.isZero()) {
        throw new IllegalArgumentException("bulk pollInterval must be positive");
      }
    }

    /** Above 10,000 records, chunks of 100,000, 2,000 rows per commit, polled every 2 seconds. */
    public static Bulk defaults() {
      return new Bulk(10_000, 100_000, 2_000, Duration.ofSeconds(2));
    }

    public Bulk withThreshold(long value) {
      return new Bulk(value, chunkSize, rowsPerCommit, pollInterval);
    }

    public Bulk withChunkSize(int value) {
      return new Bulk(threshold, value, rowsPerCommit, pollInterval);
    }

    public Bulk withRowsPerCommit(int value) {
      return new Bulk(threshold, chunkSize, value, pollInterval);
    }

    public Bulk withPollInterval(Duration value) {
      return new Bulk(threshold, chunkSize, rowsPerCommit, value);
    }

    /** Whether a full scan of an object with {@code records} records reads with Bulk. */
    public boolean appliesTo(long records) {
      return threshold > 0 && records > threshold;
    }
  }

  public SyncOptions {
    Objects.requireNonNull(lookback, "lookback");
    Objects.requireNonNull(staleRunAfter, "staleRunAfter");
    Objects.requireNonNull(deletedRetention, "deletedRetention");
    Objects.requireNonNull(fieldSecurity, "fieldSecurity");
    Objects.requireNonNull(bulk, "bulk");
    Objects.requireNonNull(pushLinger, "pushLinger");
    if (pushLinger.isNegative()) {
      throw new IllegalArgumentException("pushLinger must not be negative");
    }
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

  /**
   * One minute of lookback, 80% of the allowance, 20 seconds to staleness, 15 days, 2 runs, Bulk
   * above 10,000 records, pushes waiting 250 ms for more changes.
   */
  public static SyncOptions defaults() {
    return new SyncOptions(
        Duration.ofMinutes(1),
        0.8,
        Duration.ofSeconds(20),
        Duration.ofDays(15),
        2,
        FieldSecurity.defaults(),
        Bulk.defaults(),
        Duration.ofMillis(250));
  }

  public SyncOptions withLookback(Duration value) {
    return new SyncOptions(
        value,
        apiBudgetShare,
        staleRunAfter,
        deletedRetention,
        maxConcurrentRuns,
        fieldSecurity,
        bulk,
        pushLinger);
  }

  public SyncOptions withApiBudgetShare(double value) {
    return new SyncOptions(
        lookback,
        value,
        staleRunAfter,
        deletedRetention,
        maxConcurrentRuns,
        fieldSecurity,
        bulk,
        pushLinger);
  }

  public SyncOptions withStaleRunAfter(Duration value) {
    return new SyncOptions(
        lookback,
        apiBudgetShare,
        value,
        deletedRetention,
        maxConcurrentRuns,
        fieldSecurity,
        bulk,
        pushLinger);
  }

  public SyncOptions withBulk(Bulk value) {
    return new SyncOptions(
        lookback,
        apiBudgetShare,
        staleRunAfter,
        deletedRetention,
        maxConcurrentRuns,
        fieldSecurity,
        value,
        pushLinger);
  }

  public SyncOptions withPushLinger(Duration value) {
    return new SyncOptions(
        lookback,
        apiBudgetShare,
        staleRunAfter,
        deletedRetention,
        maxConcurrentRuns,
        fieldSecurity,
        bulk,
        value);
  }
}
