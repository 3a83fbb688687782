package com.scopien.soql;

/**
 * A read-only view of one record for the evaluator. Implementations resolve field names and
 * relationship paths ({@code Account.Name}) case-insensitively, as Salesforce does, and return
 * {@code null} for an empty field or a path through an empty lookup.
 *
 * <p>Values are {@link String}, {@link Boolean}, a {@link Number} ({@link java.math.BigDecimal},
 * {@link Long}, {@link Integer}, {@link Double}...; compared by value), {@link java.time.LocalDate}
 * for date fields, {@link java.time.Instant} or {@link java.time.OffsetDateTime} for datetime
 * fields, or {@code null}. Multi-select picklists are one string with values separated by {@code
 * ;}.
 */
@FunctionalInterface
public interface RowAccessor {
  /** The value of the field or path, or {@code null}. */
  Object get(String path);
}
