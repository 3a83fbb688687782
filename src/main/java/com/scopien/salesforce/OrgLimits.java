package com.scopien.salesforce;

import java.util.Map;
import java.util.Optional;

/** The org's {@code /limits}: each entry a maximum and what remains. Unknown keys are kept. */
public record OrgLimits(Map<String, Limit> values) {
  public OrgLimits {
    values = Map.copyOf(values);
  }

  public Optional<Limit> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** {@code DailyApiRequests}, present in every org. */
  public Optional<Limit> dailyApiRequests() {
    return get("DailyApiRequests");
  }

  /** One limit: its maximum and what remains of it. */
  public record Limit(long max, long remaining) {
    public long used() {
      return max - remaining;
    }
  }
}
