package com.scopien.agent;

import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.soql.Condition;
import com.scopien.soql.OrderItem;
import com.scopien.soql.QueryBuilder;
import com.scopien.soql.SelectItem;
import com.scopien.soql.Soql;
import com.scopien.soql.SoqlQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A planned aggregate read, checked against the schema: one function of one field (or a count),
 * over the records that match the filters and the caller's visibility, optionally broken down by up
 * to two fields. Builds the SOQL as soql AST parts; every group field and the value have an alias
 * ({@code g0}, {@code g1}, {@code total}, {@code records}) so results read the same whatever the
 * paths.
 *
 * @param field the aggregated field; null for a count
 * @param visibility the owner condition of the caller's role, or null; in every query, never in the
 *     words describing the filters
 * @param order how to sort the groups; null for the default (largest value first)
 * @param limit how many groups to show
 */
record AggregatePlan(
    ObjectDescribe object,
    Function function,
    SchemaGuard.Resolved field,
    List<Group> groups,
    List<Condition> conditions,
    Condition visibility,
    Order order,
    int limit) {

  static final String VALUE = "total";
  static final String RECORDS = "records";

  /**
   * The most groups a breakdown reads. Salesforce answers at most 2,000 aggregate rows without
   * paging; more groups than this are refused rather than cut silently.
   */
  static final int MAX_GROUPS = 2000;

  AggregatePlan {
    groups = List.copyOf(groups);
    conditions = List.copyOf(conditions);
  }

  /** The functions of the tool's {@code function} argument. */
  enum Function {
    COUNT(SelectItem.AggregateFunction.COUNT),
    SUM(SelectItem.AggregateFunction.SUM),
    AVG(SelectItem.AggregateFunction.AVG),
    MIN(SelectItem.AggregateFunction.MIN),
    MAX(SelectItem.AggregateFunction.MAX);

    private final SelectItem.AggregateFunction soql;

    Function(SelectItem.AggregateFunction soql) {
      this.soql = soql;
    }
  }

  /** A breakdown field: its canonical path, its describe, its column heading and its alias. */
  record Group(String path, FieldDescribe field, String heading, String alias) {}

  /**
   * The order of the groups: by the aggregate value ({@code groupAlias} null) or by one of the
   * group fields.
   */
  record Order(String groupAlias, boolean descending) {
    boolean byValue() {
      return groupAlias == null;
    }
  }

  boolean grouped() {
    return !groups.isEmpty();
  }

  /**
   * The breakdown query: the groups in a stable order (by their fields), at most {@link
   * #MAX_GROUPS} + 1 of them so that too many can be told apart from exactly enough.
   */
  SoqlQuery breakdown() {
    List<SelectItem> select = new ArrayList<>();
    groups.forEach(g -> select.add(new SelectItem.Field(g.path(), g.alias())));
    select.addAll(values());
    QueryBuilder query = Soql.select(select).from(object.name());
    where().ifPresent(query::where);
    query.groupBy(groups.stream().map(Group::path).toArray(String[]::new));
    groups.forEach(g -> query.orderBy(OrderItem.asc(g.path())));
    return query.limit(MAX_GROUPS + 1).build();
  }

  /** The grand total over every matching record: the function and the number of records. */
  SoqlQuery total() {
    QueryBuilder query = Soql.select(values()).from(object.name());
    where().ifPresent(query::where);
    return query.build();
  }

  private List<SelectItem> values() {
    List<SelectItem> values = new ArrayList<>();
    if (function != Function.COUNT) {
      values.add(new SelectItem.Aggregate(function.soql, field.path(), VALUE));
    }
    // An average is over the records that have a value, so that is the count shown beside it.
    String counted = function == Function.AVG ? field.path() : "Id";
    values.add(new SelectItem.Aggregate(SelectItem.AggregateFunction.COUNT, counted, RECORDS));
    return values;
  }

  /** The alias the aggregate value comes back under. */
  String valueAlias() {
    return function == Function.COUNT ? RECORDS : VALUE;
  }

  Optional<Condition> where() {
    List<Condition> all = new ArrayList<>(conditions);
    if (visibility != null) {
      all.add(visibility);
    }
    if (all.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(all.size() == 1 ? all.get(0) : Condition.and(all.toArray(Condition[]::new)));
  }
}
