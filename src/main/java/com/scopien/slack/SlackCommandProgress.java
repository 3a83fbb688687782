package com.scopien.slack;

import com.scopien.ScopienException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
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
final class SlackCommandProgress extends TurnProgress {
  static final int MAX_UPDATES = 3;
  private static final Logger LOG = LoggerFactory.getLogger(SlackCommandProgress.class);

  private final SlackClient slack;
  private final URI responseUrl;
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
    progress.startTicking(ticker, grace, interval);
    return progress;
  }

  /** Replaces the note (or the last progress) with the answer. */
  void finish(SlackMessage answer) {
    stopTicking();
    synchronized (this) {
      finished = true;
      slack.respond(responseUrl, answer, true);
    }
  }

  @Override
  synchronized void tick() {
    if (finished || failed || !changed() || updates >= MAX_UPDATES) {
      return;
    }
    try {
      slack.respond(responseUrl, shown(), true);
      updates++;
    } catch (ScopienException e) {
      // Progress is a courtesy: the answer is still delivered by finish().
      LOG.warn("Could not show progress in Slack: {}", e.getMessage());
      failed = true;
    }
  }
}
