package com.scopien.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One sync run of an org, as it stands: running or finished, with per-object counts that add up to
 * what the run changed in the mirror. Counts are committed with the rows they count, so they are
 * exact even for a run that was interrupted.
 *
 * @param trigger who asked for the run
 * @param full whether a full resync was asked for (otherwise incremental where possible)
 * @param message a short explanation for a partial or failed run, or null
 * @param apiCalls Salesforce API calls the run made
 * @param finishedAt null while running
 */
public record SyncRun(
    String id,
    String orgId,
    Trigger trigger,
    boolean full,
    Status status,
    String message,
    long apiCalls,
    Instant startedAt,
    Instant finishedAt,
    List<ObjectRun> objects) {

  public SyncRun {
    objects = List.copyOf(objects);
  }

  /** Records done of records to read, over every object. */
  public Progress progress() {
    long done = 0;
    long total = 0;
    for (ObjectRun o : objects) {
      done += o.done();
      total += Math.max(o.total(), o.done());
    }
    return new Progress(done, total);
  }

  /**
   * The time left at the rate so far, or null when it cannot be told yet (nothing done, nothing
   * known to do) or the run is over.
   */
  public Duration estimatedTimeLeft(Instant now) {
    Progress p = progress();
    if (status != Status.RUNNING || p.total() == 0) {
      return null;
    }
    if (p.done() >= p.total()) {
      return Duration.ZERO;
    }
    if (p.done() == 0) {
      return null;
    }
    long elapsedMillis = Math.max(1, Duration.between(startedAt, now).toMillis());
    double perRecord = (double) elapsedMillis / p.done();
    return Duration.ofMillis(Math.round(perRecord * (p.total() - p.done())));
  }

  /** The run's state. */
  public enum Status {
    RUNNING,
    SUCCEEDED,
    /** Some objects or records did not sync (failed, parked, paused or stopped); see objects. */
    PARTIAL,
    FAILED;

    /** The contract's lower-case name. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Who started a run. */
  public enum Trigger {
    /** Sync Now in the UI or {@code POST /api/orgs/{id}/sync}. */
    MANUAL,
    /** The schedule of the org's frequency setting. */
    SCHEDULED,
    /** The {@code sync} command. */
    CLI,
    /** The {@code sync_now} chat tool. */
    CHAT,
    /** Change events delivered by the Streaming API (one run per delivery). */
    REAL_TIME
  }

  /** Done and total records. */
  public record Progress(long done, long total) {
    /**
     * Whole percent done; 0 while the total is unknown or zero (the run's status tells a finished
     * empty run apart).
     */
    public int percent() {
      return total == 0 ? 0 : (int) Math.min(100, done * 100 / total);
    }
  }

  /**
   * One object within a run.
   *
   * @param phase {@code initial}, {@code incremental} or {@code reconcile} (a full resync that
   *     deletes what Salesforce no longer has)
   * @param status {@code pending}, {@code running}, {@code succeeded}, {@code failed}, {@code
   *     paused} (API allowance) or {@code stopped}
   * @param failed records parked with an error in this run (read or push)
   * @param pushed Scopien-side changes written to Salesforce
   * @param conflicts records found changed on both sides (handled by the conflict policy)
   * @param done records read so far
   * @param total records to read, as Salesforce counted them when the object started
   */
  public record ObjectRun(
      String object,
      String phase,
      String status,
      long created,
      long updated,
      long deleted,
      long failed,
      long pushed,
      long conflicts,
      long done,
      long total,
      String message) {}
}
