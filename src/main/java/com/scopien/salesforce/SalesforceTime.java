package com.scopien.salesforce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * Salesforce's date and time text. Replies carry datetimes as {@code 2013-05-20T20:49:32.000+0000}
 * (offset without a colon) and dates as {@code 2013-05-20}; record values keep that text, and these
 * helpers turn it into java.time values. Input written with {@code Z} or {@code +00:00} is read
 * too.
 */
public final class SalesforceTime {
  private static final DateTimeFormatter READ =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter();
  private static final DateTimeFormatter WRITE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);

  private SalesforceTime() {}

  /**
   * The instant of a Salesforce datetime.
   *
   * @throws IllegalArgumentException when the text is not a datetime with an offset
   */
  public static Instant parseDateTime(String text) {
    try {
      return OffsetDateTime.parse(text, READ).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Not a Salesforce datetime: " + text, e);
    }
  }

  /** The date of a Salesforce date ({@code yyyy-MM-dd}). */
  public static LocalDate parseDate(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Not a Salesforce date: " + text, e);
    }
  }

  /** An instant as Salesforce writes it: UTC, milliseconds, {@code +0000}. */
  public static String formatDateTime(Instant instant) {
    return WRITE.format(instant);
  }
}
