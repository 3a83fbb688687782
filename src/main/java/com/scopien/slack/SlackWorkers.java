package com.scopien.slack;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded pool that answers Slack after the request has been acknowledged. Slack wants an
 * answer within three seconds and the assistant may take longer, so requests only queue work here;
 * when the queue is full the work is refused at once rather than piling up without bound.
 */
final class SlackWorkers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlackWorkers.class);
  private static final Duration DRAIN = Duration.ofSeconds(20);

  private final ThreadPoolExecutor pool;

  SlackWorkers(int threads, int queue) {
    AtomicInteger count = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queue),
            task -> {
              Thread t = new Thread(task, "slack-worker-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
  }

  /**
   * The small pool that posts and updates "Working on it…" messages while workers wait for the
   * assistant (daemon threads; shut down with the channel).
   */
  static ScheduledExecutorService ticker() {
    AtomicInteger count = new AtomicInteger();
    ScheduledThreadPoolExecutor ticker =
        new ScheduledThreadPoolExecutor(
            2,
            task -> {
              Thread t = new Thread(task, "slack-progress-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    ticker.setRemoveOnCancelPolicy(true);
    return ticker;
  }

  /** Queues {@code task}; false when the queue is full or the pool is closing. */
  boolean submit(String what, Runnable task) {
    try {
      pool.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              LOG.error("Slack work failed: {}", what, e);
            }
          });
      return true;
    } catch (RejectedExecutionException e) {
      LOG.warn("Slack work refused, the queue is full: {}", what);
      return false;
    }
  }

  /** Stops taking work and lets queued answers finish, for a while. */
  @Override
  public void close() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(DRAIN.toSeconds(), TimeUnit.SECONDS)) {
        LOG.warn("Slack answers still running after {} s; stopping them", DRAIN.toSeconds());
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
