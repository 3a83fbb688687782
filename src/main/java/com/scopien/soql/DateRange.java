package com.scopien.soql;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The span a date value stands for, as dates for date fields and as instants for datetime fields;
 * both ends are exclusive at the end. A date literal ({@code THIS_MONTH}) spans whole days in the
 * context zone; {@code LAST_N_DAYS:n} ends now for datetimes (and after today for dates); a bare
 * datetime is the single instant. {@code =} means inside, {@code <} before {@code start}, {@code >}
 * at or after {@code end}. Useful to translate date conditions to SQL.
 */
public record DateRange(
    LocalDate startDate, LocalDate endDateExclusive, Instant start, Instant endExclusive) {

  /** Whether the date lies inside the range. */
  public boolean contains(LocalDate date) {
    return !date.isBefore(startDate) && date.isBefore(endDateExclusive);
  }

  /** Whether the instant lies inside the range. */
  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(endExclusive);
  }
}
