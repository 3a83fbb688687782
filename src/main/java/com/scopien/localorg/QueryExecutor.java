package com.scopien.localorg;

import com.scopien.soql.EvaluationContext;
import com.scopien.soql.RowAccessor;
import com.scopien.soql.SoqlEvaluator;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs planned queries over the store with the shared evaluator: filters (deleted rows only for
 * queryAll), sorts, applies OFFSET and LIMIT, and finds the children of child subqueries. Date
 * literals are evaluated in GMT, the demo user's time zone.
 */
final class QueryExecutor {

  private final RecordStore store;
  private final Clock clock;

  QueryExecutor(RecordStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  RecordStore store() {
    return store;
  }

  EvaluationContext context() {
    return new EvaluationContext(clock, ZoneOffset.UTC);
  }

  /** The rows the query selects, in order, with OFFSET and LIMIT applied. */
  List<StoredRecord> rows(QueryPlan plan, boolean includeDeleted) {
    return rows(plan, store.rows(plan.object()), includeDeleted);
  }

  /** Like {@link #rows(QueryPlan, boolean)} over some of the object's rows (a PK chunk). */
  List<StoredRecord> rows(QueryPlan plan, List<StoredRecord> candidates, boolean includeDeleted) {
    List<StoredRecord> matched = matching(plan, candidates, includeDeleted);
    sort(plan, matched);
    return window(matched, plan.offset(), plan.limit());
  }

  /** The rows the WHERE clause keeps, in Id order, before sorting and windowing. */
  List<StoredRecord> matching(
      QueryPlan plan, List<StoredRecord> candidates, boolean includeDeleted) {
    EvaluationContext ctx = context();
    List<StoredRecord> matched = new ArrayList<>();
    for (StoredRecord row : candidates) {
      if (!includeDeleted && row.deleted()) {
        continue;
      }
      if (plan.where() == null
          || SoqlEvaluator.matches(plan.where(), accessor(plan, row), ctx, plan::semiJoin)) {
        matched.add(row);
      }
    }
    return matched;
  }

  void sort(QueryPlan plan, List<StoredRecord> rows) {
    if (plan.orderBy().isEmpty()) {
      return;
    }
    Comparator<RowAccessor> order = SoqlEvaluator.comparator(plan.orderBy(), context());
    Map<StoredRecord, RowAccessor> accessors = new HashMap<>();
    for (StoredRecord row : rows) {
      accessors.put(row, accessor(plan, row));
    }
    rows.sort((a, b) -> order.compare(accessors.get(a), accessors.get(b)));
  }

  /**
   * The children of each parent for a child subquery, keyed by parent Id; parents without children
   * are absent.
   */
  Map<String, List<StoredRecord>> children(
      QueryPlan.ChildColumn column, Set<String> parentIds, boolean includeDeleted) {
    QueryPlan plan = column.plan();
    List<StoredRecord> candidates = new ArrayList<>();
    for (StoredRecord row : store.rows(plan.object())) {
      Object parent = row.get(column.childField().name());
      if (parent != null && parentIds.contains(parent)) {
        candidates.add(row);
      }
    }
    Map<String, List<StoredRecord>> byParent = new HashMap<>();
    for (StoredRecord row : matching(plan, candidates, includeDeleted)) {
      byParent
          .computeIfAbsent((String) row.get(column.childField().name()), k -> new ArrayList<>())
          .add(row);
    }
    byParent.replaceAll(
        (parent, rows) -> {
          sort(plan, rows);
          return window(rows, null, plan.limit());
        });
    return byParent;
  }

  RowAccessor accessor(QueryPlan plan, StoredRecord row) {
    return path -> plan.path(path).value(row, store);
  }

  private static List<StoredRecord> window(List<StoredRecord> rows, Integer offset, Integer limit) {
    int from = offset == null ? 0 : Math.min(offset, rows.size());
    int to = limit == null ? rows.size() : (int) Math.min((long) from + limit, rows.size());
    return from == 0 && to == rows.size() ? rows : new ArrayList<>(rows.subList(from, to));
  }
}
