package com.scopien.soql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Turns date values into {@link DateRange}s. Literals are calendar spans starting at 00:00 in the
 * context zone; weeks start on Sunday; quarters are calendar quarters.
 */
final class DateRanges {
  private DateRanges() {}

  static DateRange of(Value value, EvaluationContext ctx) {
    ZoneId zone = ctx.zone();
    if (value instanceof Value.DateValue d) {
      return days(d.value(), d.value().plusDays(1), zone);
    } else if (value instanceof Value.DateTimeValue t) {
      Instant at = t.instant();
      LocalDate day = LocalDate.ofInstant(at, zone);
      return new DateRange(day, day.plusDays(1), at, at.plusNanos(1));
    } else if (value instanceof Value.DateLiteral literal) {
      return literal(literal, ctx);
    }
    throw new SoqlException("not a date value: " + Printer.print(value));
  }

  private static DateRange literal(Value.DateLiteral literal, EvaluationContext ctx) {
    LocalDate today = ctx.today();
    LocalDate week = today.minusDays(today.getDayOfWeek().getValue() % 7);
    LocalDate month = today.withDayOfMonth(1);
    LocalDate quarter = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
    LocalDate year = today.withDayOfYear(1);
    int n = literal.n() == null ? 0 : literal.n();
    ZoneId z = ctx.zone();
    switch (literal.kind()) {
      case YESTERDAY:
        return days(today.minusDays(1), today, z);
      case TODAY:
        return days(today, today.plusDays(1), z);
      case TOMORROW:
        return days(today.plusDays(1), today.plusDays(2), z);
      case LAST_WEEK:
        return days(week.minusWeeks(1), week, z);
      case THIS_WEEK:
        return days(week, week.plusWeeks(1), z);
      case NEXT_WEEK:
        return days(week.plusWeeks(1), week.plusWeeks(2), z);
      case LAST_MONTH:
        return days(month.minusMonths(1), month, z);
      case THIS_MONTH:
        return days(month, month.plusMonths(1), z);
      case NEXT_MONTH:
        return days(month.plusMonths(1), month.plusMonths(2), z);
      case LAST_90_DAYS:
        return lastDays(90, ctx);
      case NEXT_90_DAYS:
        return days(today.plusDays(1), today.plusDays(91), z);
      case THIS_QUARTER:
        return days(quarter, quarter.plusMonths(3), z);
      case LAST_QUARTER:
        return days(quarter.minusMonths(3), quarter, z);
      case NEXT_QUARTER:
        return days(quarter.plusMonths(3), quarter.plusMonths(6), z);
      case THIS_YEAR:
        return days(year, year.plusYears(1), z);
      case LAST_YEAR:
        return days(year.minusYears(1), year, z);
      case NEXT_YEAR:
        return days(year.plusYears(1), year.plusYears(2), z);
      case LAST_N_DAYS:
        return lastDays(n, ctx);
      case NEXT_N_DAYS:
        return days(today.plusDays(1), today.plusDays(1L + n), z);
      case N_DAYS_AGO:
        return days(today.minusDays(n), today.minusDays(n - 1L), z);
      case LAST_N_WEEKS:
        return days(week.minusWeeks(n), week, z);
      case NEXT_N_WEEKS:
        return days(week.plusWeeks(1), week.plusWeeks(1L + n), z);
      case N_WEEKS_AGO:
        return days(week.minusWeeks(n), week.minusWeeks(n - 1L), z);
      case LAST_N_MONTHS:
        return days(month.minusMonths(n), month, z);
      case NEXT_N_MONTHS:
        return days(month.plusMonths(1), month.plusMonths(1L + n), z);
      case N_MONTHS_AGO:
        return days(month.minusMonths(n), month.minusMonths(n - 1L), z);
      case LAST_N_QUARTERS:
        return days(quarter.minusMonths(3L * n), quarter, z);
      case NEXT_N_QUARTERS:
        return days(quarter.plusMonths(3), quarter.plusMonths(3 + 3L * n), z);
      case N_QUARTERS_AGO:
        return days(quarter.minusMonths(3L * n), quarter.minusMonths(3L * n - 3), z);
      case LAST_N_YEARS:
        return days(year.minusYears(n), year, z);
      case NEXT_N_YEARS:
        return days(year.plusYears(1), year.plusYears(1L + n), z);
      case N_YEARS_AGO:
        return days(year.minusYears(n), year.minusYears(n - 1L), z);
      default:
        throw new SoqlException("unsupported date literal: " + literal.kind());
    }
  }

  /** From 00:00 {@code n} days ago through now (dates: through today). */
  private static DateRange lastDays(int n, EvaluationContext ctx) {
    LocalDate today = ctx.today();
    LocalDate start = today.minusDays(n);
    return new DateRange(
        start,
        today.plusDays(1),
        start.atStartOfDay(ctx.zone()).toInstant(),
        ctx.now().plusNanos(1));
  }

  private static DateRange days(LocalDate start, LocalDate endExclusive, ZoneId zone) {
    return new DateRange(
        start,
        endExclusive,
        start.atStartOfDay(zone).toInstant(),
        endExclusive.atStartOfDay(zone).toInstant());
  }
}
