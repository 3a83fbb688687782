package com.scopien.slack;

import com.scopien.agent.ChatListener;
import com.scopien.agent.ChatReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What both ways of showing a Slack answer's progress share: the activity lines the assistant's
 * tools add (from the worker running the turn, which never calls Slack), whether they changed since
 * last shown, and the ticker that shows them. Subclasses say how a tick shows them and how the
 * answer is delivered; every method here holds the object's lock.
 */
abstract class TurnProgress implements ChatListener {
  private final List<String> activity = new ArrayList<>();
  private ScheduledFuture<?> ticks;
  private boolean dirty;

  /** Ticks from {@code grace} on, every {@code interval}; none when the ticker is shutting down. */
  final void startTicking(ScheduledExecutorService ticker, Duration grace, Duration interval) {
    try {
      ScheduledFuture<?> future =
          ticker.scheduleWithFixedDelay(
              this::tick, grace.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
      synchronized (this) {
        ticks = future;
      }
    } catch (RejectedExecutionException closing) {
      // Shutting down: the answer is still delivered, just without progress.
    }
  }

  /** Stops the ticks (a tick under way finishes); call before delivering the answer. */
  final void stopTicking() {
    ScheduledFuture<?> future;
    synchronized (this) {
      future = ticks;
    }
    if (future != null) {
      future.cancel(false);
    }
  }

  /** Shows the activity if it changed; called by the ticker. */
  abstract void tick();

  @Override
  public final synchronized void toolStarted(String tool, Map<String, Object> arguments) {
    activity.add(SlackActivity.started(tool, arguments));
    dirty = true;
  }

  @Override
  public final synchronized void toolFinished(ChatReply.ToolCallRecord call) {
    if (!activity.isEmpty()) {
      int last = activity.size() - 1;
      activity.set(last, activity.get(last) + SlackActivity.finished(call));
    }
    dirty = true;
  }

  final synchronized boolean changed() {
    return dirty;
  }

  /** The "Working on it…" message with the activity so far; it counts as shown from now on. */
  final synchronized SlackMessage shown() {
    dirty = false;
    return SlackActivity.working(activity);
  }
}
