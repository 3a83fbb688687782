package com.scopien.localorg;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Counts REST calls against the daily allocation over a rolling 24 hours, in one-minute buckets, as
 * {@code Sforce-Limit-Info} and {@code /limits} report it. A call refused for the limit is not
 * counted. Thread-safe.
 */
final class ApiUsageMeter {

  private static final long BUCKET_MILLIS = Duration.ofMinutes(1).toMillis();
  private static final long WINDOW_BUCKETS = Duration.ofDays(1).toMillis() / BUCKET_MILLIS;

  /** Calls made in one minute. */
  private static final class Bucket {
    final long minute;
    long calls;

    Bucket(long minute) {
      this.minute = minute;
    }
  }

  private final Clock clock;
  private final int max;
  private final Deque<Bucket> buckets = new ArrayDeque<>();
  private long used;

  ApiUsageMeter(Clock clock, int max) {
    this.clock = clock;
    this.max = max;
  }

  /** Counts one call and returns the usage after it; throws REQUEST_LIMIT_EXCEEDED when spent. */
  synchronized long acquire() {
    expire();
    if (used >= max) {
      throw ApiError.limitExceeded();
    }
    add(1);
    return used;
  }

  /** Records calls made by others sharing the allocation (tests use it to near the limit). */
  synchronized void spend(long calls) {
    expire();
    add(calls);
  }

  synchronized long used() {
    expire();
    return used;
  }

  int max() {
    return max;
  }

  private void add(long calls) {
    long minute = clock.millis() / BUCKET_MILLIS;
    Bucket last = buckets.peekLast();
    if (last == null || last.minute != minute) {
      last = new Bucket(minute);
      buckets.addLast(last);
    }
    last.calls += calls;
    used += calls;
  }

  private void expire() {
    long oldestKept = clock.millis() / BUCKET_MILLIS - WINDOW_BUCKETS + 1;
    while (!buckets.isEmpty() && buckets.peekFirst().minute < oldestKept) {
      used -= buckets.removeFirst().calls;
    }
  }
}
