package com.scopien.soql;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed SOQL query: {@code SELECT select FROM from [alias] [WHERE where] [GROUP BY groupBy]
 * [ORDER BY orderBy] [LIMIT limit] [OFFSET offset]}. {@code alias}, {@code where}, {@code limit}
 * and {@code offset} are {@code null} when absent; the lists are empty when absent. Immutable and
 * validated on construction with Salesforce's parse-time rules: OFFSET at most 2,000, LIMIT and
 * OFFSET not negative, {@code FIELDS(ALL)} and {@code FIELDS(CUSTOM)} only with a LIMIT of at most
 * 200, {@code COUNT()} alone in its SELECT list.
 */
public record SoqlQuery(
    List<SelectItem> select,
    String from,
    String alias,
    Condition where,
    List<String> groupBy,
    List<OrderItem> orderBy,
    Integer limit,
    Integer offset) {

  /** Largest OFFSET Salesforce accepts. */
  public static final int MAX_OFFSET = 2000;

  /** Largest LIMIT that {@code FIELDS(ALL)} and {@code FIELDS(CUSTOM)} accept. */
  public static final int MAX_FIELDS_LIMIT = 200;

  static final String UNBOUNDED_FIELDS =
      "The SOQL FIELDS function is not supported with an unbounded set of fields in this API.";

  public SoqlQuery {
    select = List.copyOf(select);
    if (select.isEmpty()) {
      throw new SoqlException("SELECT needs at least one field");
    }
    Identifiers.requireObject(from);
    Identifiers.requireAlias(alias);
    groupBy = List.copyOf(groupBy);
    for (String g : groupBy) {
      Identifiers.requirePath(g, "field name");
    }
    orderBy = List.copyOf(orderBy);
    if (limit != null && limit < 0) {
      throw new SoqlException("LIMIT must be a non-negative integer");
    }
    if (offset != null && offset < 0) {
      throw new SoqlException("OFFSET must be a non-negative integer");
    }
    if (offset != null && offset > MAX_OFFSET) {
      throw new SoqlException(
          "Maximum SOQL offset allowed is " + MAX_OFFSET,
          0,
          0,
          SoqlException.NUMBER_OUTSIDE_VALID_RANGE,
          null);
    }
    boolean unboundedFields = false;
    for (SelectItem item : select) {
      if (item instanceof SelectItem.Aggregate a && a.isCountOnly() && select.size() > 1) {
        throw new SoqlException("COUNT() must be the only item in the SELECT list");
      }
      if (item instanceof SelectItem.FieldsFunction f
          && f.kind() != SelectItem.FieldsKind.STANDARD) {
        unboundedFields = true;
      }
    }
    if (unboundedFields && (limit == null || limit > MAX_FIELDS_LIMIT)) {
      throw new SoqlException(UNBOUNDED_FIELDS);
    }
  }

  /** Whether the query is {@code SELECT COUNT() FROM ...}: the answer is a row count only. */
  public boolean isCount() {
    return select.size() == 1 && select.get(0) instanceof SelectItem.Aggregate a && a.isCountOnly();
  }

  /** Whether the query aggregates: any aggregate function in SELECT, or a GROUP BY. */
  public boolean isAggregate() {
    return !groupBy.isEmpty() || select.stream().anyMatch(SelectItem.Aggregate.class::isInstance);
  }

  /** The first GROUP BY field, or {@code null} when there is none. */
  public String groupByField() {
    return groupBy.isEmpty() ? null : groupBy.get(0);
  }

  /** The parent-to-child subqueries of the SELECT list, in order. */
  public List<SoqlQuery> subqueries() {
    return select.stream()
        .filter(SelectItem.SubQuery.class::isInstance)
        .map(s -> ((SelectItem.SubQuery) s).query())
        .toList();
  }

  /**
   * Every field path this query reads on its own object, once each in order of appearance: SELECT
   * fields and aggregate arguments, WHERE, GROUP BY, ORDER BY. Paths in child subqueries and
   * semi-join subqueries belong to other objects and are not included; see {@link #subqueries()}
   * and {@link Condition.SemiJoin#query()}. For checking names against a schema.
   */
  public List<String> fieldPaths() {
    Set<String> paths = new LinkedHashSet<>();
    for (SelectItem item : select) {
      if (item instanceof SelectItem.Field f) {
        paths.add(f.path());
      } else if (item instanceof SelectItem.Aggregate a && a.field() != null) {
        paths.add(a.field());
      }
    }
    if (where != null) {
      Conditions.collectFields(where, paths);
    }
    paths.addAll(groupBy);
    orderBy.forEach(o -> paths.add(o.field()));
    return List.copyOf(paths);
  }

  /** Checks the rules for a query nested in another (a child subquery or a semi-join). */
  static void requireNestable(SoqlQuery q) {
    Objects.requireNonNull(q, "query");
    if (q.select().stream().anyMatch(SelectItem.SubQuery.class::isInstance)) {
      throw new SoqlException("subqueries cannot be nested");
    }
    if (q.where() != null && Conditions.hasSemiJoin(q.where())) {
      throw new SoqlException("semi-joins cannot be nested in a subquery");
    }
    if (q.offset() != null) {
      throw new SoqlException("OFFSET is allowed only in the outer query");
    }
  }
}
