package com.scopien.localorg;

import com.scopien.soql.Condition;
import com.scopien.soql.OrderItem;
import com.scopien.soql.SelectItem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A query checked against the schema and ready to run: the object, what to select, the WHERE clause
 * with semi-joins already turned into IN lists, and every path it reads, resolved.
 */
record QueryPlan(
    ObjectDef object,
    Kind kind,
    List<Column> columns,
    Condition where,
    List<String> groupBy,
    List<OrderItem> orderBy,
    Integer limit,
    Integer offset,
    Map<String, FieldPath> paths,
    Map<Condition.SemiJoin, Set<String>> semiJoins) {

  /** How the result is shaped. */
  enum Kind {
    /** Rows, paged. */
    RECORDS,
    /** {@code SELECT COUNT()}: only totalSize. */
    COUNT,
    /** Aggregate functions and/or GROUP BY: AggregateResult rows. */
    AGGREGATE
  }

  /** One entry of the result rows. */
  sealed interface Column {}

  /** A field or child-to-parent path. */
  record FieldColumn(FieldPath path) implements Column {}

  /** A parent-to-child subquery. */
  record ChildColumn(String relationshipName, FieldDef childField, QueryPlan plan)
      implements Column {}

  /** A GROUP BY field in an aggregate query, under its output name. */
  record GroupColumn(String key, FieldPath path) implements Column {}

  /** An aggregate function in an aggregate query; {@code path} is null for COUNT(). */
  record AggregateColumn(String key, SelectItem.AggregateFunction function, FieldPath path)
      implements Column {}

  /** Membership test of a semi-join, for the evaluator. */
  Predicate<Object> semiJoin(Condition.SemiJoin join) {
    Set<String> values = semiJoins.get(join);
    return value -> values.contains(value.toString().toLowerCase(java.util.Locale.ROOT));
  }

  /** The resolved path as written in the query (WHERE, ORDER BY and GROUP BY use these). */
  FieldPath path(String text) {
    FieldPath path = paths.get(text);
    if (path == null) {
      throw new IllegalStateException("path not planned: " + text);
    }
    return path;
  }
}
