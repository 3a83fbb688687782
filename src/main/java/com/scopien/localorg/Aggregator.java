package com.scopien.localorg;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopien.soql.EvaluationContext;
import com.scopien.soql.RowAccessor;
import com.scopien.soql.SoqlEvaluator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aggregate queries: groups the matching rows by the GROUP BY fields and computes COUNT,
 * COUNT_DISTINCT, SUM, AVG, MIN and MAX per group, as {@code AggregateResult} records (unaliased
 * aggregates named {@code expr0}, {@code expr1}...). Without GROUP BY there is one group, even over
 * no rows.
 */
final class Aggregator {

  private final QueryExecutor executor;

  Aggregator(QueryExecutor executor) {
    this.executor = executor;
  }

  List<ObjectNode> run(QueryPlan plan, boolean includeDeleted) {
    List<String> groupBy = plan.groupBy();
    List<StoredRecord> rows =
        executor.matching(plan, executor.store().rows(plan.object()), includeDeleted);
    Map<List<Object>, List<StoredRecord>> groups = new LinkedHashMap<>();
    for (StoredRecord row : rows) {
      List<Object> key = new ArrayList<>();
      for (String field : groupBy) {
        key.add(plan.path(field).value(row, executor.store()));
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    if (groupBy.isEmpty() && groups.isEmpty()) {
      groups.put(List.of(), List.of());
    }
    List<Group> results = new ArrayList<>();
    for (Map.Entry<List<Object>, List<StoredRecord>> group : groups.entrySet()) {
      results.add(new Group(group.getKey(), group.getValue()));
    }
    sort(plan, groupBy, results);
    int from = plan.offset() == null ? 0 : Math.min(plan.offset(), results.size());
    int to = plan.limit() == null ? results.size() : Math.min(from + plan.limit(), results.size());
    List<ObjectNode> records = new ArrayList<>();
    for (Group group : results.subList(from, to)) {
      records.add(render(plan, group));
    }
    return records;
  }

  private record Group(List<Object> key, List<StoredRecord> rows) {}

  private void sort(QueryPlan plan, List<String> groupBy, List<Group> groups) {
    if (plan.orderBy().isEmpty()) {
      return;
    }
    EvaluationContext ctx = executor.context();
    Comparator<RowAccessor> order = SoqlEvaluator.comparator(plan.orderBy(), ctx);
    groups.sort(
        (a, b) -> order.compare(groupAccessor(plan, groupBy, a), groupAccessor(plan, groupBy, b)));
  }

  private RowAccessor groupAccessor(QueryPlan plan, List<String> groupBy, Group group) {
    return path -> {
      for (int i = 0; i < groupBy.size(); i++) {
        if (groupBy.get(i).equalsIgnoreCase(path)) {
          return group.key().get(i);
        }
      }
      return group.rows().isEmpty()
          ? null
          : plan.path(path).value(group.rows().get(0), executor.store());
    };
  }

  private ObjectNode render(QueryPlan plan, Group group) {
    ObjectNode record = JsonNodeFactory.instance.objectNode();
    record.putObject("attributes").put("type", "AggregateResult");
    for (QueryPlan.Column column : plan.columns()) {
      if (column instanceof QueryPlan.GroupColumn g) {
        Object value =
            group.rows().isEmpty() ? null : g.path().value(group.rows().get(0), executor.store());
        record.set(g.key(), WireFormat.toJson(value));
      } else if (column instanceof QueryPlan.AggregateColumn a) {
        record.set(a.key(), WireFormat.toJson(aggregate(a, group.rows())));
      }
    }
    return record;
  }

  private Object aggregate(QueryPlan.AggregateColumn column, List<StoredRecord> rows) {
    List<Object> values = new ArrayList<>();
    for (StoredRecord row : rows) {
      Object value =
          column.path() == null ? Boolean.TRUE : column.path().value(row, executor.store());
      if (value != null) {
        values.add(value);
      }
    }
    return switch (column.function()) {
      case COUNT -> values.size();
      case COUNT_DISTINCT -> distinct(values).size();
      case SUM -> values.isEmpty() ? null : sum(values);
      case AVG -> values.isEmpty() ? null : sum(values) / values.size();
      case MIN -> values.stream().min(Aggregator::compare).orElse(null);
      case MAX -> values.stream().max(Aggregator::compare).orElse(null);
    };
  }

  private static Set<Object> distinct(List<Object> values) {
    Set<Object> seen = new HashSet<>();
    for (Object value : values) {
      seen.add(value instanceof String s ? s.toLowerCase() : value);
    }
    return seen;
  }

  private static double sum(List<Object> values) {
    double sum = 0;
    for (Object value : values) {
      sum += ((Number) value).doubleValue();
    }
    return sum;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof String x && b instanceof String y) {
      return String.CASE_INSENSITIVE_ORDER.compare(x, y);
    }
    return ((Comparable) a).compareTo(b);
  }
}
