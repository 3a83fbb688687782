package com.scopien.sync;

/**
 * What the objects of one run share: the org, the run, its counting client, and the stop flag that
 * the coordinator checks between pages. The flag is set from other threads.
 */
final class RunState {
  final String orgId;
  final String runId;
  final boolean full;
  final java.time.Instant startedAt;
  final CountingClient client;
  private final Runnable heartbeat;
  private volatile boolean stopRequested;

  RunState(
      String orgId,
      String runId,
      boolean full,
      java.time.Instant startedAt,
      CountingClient client,
      Runnable heartbeat) {
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

  /** Tells the database the run is alive, with its API calls so far. */
  void heartbeat() {
    heartbeat.run();
  }
}
