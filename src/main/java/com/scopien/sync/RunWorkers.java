package com.scopien.sync;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that work this instance's runs: a pool of {@code maxConcurrentRuns}, and a timer that
 * beats for every run working here, so a page waiting out a long back-off does not look like a dead
 * process and {@code staleRunAfter} can stay short. Keeps the runs working here, for stopping and
 * awaiting them. Thread-safe.
 */
final class RunWorkers implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RunWorkers.class);

  private final ExecutorService executor;
  private final ScheduledExecutorService beats;
  private final Map<String, RunState> active = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Void>> finished = new ConcurrentHashMap<>();

  RunWorkers(SyncOptions options) {
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            options.maxConcurrentRuns(),
            r -> {
              Thread t = new Thread(r, "scopien-sync-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.beats =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "scopien-sync-heartbeat");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(200, options.staleRunAfter().toMillis() / 5);
    beats.scheduleAtFixedRate(this::beatAll, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Works the run in the background: {@code work}, then {@code afterwards} (even when the work
   * failed), and only then counts the run as done for {@link #awaitHere}.
   */
  void launch(RunState run, Runnable work, Runnable afterwards) {
    active.put(run.runId, run);
    CompletableFuture<Void> done = new CompletableFuture<>();
    finished.put(run.runId, done);
    executor.execute(
        () -> {
          try {
            work.run();
          } catch (RuntimeException e) {
            log.error("Sync run {} of org {} failed", run.runId, run.orgId, e);
          } finally {
            active.remove(run.runId);
            try {
              afterwards.run();
            } finally {
              done.complete(null);
              finished.remove(run.runId);
            }
          }
        });
  }

  /** Whether the run is working in this instance. */
  boolean isWorkingHere(String runId) {
    return active.containsKey(runId);
  }

  /** Whether new runs can still start here (false once closing). */
  boolean accepting() {
    return !executor.isShutdown();
  }

  /** Waits up to {@code timeout} for a run of this instance to be done; false when it timed out. */
  boolean awaitHere(String runId, Duration timeout) throws InterruptedException {
    CompletableFuture<Void> local = finished.get(runId);
    if (local == null) {
      return true;
    }
    try {
      local.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return false;
    }
  }

  /**
   * Asks a run of this instance to stop at its next checkpoint; false when it is not working here.
   */
  boolean stop(String runId) {
    RunState run = active.get(runId);
    if (run == null) {
      return false;
    }
    run.requestStop();
    return true;
  }

  /** Stops this instance's runs at their next checkpoint and waits up to 10 seconds for them. */
  @Override
  public void close() {
    active.values().forEach(RunState::requestStop);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("Sync runs did not stop within 10 s; their checkpoints are kept");
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      executor.shutdownNow();
    } finally {
      beats.shutdown();
    }
  }

  /** Beats for every run working here (between their own beats at each page). */
  private void beatAll() {
    for (RunState run : active.values()) {
      try {
        run.keepAlive();
      } catch (RuntimeException e) {
        log.warn("Heartbeat of sync run {} failed: {}", run.runId, e.getMessage());
      }
    }
  }
}
