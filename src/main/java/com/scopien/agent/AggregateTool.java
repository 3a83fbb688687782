package com.scopien.agent;

import com.scopien.salesforce.ObjectDescribe;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.soql.Condition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The aggregate_records tool: a count, sum, average, minimum or maximum over the records that match
 * the filters, optionally broken down by up to two fields, with the grand total. Roles and hidden
 * fields apply as for query_records: the same field checks, the same owner condition in the query.
 * Answered from the mirror when it can aggregate in its store ({@link LocalMirror#aggregate}), else
 * live with one SOQL aggregate query (two for a broken-down average).
 */
final class AggregateTool {
  private final SchemaGuard guard;
  private final AggregatePlanner planner;
  private final RecordReads reads;
  private final RecordVisibility visibility;

  AggregateTool(SchemaGuard guard, RecordReads reads, RecordVisibility visibility) {
    this.guard = guard;
    this.planner = new AggregatePlanner(guard);
    this.reads = reads;
    this.visibility = visibility;
  }

  /** One row of the answer: the group values (none for a grand total), the value, the count. */
  record Row(List<Object> keys, Object value, long records) {}

  /** The groups in the order to show, the grand total, and whether more groups exist. */
  record Result(List<Row> groups, int allGroups, Row total, RecordReads.Source source) {}

  ToolOutcome aggregate(ToolContext ctx, ToolArgs args) {
    ObjectDescribe object = guard.object(ctx, args.requiredText("object"));
    VisibleOwners who = visibility.of(ctx.user(), ctx.org());
    AggregatePlan plan = planner.plan(ctx, object, args, who.condition(object).orElse(null));
    if (who.restricts(object) && !who.linked()) {
      return ToolOutcome.ok(ReadTools.notLinked(ctx, ReadTools.plural(object)));
    }
    Result result = run(ctx, plan);
    List<AggregateWords.Worded> filters = new ArrayList<>();
    for (Condition condition : plan.conditions()) {
      filters.add(worded(ctx, object, condition));
    }
    String whose = who.restricts(object) ? " " + who.whose() : "";
    return ToolOutcome.ok(
            AggregateReply.write(
                plan,
                result,
                AggregateWords.describe(ReadTools.plural(object) + whose, filters),
                reads.from(ctx, result.source())))
        .readFrom(result.source());
  }

  Result run(ToolContext ctx, AggregatePlan plan) {
    if (!plan.grouped()) {
      RecordReads.Page page = reads.aggregate(ctx, plan.total());
      Row total =
          rows(plan, page.records()).stream().findFirst().orElse(new Row(List.of(), null, 0));
      return new Result(List.of(), 0, total, page.source());
    }
    RecordReads.Page page = reads.aggregate(ctx, plan.breakdown());
    List<Row> groups = new ArrayList<>(rows(plan, page.records()));
    if (groups.size() > AggregatePlan.MAX_GROUPS) {
      throw new ToolException(
          "That breaks down into more than "
              + RecordTable.count(AggregatePlan.MAX_GROUPS)
              + " groups. Add a filter, or group by a field with fewer values.");
    }
    Row total = total(ctx, plan, groups);
    groups.sort(order(plan));
    List<Row> shown = groups.subList(0, Math.min(plan.limit(), groups.size()));
    return new Result(List.copyOf(shown), groups.size(), total, page.source());
  }

  /**
   * The grand total: added up from the groups for a count or a sum, their extreme for a minimum or
   * maximum (every group is read), asked for separately for an average.
   */
  private Row total(ToolContext ctx, AggregatePlan plan, List<Row> groups) {
    long records = groups.stream().mapToLong(Row::records).sum();
    return switch (plan.function()) {
      case COUNT -> new Row(List.of(), records, records);
      case SUM ->
          new Row(
              List.of(),
              groups.stream()
                  .map(Row::value)
                  .map(v -> v == null ? BigDecimal.ZERO : AggregateNumbers.decimal(v))
                  .reduce(BigDecimal.ZERO, BigDecimal::add),
              records);
      case MIN, MAX -> {
        boolean min = plan.function() == AggregatePlan.Function.MIN;
        Object extreme = null;
        for (Row group : groups) {
          Object value = group.value();
          if (value != null && (extreme == null || (compareValues(value, extreme) < 0) == min)) {
            extreme = value;
          }
        }
        yield new Row(List.of(), extreme, records);
      }
      case AVG -> {
        RecordReads.Page page = reads.aggregate(ctx, plan.total());
        yield rows(plan, page.records()).stream()
            .findFirst()
            .orElse(new Row(List.of(), null, records));
      }
    };
  }

  private static List<Row> rows(AggregatePlan plan, List<SObjectRecord> records) {
    List<Row> rows = new ArrayList<>();
    for (SObjectRecord record : records) {
      List<Object> keys = new ArrayList<>();
      plan.groups().forEach(g -> keys.add(record.get(g.alias())));
      Object count = record.get(AggregatePlan.RECORDS);
      long n = count == null ? 0 : AggregateNumbers.decimal(count).longValue();
      rows.add(new Row(keys, record.get(plan.valueAlias()), n));
    }
    return rows;
  }

  /** Largest value first unless asked otherwise; empty values last. */
  private static Comparator<Row> order(AggregatePlan plan) {
    AggregatePlan.Order order =
        plan.order() == null ? new AggregatePlan.Order(null, true) : plan.order();
    int index = -1;
    for (int i = 0; i < plan.groups().size(); i++) {
      if (plan.groups().get(i).alias().equals(order.groupAlias())) {
        index = i;
      }
    }
    int key = index;
    Comparator<Object> values = AggregateTool::compareValues;
    Comparator<Object> directed = order.descending() ? values.reversed() : values;
    Comparator<Row> byKey =
        Comparator.comparing(
            (Row r) -> key < 0 ? r.value() : r.keys().get(key), Comparator.nullsLast(directed));
    return byKey;
  }

  private static int compareValues(Object a, Object b) {
    BigDecimal x = a instanceof String ? null : AggregateNumbers.decimal(a);
    BigDecimal y = b instanceof String ? null : AggregateNumbers.decimal(b);
    if (x != null && y != null) {
      return x.compareTo(y);
    }
    return String.CASE_INSENSITIVE_ORDER.compare(a.toString(), b.toString());
  }

  private AggregateWords.Worded worded(
      ToolContext ctx, ObjectDescribe object, Condition condition) {
    String path =
        condition instanceof Condition.Comparison c
            ? c.field()
            : condition instanceof Condition.In in ? in.field() : null;
    SchemaGuard.Resolved field = guard.field(ctx, object, path);
    return new AggregateWords.Worded(
        condition, field.field(), QueryPlanner.heading(path, field.field()));
  }
}
