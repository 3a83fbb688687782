package com.scopien.soql;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What evaluation needs besides the row: the clock that says what "now" and {@code TODAY} are, and
 * the time zone of the querying user, in which date literals start at 00:00. Weeks start on Sunday
 * (the en_US locale). Immutable.
 */
public record EvaluationContext(Clock clock, ZoneId zone) {
  public EvaluationContext {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(zone, "zone");
  }

  /** A context in the clock's own zone. */
  public static EvaluationContext of(Clock clock) {
    return new EvaluationContext(clock, clock.getZone());
  }

  /** The current instant. */
  public Instant now() {
    return clock.instant();
  }

  /** Today's date in the context zone. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), zone);
  }
}
