package com.scopien.sync;

/**
 * What the objects of one run share: the org, the run, its counting client, the stop flag that the
 * coordinator checks between pages (set from other threads), and the objects that need a follow-up
 * run.
 */
final class RunState {
  final String orgId;
  final String runId;
  final boolean full;
  final java.time.Instant startedAt;
  final CountingClient client;
  private final java.util.function.BooleanSupplier heartbeat;
  private volatile boolean stopRequested;
  private final java.util.Set<String> followUps =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  RunState(
      String orgId,
      String runId,
      boolean full,
      java.time.Instant startedAt,
      CountingClient client,
      java.util.function.BooleanSupplier heartbeat) {
    this.orgId = orgId;
    this.runId = runId;
    this.full = full;
    this.startedAt = startedAt;
    this.client = client;
    this.heartbeat = heartbeat;
  }

  void requestStop() {
    stopRequested = true;
  }

  boolean stopRequested() {
    return stopRequested;
  }

  /** Asks for another run of the object right after this one (its push left changes for it). */
  void followUp(String object) {
    followUps.add(object);
  }

  java.util.Set<String> followUps() {
    return java.util.Set.copyOf(followUps);
  }

  /**
   * Tells the database the run is alive, with its API calls so far. A run that no longer holds its
   * org's lock (another instance took it over, thinking it dead) stops at its next checkpoint, so
   * two runs never keep writing the same org's cursors.
   */
  void heartbeat() {
    if (!heartbeat.getAsBoolean()) {
      requestStop();
    }
  }

  /**
   * The same beat from the timer that keeps a slow run looking alive; it never stops the run, since
   * the run may just have finished and let go of its lock itself.
   */
  void keepAlive() {
    heartbeat.getAsBoolean();
  }
}
