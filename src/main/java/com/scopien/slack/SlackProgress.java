package com.scopien.slack;

import com.scopien.ScopienException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One answer in a Slack thread, shown while it is made. An answer ready within the grace period is
 * posted once, as before. A longer one gets a "Working on it…" message in the thread, which a
 * ticker updates ({@code chat.update}) with the tools the assistant runs and finally replaces with
 * the answer. Updates are at least {@code interval} apart (Slack allows about one a second per
 * message): activity in between is batched into the next one. When the final update fails, the
 * answer is posted as a new message instead, so it is never lost.
 *
 * <p>The listener side is called from the worker running the turn and never calls Slack; the ticker
 * does. Thread-safe; {@link #finish} is called once.
 */
final class SlackProgress extends TurnProgress {
  static final String WORKING = SlackActivity.WORKING;
  private static final Logger LOG = LoggerFactory.getLogger(SlackProgress.class);

  private final SlackClient slack;
  private final String channel;
  private final String threadTs;
  private final long intervalNanos;
  private String ts;
  private boolean finished;
  private boolean placeholderFailed;
  private boolean updatesFailed;
  private long lastSent;

  private SlackProgress(SlackClient slack, String channel, String threadTs, Duration interval) {
    this.slack = slack;
    this.channel = channel;
    this.threadTs = threadTs;
    this.intervalNanos = interval.toNanos();
  }

  /**
   * Starts following an answer to be posted in {@code threadTs}: after {@code grace} the
   * placeholder is posted, then progress at most every {@code interval}.
   */
  static SlackProgress start(
      SlackClient slack,
      ScheduledExecutorService ticker,
      String channel,
      String threadTs,
      Duration grace,
      Duration interval) {
    SlackProgress progress = new SlackProgress(slack, channel, threadTs, interval);
    progress.startTicking(ticker, grace, interval);
    return progress;
  }

  /** Delivers the answer: as the placeholder's last update, or as a post of its own. */
  void finish(SlackMessage answer) {
    stopTicking();
    synchronized (this) {
      finished = true;
      if (ts == null) {
        slack.postMessage(channel, threadTs, answer);
        return;
      }
      pace();
      try {
        slack.update(channel, ts, answer);
      } catch (ScopienException e) {
        LOG.warn("Could not update the Slack answer in place ({}); posting it", e.getMessage());
        slack.postMessage(channel, threadTs, answer);
      }
    }
  }

  @Override
  synchronized void tick() {
    if (finished || placeholderFailed) {
      return;
    }
    try {
      if (ts == null) {
        ts = slack.postMessage(channel, threadTs, shown());
        placeholderFailed = ts == null;
        lastSent = System.nanoTime();
      } else if (changed() && !updatesFailed) {
        slack.update(channel, ts, shown());
        lastSent = System.nanoTime();
      }
    } catch (ScopienException e) {
      // Progress is a courtesy: the answer is still delivered by finish().
      LOG.warn("Could not show progress in Slack: {}", e.getMessage());
      if (ts == null) {
        placeholderFailed = true;
      } else {
        updatesFailed = true;
      }
    }
  }

  /** Waits until one interval has passed since the last call to Slack about this message. */
  private void pace() {
    long wait = lastSent + intervalNanos - System.nanoTime();
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
