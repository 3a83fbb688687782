package com.scopien.soql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * Brings row values to a few comparable forms: {@link String}, {@link Boolean}, {@link BigDecimal},
 * {@link LocalDate}, {@link Instant}. Anything else is kept as it is.
 */
final class RowValues {
  private RowValues() {}

  static Object normalize(Object v, EvaluationContext ctx) {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof LocalDate) {
      return v;
    } else if (v instanceof Number n) {
      BigDecimal d = Numbers.toBigDecimalOrNull(n);
      return d == null ? v : d;
    } else if (v instanceof Instant) {
      return v;
    } else if (v instanceof OffsetDateTime t) {
      return t.toInstant();
    } else if (v instanceof ZonedDateTime t) {
      return t.toInstant();
    } else if (v instanceof LocalDateTime t) {
      return t.atZone(ctx.zone()).toInstant();
    } else if (v instanceof Date d) {
      return d.toInstant();
    } else if (v instanceof Character || v instanceof CharSequence) {
      return v.toString();
    }
    return v;
  }

  /** A string holding an ISO date or datetime, as a {@link LocalDate} or {@link Instant}. */
  static Object temporalFromString(String s) {
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s);
      }
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }

  /** A string holding a number, or {@code null}. */
  static BigDecimal numberFromString(String s) {
    try {
      return new BigDecimal(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Order of two normalized non-null values, for ORDER BY: same kinds by value (text ignoring case,
   * dates against datetimes at 00:00 in the context zone), different kinds by a fixed rank.
   */
  static int compareForSort(Object a, Object b, EvaluationContext ctx) {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    switch (ra) {
      case 0:
        return Boolean.compare((Boolean) a, (Boolean) b);
      case 1:
        return ((BigDecimal) a).compareTo((BigDecimal) b);
      case 2:
        return String.CASE_INSENSITIVE_ORDER.compare((String) a, (String) b);
      case 3:
        return instant(a, ctx).compareTo(instant(b, ctx));
      default:
        return a.toString().compareTo(b.toString());
    }
  }

  private static int rank(Object v) {
    if (v instanceof Boolean) {
      return 0;
    } else if (v instanceof BigDecimal) {
      return 1;
    } else if (v instanceof String) {
      return 2;
    } else if (v instanceof LocalDate || v instanceof Instant) {
      return 3;
    }
    return 4;
  }

  private static Instant instant(Object v, EvaluationContext ctx) {
    return v instanceof LocalDate d ? d.atStartOfDay(ctx.zone()).toInstant() : (Instant) v;
  }
}
