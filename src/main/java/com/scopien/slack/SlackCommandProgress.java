package com.scopien.slack;

import com.scopien.ScopienException;
import com.scopien.agent.ChatListener;
import com.scopien.agent.ChatReply;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One slash-command answer, shown while it is made. The command's acknowledgement already says
 * "Working on it…"; while the turn runs, a ticker replaces that note through the command's {@code
 * response_url} with the tools the assistant runs, and {@link #finish} replaces it with the answer.
 * Slack takes at most five responses per {@code response_url}, so progress gets at most {@link
 * #MAX_UPDATES} of them and the answer always has one left; updates are {@code interval} apart.
 *
 * <p>The listener side is called from the worker running the turn and never calls Slack; the ticker
 * does. Thread-safe; {@link #finish} is called once.
 */
final class SlackCommandProgress implements ChatListener {
  static final int MAX_UPDATES = 3;
  private static final Logger LOG = LoggerFactory.getLogger(SlackCommandProgress.class);

  private final SlackClient slack;
  private final URI responseUrl;
  private final List<String> activity = new ArrayList<>();
  private ScheduledFuture<?> ticks;
  private boolean dirty;
  private boolean finished;
  private boolean failed;
  private int updates;

  private SlackCommandProgress(SlackClient slack, URI responseUrl) {
    this.slack = slack;
    this.responseUrl = responseUrl;
  }

  /** Starts following an answer: progress from {@code grace} on, at most every {@code interval}. */
  static SlackCommandProgress start(
      SlackClient slack,
      ScheduledExecutorService ticker,
      URI responseUrl,
      Duration grace,
      Duration interval) {
    SlackCommandProgress progress = new SlackCommandProgress(slack, responseUrl);
    try {
      ScheduledFuture<?> future =
          ticker.scheduleWithFixedDelay(
              progress::tick, grace.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
      synchronized (progress) {
        progress.ticks = future;
      }
    } catch (RejectedExecutionException closing) {
      // Shutting down: the answer is still delivered, just without progress.
    }
    return progress;
  }

  @Override
  public synchronized void toolStarted(String tool, Map<String, Object> arguments) {
    activity.add(SlackActivity.started(tool, arguments));
    dirty = true;
  }

  @Override
  public synchronized void toolFinished(ChatReply.ToolCallRecord call) {
    if (!activity.isEmpty()) {
      int last = activity.size() - 1;
      activity.set(last, activity.get(last) + SlackActivity.finished(call));
    }
    dirty = true;
  }

  /** Replaces the note (or the last progress) with the answer. */
  void finish(SlackMessage answer) {
    ScheduledFuture<?> future;
    synchronized (this) {
      future = ticks;
      finished = true;
    }
    if (future != null) {
      future.cancel(false);
    }
    synchronized (this) {
      slack.respond(responseUrl, answer, true);
    }
  }

  private synchronized void tick() {
    if (finished || failed || !dirty || updates >= MAX_UPDATES) {
      return;
    }
    try {
      slack.respond(responseUrl, SlackActivity.working(activity), true);
      updates++;
      dirty = false;
    } catch (ScopienException e) {
      // Progress is a courtesy: the answer is still delivered by finish().
      LOG.warn("Could not show progress in Slack: {}", e.getMessage());
      failed = true;
    }
  }
}
