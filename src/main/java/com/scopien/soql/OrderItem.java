package com.scopien.soql;

import java.util.Objects;

/**
 * One ORDER BY key. Ascending unless {@code descending}; {@link Nulls#DEFAULT} puts nulls first
 * when ascending and last when descending, as Salesforce does.
 */
public record OrderItem(String field, boolean descending, Nulls nulls) {
  public OrderItem {
    Identifiers.requirePath(field, "field name");
    Objects.requireNonNull(nulls, "nulls");
  }

  /** Ascending, default null placement. */
  public static OrderItem asc(String field) {
    return new OrderItem(field, false, Nulls.DEFAULT);
  }

  /** Descending, default null placement. */
  public static OrderItem desc(String field) {
    return new OrderItem(field, true, Nulls.DEFAULT);
  }

  /** Whether nulls sort before other values for this key. */
  public boolean nullsFirst() {
    return nulls == Nulls.FIRST || (nulls == Nulls.DEFAULT && !descending);
  }

  /** Where nulls go: as written ({@code NULLS FIRST}, {@code NULLS LAST}) or by default. */
  public enum Nulls {
    DEFAULT,
    FIRST,
    LAST
  }
}
