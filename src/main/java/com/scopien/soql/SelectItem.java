package com.scopien.soql;

import java.util.Objects;

/** One entry of a SELECT list. Immutable; names are validated on construction. */
public sealed interface SelectItem {

  /** A field or child-to-parent path ({@code Name}, {@code Owner.Profile.Name}), maybe aliased. */
  record Field(String path, String alias) implements SelectItem {
    public Field {
      Identifiers.requirePath(path, "field name");
      Identifiers.requireAlias(alias);
    }

    /** A field without an alias. */
    public Field(String path) {
      this(path, null);
    }
  }

  /** {@code FIELDS(STANDARD)}, {@code FIELDS(ALL)} or {@code FIELDS(CUSTOM)}. */
  record FieldsFunction(FieldsKind kind) implements SelectItem {
    public FieldsFunction {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** Which fields {@code FIELDS(...)} stands for. */
  enum FieldsKind {
    STANDARD,
    ALL,
    CUSTOM
  }

  /**
   * An aggregate: {@code COUNT()} when {@code function} is COUNT and {@code field} is null, else
   * {@code FUNCTION(field)}, with an optional alias (unaliased ones come back as {@code expr0},
   * {@code expr1}...). {@code COUNT()} takes no alias and must be alone in its SELECT list.
   */
  record Aggregate(AggregateFunction function, String field, String alias) implements SelectItem {
    public Aggregate {
      Objects.requireNonNull(function, "function");
      if (field == null) {
        if (function != AggregateFunction.COUNT) {
          throw new SoqlException(function + "() needs a field");
        }
        if (alias != null) {
          throw new SoqlException("COUNT() cannot have an alias");
        }
      } else {
        Identifiers.requirePath(field, "field name");
      }
      Identifiers.requireAlias(alias);
    }

    /** Whether this is {@code COUNT()}, the row count alone. */
    public boolean isCountOnly() {
      return function == AggregateFunction.COUNT && field == null;
    }
  }

  /** The aggregate functions. */
  enum AggregateFunction {
    COUNT,
    COUNT_DISTINCT,
    SUM,
    AVG,
    MIN,
    MAX
  }

  /**
   * A parent-to-child subquery, {@code (SELECT LastName FROM Contacts)}; the inner {@code from} is
   * the child relationship name. One level only: no subquery, semi-join or OFFSET inside.
   */
  record SubQuery(SoqlQuery query) implements SelectItem {
    public SubQuery {
      Objects.requireNonNull(query, "query");
      SoqlQuery.requireNestable(query);
    }
  }
}
