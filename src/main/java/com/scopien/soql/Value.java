package com.scopien.soql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A literal on the right of a WHERE comparison. Instances are immutable and validated on
 * construction (a {@link SoqlException} for anything that could not be printed as SOQL).
 */
public sealed interface Value {

  /**
   * The literal for a plain Java value: {@code null}, {@link String}, {@link Boolean}, any {@link
   * Number} (finite), {@link LocalDate}, {@link Instant}, {@link OffsetDateTime}, {@link
   * ZonedDateTime}, or a {@code Value} as it is.
   *
   * @throws SoqlException for any other type, or a non-finite number
   */
  static Value of(Object value) {
    if (value == null) {
      return NullValue.INSTANCE;
    } else if (value instanceof Value v) {
      return v;
    } else if (value instanceof String s) {
      return new StringValue(s);
    } else if (value instanceof Boolean b) {
      return new BooleanValue(b);
    } else if (value instanceof Number n) {
      return new NumberValue(Numbers.toBigDecimal(n));
    } else if (value instanceof LocalDate d) {
      return new DateValue(d);
    } else if (value instanceof Instant i) {
      return new DateTimeValue(i.atOffset(ZoneOffset.UTC));
    } else if (value instanceof OffsetDateTime t) {
      return new DateTimeValue(t);
    } else if (value instanceof ZonedDateTime z) {
      return new DateTimeValue(z.toOffsetDateTime());
    }
    throw new SoqlException("unsupported value type: " + value.getClass().getSimpleName());
  }

  /** A quoted string; {@code value} is the text itself, with no SOQL escapes. */
  record StringValue(String value) implements Value {
    public StringValue {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A number, negative or not, with or without decimals (never an exponent in SOQL). */
  record NumberValue(BigDecimal value) implements Value {
    public NumberValue {
      Objects.requireNonNull(value, "value");
      if (value.scale() < 0) {
        value = value.setScale(0);
      }
    }
  }

  /** {@code true} or {@code false}. */
  record BooleanValue(boolean value) implements Value {}

  /** {@code null}. */
  record NullValue() implements Value {
    /** The one value every {@code NullValue} equals. */
    public static final NullValue INSTANCE = new NullValue();
  }

  /** A bare date, {@code 2024-01-31}, for date fields. Years 1 to 9999. */
  record DateValue(LocalDate value) implements Value {
    public DateValue {
      Objects.requireNonNull(value, "value");
      if (value.getYear() < 1 || value.getYear() > 9999) {
        throw new SoqlException("date out of range: " + value);
      }
    }
  }

  /**
   * A bare datetime, {@code 2024-01-31T10:00:00Z}, {@code ...:00.123Z} or {@code ...:00+01:00}, for
   * datetime fields. The offset is kept as written; it must be whole minutes and the year 1 to
   * 9999.
   */
  record DateTimeValue(OffsetDateTime value) implements Value {
    public DateTimeValue {
      Objects.requireNonNull(value, "value");
      if (value.getYear() < 1 || value.getYear() > 9999) {
        throw new SoqlException("datetime out of range: " + value);
      }
      if (value.getOffset().getTotalSeconds() % 60 != 0) {
        throw new SoqlException("datetime offset must be whole minutes: " + value);
      }
    }

    /** The instant this datetime names. */
    public Instant instant() {
      return value.toInstant();
    }
  }

  /**
   * A relative date literal such as {@code TODAY} or {@code LAST_N_DAYS:30}; {@code n} is set (0 to
   * 1,000,000) exactly when the kind takes one.
   */
  record DateLiteral(Kind kind, Integer n) implements Value {
    /** Largest accepted {@code n}, far beyond any useful range but safe for date arithmetic. */
    public static final int MAX_N = 1_000_000;

    public DateLiteral {
      Objects.requireNonNull(kind, "kind");
      if (kind.parameterised()) {
        if (n == null || n < 0 || n > MAX_N) {
          throw new SoqlException(kind + " needs a number from 0 to " + MAX_N + ", got " + n);
        }
      } else if (n != null) {
        throw new SoqlException(kind + " takes no number");
      }
    }

    /** A literal that takes no number, such as {@code TODAY}. */
    public DateLiteral(Kind kind) {
      this(kind, null);
    }

    /** The date literals; the {@code *_N_*} ones are written with a number, {@code NAME:n}. */
    public enum Kind {
      YESTERDAY(false),
      TODAY(false),
      TOMORROW(false),
      LAST_WEEK(false),
      THIS_WEEK(false),
      NEXT_WEEK(false),
      LAST_MONTH(false),
      THIS_MONTH(false),
      NEXT_MONTH(false),
      LAST_90_DAYS(false),
      NEXT_90_DAYS(false),
      THIS_QUARTER(false),
      LAST_QUARTER(false),
      NEXT_QUARTER(false),
      THIS_YEAR(false),
      LAST_YEAR(false),
      NEXT_YEAR(false),
      LAST_N_DAYS(true),
      NEXT_N_DAYS(true),
      N_DAYS_AGO(true),
      LAST_N_WEEKS(true),
      NEXT_N_WEEKS(true),
      N_WEEKS_AGO(true),
      LAST_N_MONTHS(true),
      NEXT_N_MONTHS(true),
      N_MONTHS_AGO(true),
      LAST_N_QUARTERS(true),
      NEXT_N_QUARTERS(true),
      N_QUARTERS_AGO(true),
      LAST_N_YEARS(true),
      NEXT_N_YEARS(true),
      N_YEARS_AGO(true);

      private final boolean parameterised;

      Kind(boolean parameterised) {
        this.parameterised = parameterised;
      }

      /** Whether the literal is written with a number, {@code LAST_N_DAYS:30}. */
      public boolean parameterised() {
        return parameterised;
      }
    }
  }
}
