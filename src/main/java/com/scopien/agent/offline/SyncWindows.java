package com.scopien.agent.offline;

import java.util.Optional;
import java.util.regex.Pattern;

/** "in the last day", "past 3 days", "this week": how far back to look for sync errors. */
final class SyncWindows {
  private static final Pattern DAYS = Pattern.compile("\\b(?:last|past)\\s+(\\d{1,2})\\s+days?\\b");
  private static final Pattern HOURS =
      Pattern.compile("\\b(?:last|past)\\s+(\\d{1,3})\\s+hours?\\b");

  private SyncWindows() {}

  static Optional<Integer> sinceHours(Utterance u) {
    var hours = u.first(HOURS);
    if (hours.isPresent()) {
      return Optional.of(Math.min(720, Integer.parseInt(hours.get().group(1))));
    }
    var days = u.first(DAYS);
    if (days.isPresent()) {
      return Optional.of(Math.min(720, 24 * Integer.parseInt(days.get().group(1))));
    }
    if (u.hasAny("last day", "today", "past day", "24 hours")) {
      return Optional.of(24);
    }
    if (u.hasAny("this week", "last week", "past week")) {
      return Optional.of(168);
    }
    return Optional.empty();
  }
}
