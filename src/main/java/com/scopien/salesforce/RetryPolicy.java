package com.scopien.salesforce;

import com.scopien.ScopienException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When a failed call is tried again: only idempotent calls (reads, PATCH by Id, DELETE; never a
 * create), only on {@link ScopienException.Kind#RETRIABLE} failures, at most {@code maxAttempts}
 * attempts in all, waiting a random time between zero and {@code min(maxDelay, baseDelay *
 * 2^(n-1))} after the n-th failure ("full jitter"), so that many clients do not retry in step.
 *
 * @param sleeper how to wait; tests pass one that records instead of sleeping
 * @param random a source of doubles in [0, 1) for the jitter
 */
public record RetryPolicy(
    int maxAttempts,
    Duration baseDelay,
    Duration maxDelay,
    Sleeper sleeper,
    DoubleSupplier random) {

  /** Waits for a duration; {@link Thread#sleep} in production. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(random, "random");
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
    }
  }

  /** Five attempts, 500 ms base, 60 s cap, real sleeping. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        5,
        Duration.ofMillis(500),
        Duration.ofSeconds(60),
        d -> Thread.sleep(d.toMillis()),
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /** One attempt: every failure reaches the caller at once. */
  public static RetryPolicy none() {
    return defaults().withMaxAttempts(1);
  }

  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, baseDelay, maxDelay, sleeper, random);
  }

  public RetryPolicy withDelays(Duration base, Duration max) {
    return new RetryPolicy(maxAttempts, base, max, sleeper, random);
  }

  public RetryPolicy withSleeper(Sleeper newSleeper) {
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, newSleeper, random);
  }

  public RetryPolicy withRandom(DoubleSupplier newRandom) {
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, sleeper, newRandom);
  }

  /**
   * Whether a call that has failed {@code failedAttempts} times, the last with {@code e}, runs
   * again.
   */
  public boolean allowsRetry(int failedAttempts, boolean idempotent, ScopienException e) {
    return idempotent && e.retriable() && failedAttempts < maxAttempts;
  }

  /** The wait after the {@code failedAttempts}-th failure (1-based). */
  public Duration backoff(int failedAttempts) {
    long base = baseDelay.toNanos();
    long cap = maxDelay.toNanos();
    int shift = Math.max(0, Math.min(failedAttempts - 1, 62));
    long ceiling = base > (cap >> shift) ? cap : Math.min(cap, base << shift);
    double r = Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
    return Duration.ofNanos((long) (r * ceiling));
  }
}
