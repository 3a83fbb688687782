package com.scopien.agent;

import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The time zone of the person a reply is written for, for the length of one turn on the thread that
 * runs it: the browser's or Slack profile's zone, else the one the conversation last used, else
 * UTC. {@link PeopleWords} writes moments in it, so every reply of the turn ("Dec 7, 6:58 PM EST")
 * speaks the reader's time without each tool passing the zone along.
 */
final class ReaderZone {
  static final ZoneId UTC = ZoneId.of("UTC");
  private static final ThreadLocal<ZoneId> CURRENT = new ThreadLocal<>();

  private ReaderZone() {}

  static ZoneId current() {
    ZoneId zone = CURRENT.get();
    return zone == null ? UTC : zone;
  }

  /** Runs {@code work} with {@code zone} as the reader's zone, restoring the previous one after. */
  static <T> T with(ZoneId zone, Supplier<T> work) {
    ZoneId before = CURRENT.get();
    CURRENT.set(zone);
    try {
      return work.get();
    } finally {
      if (before == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(before);
      }
    }
  }
}
