package com.scopien.agent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Dates and times as people write them: "Nov 24, 2026" for a date, "Dec 7, 2026, 11:58 PM UTC" for
 * a moment, instead of the API's 2026-12-07T23:58:51.080Z. Moments are written in the reader's time
 * zone ({@link ReaderZone}): "Dec 7, 2026, 6:58 PM EST" for a reader in New York.
 */
final class PeopleWords {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a z", Locale.US);

  private static final DateTimeFormatter SAME_YEAR =
      DateTimeFormatter.ofPattern("MMM d, h:mm a z", Locale.US);

  private PeopleWords() {}

  /**
   * How long ago a moment was: "just now", "2 minutes ago", "3 hours ago"; older than a day, the
   * moment itself ("Dec 7, 11:58 PM UTC").
   */
  static String since(java.time.Instant then, java.time.Instant now) {
    long seconds = java.time.Duration.between(then, now).getSeconds();
    if (seconds < 60) {
      return "just now";
    }
    long minutes = seconds / 60;
    if (minutes < 60) {
      return minutes == 1 ? "1 minute ago" : minutes + " minutes ago";
    }
    long hours = minutes / 60;
    if (hours < 24) {
      return hours == 1 ? "1 hour ago" : hours + " hours ago";
    }
    java.time.ZoneId zone = ReaderZone.current();
    java.time.ZonedDateTime at = then.atZone(zone);
    return "on "
        + (at.getYear() == now.atZone(zone).getYear() ? at.format(SAME_YEAR) : at.format(MOMENT));
  }

  /** The value as a date a person reads, when it is an ISO date. */
  static Optional<String> date(Object value) {
    if (value == null || !value.toString().matches("\\d{4}-\\d{2}-\\d{2}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value.toString()).format(DATE));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The value as a moment a person reads, when it is an ISO date-time. */
  static Optional<String> moment(Object value) {
    if (value == null || !value.toString().matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
      return Optional.empty();
    }
    try {
      String text = value.toString().replaceAll("([+-]\\d{2})(\\d{2})$", "$1:$2");
      return Optional.of(
          OffsetDateTime.parse(text).atZoneSameInstant(ReaderZone.current()).format(MOMENT));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
