package com.scopien.localorg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * How values look on the wire: datetimes as {@code 2013-05-20T20:49:32.000+0000} (UTC, millis,
 * {@code +0000} rather than {@code Z}), dates as {@code 2013-05-20}; input datetimes may use {@code
 * Z}, {@code +hh:mm} or {@code +hhmm}.
 */
final class WireFormat {

  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private static final DateTimeFormatter OUT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);

  private static final List<DateTimeFormatter> IN =
      List.of(
          DateTimeFormatter.ISO_OFFSET_DATE_TIME,
          new DateTimeFormatterBuilder()
              .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
              .appendOffset("+HHMM", "Z")
              .toFormatter());

  private WireFormat() {}

  static String formatDateTime(Instant instant) {
    return formatDateTime(instant, "+0000");
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss.SSS} in UTC followed by {@code zone} ({@code +0000} for REST, {@code
   * Z} for Bulk CSV). Written by hand: it runs for every datetime of every row served, and the
   * general formatter costs several times more.
   */
  static String formatDateTime(Instant instant, String zone) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    if (t.getYear() < 1000 || t.getYear() > 9999) {
      return OUT.format(instant).replace("+0000", zone);
    }
    StringBuilder out = new StringBuilder(24 + zone.length());
    out.append(t.getYear()).append('-');
    two(out, t.getMonthValue()).append('-');
    two(out, t.getDayOfMonth()).append('T');
    two(out, t.getHour()).append(':');
    two(out, t.getMinute()).append(':');
    two(out, t.getSecond()).append('.');
    int millis = instant.getNano() / 1_000_000;
    out.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10));
    return out.append((char) ('0' + millis % 10)).append(zone).toString();
  }

  private static StringBuilder two(StringBuilder out, int value) {
    return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  /** Parses an input datetime; throws {@link DateTimeParseException} when it is not one. */
  static Instant parseDateTime(String text) {
    DateTimeParseException last = null;
    for (DateTimeFormatter formatter : IN) {
      try {
        return OffsetDateTime.parse(text, formatter).toInstant().truncatedTo(ChronoUnit.MILLIS);
      } catch (DateTimeParseException e) {
        last = e;
      }
    }
    throw last;
  }

  /** A stored value as JSON: numbers as numbers, dates and datetimes as Salesforce strings. */
  static JsonNode toJson(Object value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value == null) {
      return NullNode.getInstance();
    } else if (value instanceof String s) {
      return nodes.textNode(s);
    } else if (value instanceof Boolean b) {
      return nodes.booleanNode(b);
    } else if (value instanceof Integer i) {
      return nodes.numberNode(i);
    } else if (value instanceof Long l) {
      return nodes.numberNode(l);
    } else if (value instanceof Double d) {
      return nodes.numberNode(d);
    } else if (value instanceof LocalDate d) {
      return nodes.textNode(d.toString());
    } else if (value instanceof Instant i) {
      return nodes.textNode(formatDateTime(i));
    }
    throw new IllegalArgumentException("no wire form for " + value.getClass().getSimpleName());
  }
}
