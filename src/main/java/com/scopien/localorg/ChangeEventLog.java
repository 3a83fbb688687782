package com.scopien.localorg;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The org's retained change events, in replay order: what {@code /meta/connect} hands out and what
 * a subscriber may replay. Replay ids start at 1 and grow by one per event; events are kept for the
 * retention window (72 hours, as Salesforce keeps them) and at most {@code capacity} of them, the
 * oldest dropped first. Publishing is cheap (an append under a lock) and wakes every waiting
 * long-poll. Thread-safe.
 */
final class ChangeEventLog {

  /** One retained event: its replay id, the object it is about and its {@code data} document. */
  record Event(long replayId, String entityName, Instant publishedAt, ObjectNode data) {}

  static final Duration RETENTION = Duration.ofHours(72);

  private final Clock clock;
  private final int capacity;
  private final Deque<Event> events = new ArrayDeque<>();
  private long lastReplayId;
  private CompletableFuture<Void> nextPublish = new CompletableFuture<>();
  private boolean closed;

  ChangeEventLog(Clock clock, int capacity) {
    this.clock = clock;
    this.capacity = capacity;
  }

  /** Appends an event built from its replay id, and wakes the waiting subscribers. */
  void publish(String entityName, java.util.function.LongFunction<ObjectNode> data) {
    CompletableFuture<Void> woken;
    synchronized (this) {
      long replayId = ++lastReplayId;
      events.addLast(new Event(replayId, entityName, clock.instant(), data.apply(replayId)));
      expire();
      woken = nextPublish;
      nextPublish = new CompletableFuture<>();
    }
    woken.complete(null);
  }

  /** The newest replay id handed out (0 before the first event). */
  synchronized long lastReplayId() {
    return lastReplayId;
  }

  /**
   * Whether a subscriber may resume after {@code replayId}: -1 (new events only), -2 (everything
   * retained), or an id from the newest back to just before the oldest retained event.
   */
  synchronized boolean replayable(long replayId) {
    if (replayId == -1 || replayId == -2) {
      return true;
    }
    expire();
    long oldest = events.isEmpty() ? lastReplayId + 1 : events.peekFirst().replayId();
    return replayId >= oldest - 1 && replayId <= lastReplayId;
  }

  /** Retained events after {@code replayId} that {@code wanted} accepts, oldest first. */
  synchronized List<Event> after(long replayId, Predicate<Event> wanted, int limit) {
    expire();
    List<Event> found = new ArrayList<>();
    for (Event e : events) {
      if (e.replayId() > replayId && wanted.test(e)) {
        found.add(e);
        if (found.size() == limit) {
          break;
        }
      }
    }
    return found;
  }

  /** Completes at the next publish (or at once when the log is closed). */
  synchronized CompletableFuture<Void> nextPublish() {
    return closed ? CompletableFuture.completedFuture(null) : nextPublish;
  }

  /** Wakes every waiting long-poll for good; the org is stopping. */
  void close() {
    CompletableFuture<Void> woken;
    synchronized (this) {
      closed = true;
      woken = nextPublish;
    }
    woken.complete(null);
  }

  private void expire() {
    Instant oldestKept = clock.instant().minus(RETENTION);
    while (!events.isEmpty()
        && (events.size() > capacity || events.peekFirst().publishedAt().isBefore(oldestKept))) {
      events.removeFirst();
    }
  }
}
