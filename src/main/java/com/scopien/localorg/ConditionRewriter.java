package com.scopien.localorg;

import com.scopien.soql.Condition;
import com.scopien.soql.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prepares a WHERE clause for the shared evaluator: resolves and checks each field path, refuses
 * quoted values for date, number and boolean fields (as Salesforce does), widens 15-character Id
 * literals to 18, and runs the inner query of each semi-join ({@code Id IN (SELECT AccountId FROM
 * Contact)}) once, so the evaluator can test membership row by row.
 */
final class ConditionRewriter {

  /** What one query's rewrite reads and fills. */
  record Scope(
      FieldPath.Resolver resolver,
      String soql,
      Map<String, FieldPath> paths,
      Map<Condition.SemiJoin, Set<String>> semiJoins) {}

  private final QueryPlanner planner;
  private final QueryExecutor executor;

  ConditionRewriter(QueryPlanner planner, QueryExecutor executor) {
    this.planner = planner;
    this.executor = executor;
  }

  Condition rewrite(Condition condition, Scope scope) {
    if (condition instanceof Condition.And and) {
      return new Condition.And(all(and.conditions(), scope));
    } else if (condition instanceof Condition.Or or) {
      return new Condition.Or(all(or.conditions(), scope));
    } else if (condition instanceof Condition.Not not) {
      return new Condition.Not(rewrite(not.condition(), scope));
    } else if (condition instanceof Condition.Comparison c) {
      FieldPath path = resolve(c.field(), scope);
      if (c.operator() != Condition.Operator.LIKE) {
        checkType(path, c.value(), c.field(), scope.soql());
      }
      return new Condition.Comparison(c.field(), c.operator(), idLiteral(path, c.value()));
    } else if (condition instanceof Condition.In in) {
      FieldPath path = resolve(in.field(), scope);
      List<Value> values = new ArrayList<>();
      for (Value value : in.values()) {
        checkType(path, value, in.field(), scope.soql());
        values.add(idLiteral(path, value));
      }
      return new Condition.In(in.field(), in.negated(), values);
    } else if (condition instanceof Condition.Includes inc) {
      resolve(inc.field(), scope);
      return inc;
    } else if (condition instanceof Condition.SemiJoin semi) {
      resolve(semi.field(), scope);
      scope.semiJoins().put(semi, innerValues(semi, scope.soql()));
      return semi;
    }
    throw new IllegalArgumentException("unknown condition " + condition);
  }

  private List<Condition> all(List<Condition> parts, Scope scope) {
    List<Condition> out = new ArrayList<>(parts.size());
    for (Condition part : parts) {
      out.add(rewrite(part, scope));
    }
    return out;
  }

  private static FieldPath resolve(String field, Scope scope) {
    FieldPath path = scope.resolver().resolve(field);
    scope.paths().put(field, path);
    return path;
  }

  /** The inner query's values, lower-cased (Ids compare ignoring case on their 18-char form). */
  private Set<String> innerValues(Condition.SemiJoin semi, String soql) {
    QueryPlan inner = planner.planInner(semi.query(), soql);
    if (inner.kind() != QueryPlan.Kind.RECORDS) {
      throw SoqlErrors.malformed(soql, "SELECT", "a semi-join subquery must select a field");
    }
    FieldPath selected = ((QueryPlan.FieldColumn) inner.columns().get(0)).path();
    Set<String> values = new HashSet<>();
    for (StoredRecord row : executor.rows(inner, false)) {
      Object value = selected.value(row, executor.store());
      if (value != null) {
        values.add(value.toString().toLowerCase(Locale.ROOT));
      }
    }
    return values;
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
