package com.scopien.localorg;

import com.scopien.soql.Condition;
import com.scopien.soql.OrderItem;
import com.scopien.soql.SelectItem;
import com.scopien.soql.Soql;
import com.scopien.soql.SoqlException;
import com.scopien.soql.SoqlQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns SOQL text into a {@link QueryPlan}: parses it with the shared {@code soql} parser, checks
 * every object, field and relationship against the schema (INVALID_TYPE, INVALID_FIELD,
 * MALFORMED_QUERY with Salesforce's messages), expands {@code FIELDS(...)}, plans child subqueries,
 * and resolves semi-joins into IN lists by running their inner query.
 */
final class QueryPlanner {

  private final RecordStore store;
  private final QueryExecutor executor;
  private final ConditionRewriter rewriter;

  QueryPlanner(RecordStore store, QueryExecutor executor) {
    this.store = store;
    this.executor = executor;
    this.rewriter = new ConditionRewriter(this, executor);
  }

  QueryPlan plan(String soql) {
    SoqlQuery query;
    try {
      query = Soql.parse(soql);
    } catch (SoqlException e) {
      throw SoqlErrors.malformed(soql, e);
    }
    ObjectDef object =
        store
            .schema()
            .find(query.from())
            .orElseThrow(() -> SoqlErrors.unsupportedType(soql, query.from()));
    return plan(query, object, soql);
  }

  QueryPlan plan(SoqlQuery query, ObjectDef object, String soql) {
    FieldPath.Resolver resolver =
        new FieldPath.Resolver(store.schema(), object, query.alias(), soql);
    Map<String, FieldPath> paths = new HashMap<>();
    Map<Condition.SemiJoin, Set<String>> semiJoins = new HashMap<>();
    QueryPlan.Kind kind =
        query.isCount()
            ? QueryPlan.Kind.COUNT
            : query.isAggregate() ? QueryPlan.Kind.AGGREGATE : QueryPlan.Kind.RECORDS;
    List<QueryPlan.Column> columns =
        switch (kind) {
          case RECORDS -> recordColumns(query, resolver, soql);
          case AGGREGATE -> aggregateColumns(query, resolver, soql);
          case COUNT -> List.of();
        };
    Condition where =
        query.where() == null
            ? null
            : rewriter.rewrite(
                query.where(), new ConditionRewriter.Scope(resolver, soql, paths, semiJoins));
    for (OrderItem order : query.orderBy()) {
      paths.put(order.field(), resolver.resolve(order.field()));
    }
    for (String group : query.groupBy()) {
      paths.put(group, resolver.resolve(group));
    }
    return new QueryPlan(
        object,
        kind,
        columns,
        where,
        query.groupBy(),
        query.orderBy(),
        query.limit(),
        query.offset(),
        paths,
        semiJoins);
  }

  /** Plans a query naming its object directly (a semi-join's inner query). */
  QueryPlan planInner(SoqlQuery query, String soql) {
    ObjectDef object =
        store
            .schema()
            .find(query.from())
            .orElseThrow(() -> SoqlErrors.unsupportedType(soql, query.from()));
    return plan(query, object, soql);
  }

  private List<QueryPlan.Column> recordColumns(
      SoqlQuery query, FieldPath.Resolver resolver, String soql) {
    List<QueryPlan.Column> columns = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (SelectItem item : query.select()) {
      if (item instanceof SelectItem.Field field) {
        addField(columns, seen, resolver.resolve(field.path()), soql);
      } else if (item instanceof SelectItem.FieldsFunction fields) {
        for (FieldDef def : resolver.root().fields()) {
          boolean wanted =
              switch (fields.kind()) {
                case ALL -> true;
                case STANDARD -> !def.custom();
                case CUSTOM -> def.custom();
              };
          if (wanted) {
            addField(columns, seen, new FieldPath(List.of(), def, def.name()), soql);
          }
        }
      } else if (item instanceof SelectItem.SubQuery sub) {
        columns.add(childColumn(resolver.root(), sub.query(), soql));
      } else {
        throw SoqlErrors.malformed(soql, "SELECT", "unexpected aggregate in a row query");
      }
    }
    return columns;
  }

  private static void addField(
      List<QueryPlan.Column> columns, Set<String> seen, FieldPath path, String soql) {
    StringBuilder key = new StringBuilder();
    for (FieldDef hop : path.hops()) {
      key.append(hop.relationshipName()).append('.');
    }
    String name = key.append(path.leafName()).toString();
    if (!seen.add(name.toLowerCase(Locale.ROOT))) {
      throw SoqlErrors.malformed(soql, path.leafName(), "duplicate field selected: " + name);
    }
    columns.add(new QueryPlan.FieldColumn(path));
  }

  private QueryPlan.ChildColumn childColumn(ObjectDef parent, SoqlQuery sub, String soql) {
    OrgSchema.ChildRelationship relationship =
        store
            .schema()
            .childRelationship(parent.name(), sub.from())
            .orElseThrow(
                () ->
                    ApiError.badRequest(
                        "INVALID_TYPE",
                        "Didn't understand relationship '"
                            + sub.from()
                            + "' in FROM part of query call. If you are attempting to use a"
                            + " custom relationship, be sure to append the '__r' after the custom"
                            + " relationship name. Please reference your WSDL or the describe call"
                            + " for the appropriate names."));
    ObjectDef child = store.schema().get(relationship.childObject());
    QueryPlan plan = plan(sub, child, soql);
    FieldDef childField = child.field(relationship.field()).orElseThrow();
    return new QueryPlan.ChildColumn(relationship.relationshipName(), childField, plan);
  }

  private static List<QueryPlan.Column> aggregateColumns(
      SoqlQuery query, FieldPath.Resolver resolver, String soql) {
    List<QueryPlan.Column> columns = new ArrayList<>();
    int unnamed = 0;
    for (SelectItem item : query.select()) {
      if (item instanceof SelectItem.Field field) {
        boolean grouped = query.groupBy().stream().anyMatch(g -> g.equalsIgnoreCase(field.path()));
        if (!grouped) {
          throw SoqlErrors.malformed(
              soql, field.path(), "Field must be grouped or aggregated: " + field.path());
        }
        FieldPath path = resolver.resolve(field.path());
        columns.add(
            new QueryPlan.GroupColumn(
                field.alias() != null ? field.alias() : path.leafName(), path));
      } else if (item instanceof SelectItem.Aggregate aggregate) {
        String key = aggregate.alias() != null ? aggregate.alias() : "expr" + unnamed++;
        FieldPath path = aggregate.field() == null ? null : resolver.resolve(aggregate.field());
        columns.add(new QueryPlan.AggregateColumn(key, aggregate.function(), path));
      } else {
        throw SoqlErrors.malformed(
            soql, "SELECT", "only grouped fields and aggregates may be selected with GROUP BY");
      }
    }
    return columns;
  }
}
