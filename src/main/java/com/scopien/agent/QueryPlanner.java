package com.scopien.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.soql.Condition;
import com.scopien.soql.OrderItem;
import com.scopien.soql.QueryBuilder;
import com.scopien.soql.Soql;
import com.scopien.soql.SoqlQuery;
import com.scopien.soql.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the structured arguments of a read tool into a SOQL query: every object and field checked
 * by the {@link SchemaGuard}, every value typed and escaped by {@link FieldValues}. The model never
 * writes query text.
 */
final class QueryPlanner {
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 50;
  private static final Set<String> TEXT_TYPES =
      Set.of("string", "textarea", "email", "phone", "url", "picklist", "combobox", "id");

  private static final Map<String, Condition.Operator> OPERATORS =
      Map.of(
          "=", Condition.Operator.EQ,
          "!=", Condition.Operator.NE,
          "<", Condition.Operator.LT,
          "<=", Condition.Operator.LE,
          ">", Condition.Operator.GT,
          ">=", Condition.Operator.GE);

  private final SchemaGuard guard;

  QueryPlanner(SchemaGuard guard) {
    this.guard = guard;
  }

  /**
   * A planned read: the columns to show and the clauses of the query, as soql AST parts. {@code
   * visibility} is the owner condition of the caller's role (null when every record is visible); it
   * is part of every query but not of the filters described back to people.
   */
  record Plan(
      ObjectDescribe object,
      List<RecordTable.Column> columns,
      List<Condition> conditions,
      Condition visibility,
      List<OrderItem> orderBy,
      int limit,
      int offset) {

    Optional<Condition> where() {
      List<Condition> all = new ArrayList<>(conditions);
      if (visibility != null) {
        all.add(visibility);
      }
      if (all.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          all.size() == 1 ? all.get(0) : Condition.and(all.toArray(Condition[]::new)));
    }

    SoqlQuery select() {
      Set<String> paths = new LinkedHashSet<>();
      columns.forEach(c -> paths.add(c.path()));
      paths.add("Id");
      QueryBuilder query = Soql.select(paths.toArray(String[]::new)).from(object.name());
      where().ifPresent(query::where);
      orderBy.forEach(query::orderBy);
      query.limit(limit);
      if (offset > 0) {
        query.offset(offset);
      }
      return query.build();
    }

    SoqlQuery count() {
      QueryBuilder query = Soql.selectCount().from(object.name());
      where().ifPresent(query::where);
      return query.build();
    }

    /** The filters asked for, as SOQL text, for telling people what was asked. */
    String describeFilters() {
      if (conditions.isEmpty()) {
        return "";
      }
      return FilterWords.describe(object, conditions);
    }
  }

  Plan plan(ToolContext ctx, ObjectDescribe object, ToolArgs args, Condition visibility) {
    List<RecordTable.Column> columns = columns(ctx, object, args.textList("fields"));
    List<Condition> conditions = conditions(ctx, object, args.objectList("filters"));
    List<OrderItem> orderBy = orderBy(ctx, object, args.objectList("orderBy"));
    int limit = args.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    int offset = args.integer("offset", 0, 0, 2000);
    return new Plan(object, columns, conditions, visibility, orderBy, limit, offset);
  }

  List<Condition> conditions(ToolContext ctx, ObjectDescribe object, List<JsonNode> filters) {
    List<Condition> conditions = new ArrayList<>();
    for (JsonNode filter : filters) {
      conditions.add(condition(ctx, object, filter));
    }
    return conditions;
  }

  List<RecordTable.Column> columns(ToolContext ctx, ObjectDescribe object, List<String> asked) {
    List<RecordTable.Column> columns = new ArrayList<>();
    if (!asked.isEmpty()) {
      for (String path : asked) {
        SchemaGuard.Resolved field = guard.field(ctx, object, path);
        columns.add(new RecordTable.Column(field.path(), heading(path, field.field())));
      }
      return columns;
    }
    for (String path : DefaultFields.of(object)) {
      try {
        SchemaGuard.Resolved field = guard.field(ctx, object, path);
        columns.add(new RecordTable.Column(field.path(), heading(path, field.field())));
      } catch (ToolException absentInThisOrg) {
        // A default column the org does not have is simply left out.
      }
    }
    if (columns.isEmpty()) {
      columns.add(new RecordTable.Column("Id", "Id"));
    }
    return columns;
  }

  /** The column's heading: the field's label, after its relationship unless the label names it. */
  static String heading(String path, FieldDescribe field) {
    int dot = path.lastIndexOf('.');
    if (dot < 0) {
      return field.label();
    }
    String relationship = path.substring(0, dot).replace('.', ' ');
    return field
            .label()
            .toLowerCase(java.util.Locale.ROOT)
            .startsWith(relationship.toLowerCase(java.util.Locale.ROOT) + " ")
        ? field.label()
        : relationship + " " + field.label();
  }

  private Condition condition(ToolContext ctx, ObjectDescribe object, JsonNode filter) {
    String fieldName = filter.path("field").asText("");
    if (fieldName.isBlank()) {
      throw new ToolException("Each filter needs a 'field', an 'op' and a 'value'.");
    }
    SchemaGuard.Resolved resolved = guard.field(ctx, object, fieldName);
    FieldDescribe field = resolved.field();
    String op = filter.path("op").asText("=").trim().toLowerCase(Locale.ROOT);
    JsonNode value = filter.get("value");
    return switch (op) {
      case "=", "!=", "<", "<=", ">", ">=" -> {
        if (value != null && value.isArray()) {
          throw new ToolException("Filter on " + fieldName + ": use op 'in' for a list of values.");
        }
        yield new Condition.Comparison(
            resolved.path(), OPERATORS.get(op), FieldValues.literal(field, value));
      }
      case "like", "contains" -> {
        if (!TEXT_TYPES.contains(field.type())) {
          throw new ToolException("Filter on " + fieldName + ": 'like' works on text fields only.");
        }
        String text = value == null ? "" : value.asText();
        yield Condition.like(resolved.path(), "%" + Soql.escapeLike(text) + "%");
      }
      case "in" -> {
        if (value == null || !value.isArray() || value.isEmpty()) {
          throw new ToolException("Filter on " + fieldName + ": 'in' needs a non-empty list.");
        }
        List<Value> items = new ArrayList<>();
        value.forEach(v -> items.add(FieldValues.literal(field, v)));
        yield new Condition.In(resolved.path(), false, items);
      }
      default ->
          throw new ToolException(
              "Filter on " + fieldName + ": op must be one of = != < <= > >= like in.");
    };
  }

  private List<OrderItem> orderBy(ToolContext ctx, ObjectDescribe object, List<JsonNode> keys) {
    List<OrderItem> parts = new ArrayList<>();
    for (JsonNode key : keys) {
      String path = guard.field(ctx, object, key.path("field").asText("")).path();
      String direction = key.path("direction").asText("asc").toLowerCase(Locale.ROOT);
      if (!direction.equals("asc") && !direction.equals("desc")) {
        throw new ToolException("orderBy direction must be 'asc' or 'desc'.");
      }
      parts.add(
          direction.equals("desc")
              ? new OrderItem(path, true, OrderItem.Nulls.LAST)
              : OrderItem.asc(path));
    }
    return parts;
  }
}
