package com.scopien.localorg;

import com.scopien.soql.Condition;
import com.scopien.soql.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prepares a WHERE clause for the shared evaluator: resolves and checks each field path, refuses
 * quoted values for date, number and boolean fields (as Salesforce does), widens 15-character Id
 * literals to 18, and turns semi-joins ({@code Id IN (SELECT AccountId FROM Contact)}) into IN
 * lists by running the inner query, since the evaluator sees one row at a time.
 */
final class ConditionRewriter {

  /** Matches no Id: stands in for the empty result of a semi-join, as IN needs a value. */
  private static final Value NO_ID = new Value.StringValue("000000000000000AAA");

  private final QueryPlanner planner;
  private final QueryExecutor executor;

  ConditionRewriter(QueryPlanner planner, QueryExecutor executor) {
    this.planner = planner;
    this.executor = executor;
  }

  Condition rewrite(
      Condition condition, FieldPath.Resolver resolver, String soql, Map<String, FieldPath> paths) {
    if (condition instanceof Condition.And and) {
      return new Condition.And(all(and.conditions(), resolver, soql, paths));
    } else if (condition instanceof Condition.Or or) {
      return new Condition.Or(all(or.conditions(), resolver, soql, paths));
    } else if (condition instanceof Condition.Not not) {
      return new Condition.Not(rewrite(not.condition(), resolver, soql, paths));
    } else if (condition instanceof Condition.Comparison c) {
      FieldPath path = resolve(c.field(), resolver, paths);
      if (c.operator() != Condition.Operator.LIKE) {
        checkType(path, c.value(), c.field(), soql);
      }
      return new Condition.Comparison(c.field(), c.operator(), idLiteral(path, c.value()));
    } else if (condition instanceof Condition.In in) {
      FieldPath path = resolve(in.field(), resolver, paths);
      List<Value> values = new ArrayList<>();
      for (Value value : in.values()) {
        checkType(path, value, in.field(), soql);
        values.add(idLiteral(path, value));
      }
      return new Condition.In(in.field(), in.negated(), values);
    } else if (condition instanceof Condition.Includes inc) {
      resolve(inc.field(), resolver, paths);
      return inc;
    } else if (condition instanceof Condition.SemiJoin semi) {
      resolve(semi.field(), resolver, paths);
      return new Condition.In(semi.field(), semi.negated(), innerValues(semi, soql));
    }
    throw new IllegalArgumentException("unknown condition " + condition);
  }

  private List<Condition> all(
      List<Condition> parts,
      FieldPath.Resolver resolver,
      String soql,
      Map<String, FieldPath> paths) {
    List<Condition> out = new ArrayList<>(parts.size());
    for (Condition part : parts) {
      out.add(rewrite(part, resolver, soql, paths));
    }
    return out;
  }

  private static FieldPath resolve(
      String field, FieldPath.Resolver resolver, Map<String, FieldPath> paths) {
    FieldPath path = resolver.resolve(field);
    paths.put(field, path);
    return path;
  }

  private List<Value> innerValues(Condition.SemiJoin semi, String soql) {
    QueryPlan inner = planner.planInner(semi.query(), soql);
    if (inner.kind() != QueryPlan.Kind.RECORDS) {
      throw SoqlErrors.malformed(soql, "SELECT", "a semi-join subquery must select a field");
    }
    FieldPath selected = ((QueryPlan.FieldColumn) inner.columns().get(0)).path();
    Set<String> ids = new LinkedHashSet<>();
    for (StoredRecord row : executor.rows(inner, false)) {
      Object value = selected.value(row, executor.store());
      if (value != null) {
        ids.add(value.toString());
      }
    }
    if (ids.isEmpty()) {
      return List.of(NO_ID);
    }
    return ids.stream().map(id -> (Value) new Value.StringValue(id)).toList();
  }

  private static void checkType(FieldPath path, Value value, String token, String soql) {
    if (path.field() == null || !(value instanceof Value.StringValue)) {
      return;
    }
    String type =
        switch (path.field().type().kind()) {
          case DATE -> "date";
          case DATETIME -> "dateTime";
          case NUMBER -> "double";
          case INTEGER -> "int";
          case BOOLEAN -> "boolean";
          case TEXT -> null;
        };
    if (type != null) {
      throw SoqlErrors.filterType(soql, token, path.field(), type);
    }
  }

  private static Value idLiteral(FieldPath path, Value value) {
    boolean idField =
        path.field() != null
            && (path.field().type() == FieldType.ID || path.field().type() == FieldType.REFERENCE);
    if (idField && value instanceof Value.StringValue s && s.value().length() == 15) {
      return SalesforceIds.normalize(s.value())
          .map(id -> (Value) new Value.StringValue(id))
          .orElse(value);
    }
    return value;
  }
}
