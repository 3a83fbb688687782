package com.scopien.salesforce;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code Sforce-Limit-Info} ({@code api-usage=18/5000}, possibly followed by {@code
 * per-app-api-usage=17/250(appName=x)}), keeps the last reading and passes each one on.
 */
final class ApiUsageTracker {
  private static final Logger log = LoggerFactory.getLogger(ApiUsageTracker.class);

  private final Clock clock;
  private final Consumer<ApiUsage> listener;
  private final AtomicReference<ApiUsage> last = new AtomicReference<>();

  ApiUsageTracker(Clock clock, Consumer<ApiUsage> listener) {
    this.clock = clock;
    this.listener = listener;
  }

  void record(Optional<String> header) {
    header.flatMap(ApiUsageTracker::parse).ifPresent(this::publish);
  }

  Optional<ApiUsage> last() {
    return Optional.ofNullable(last.get());
  }

  private void publish(long[] usedAndMax) {
    ApiUsage usage = new ApiUsage(usedAndMax[0], usedAndMax[1], clock.instant());
    last.set(usage);
    try {
      listener.accept(usage);
    } catch (RuntimeException e) {
      // A broken listener must not fail the call whose reply carried the reading.
      log.warn("API usage listener failed", e);
    }
  }

  /**
   * {@code used} and {@code max} of the org-wide {@code api-usage} entry, if the header has one.
   */
  static Optional<long[]> parse(String header) {
    for (String part : header.split("[,;]")) {
      String entry = part.trim();
      if (!entry.regionMatches(true, 0, "api-usage=", 0, 10)) {
        continue;
      }
      String[] numbers = entry.substring(10).trim().split("/");
      if (numbers.length != 2) {
        return Optional.empty();
      }
      try {
        long used = Long.parseLong(numbers[0].trim());
        long max = Long.parseLong(numbers[1].trim());
        return used < 0 || max < 0 ? Optional.empty() : Optional.of(new long[] {used, max});
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
