package com.scopien.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.soql.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the arguments of aggregate_records into an {@link AggregatePlan}: the object, the value
 * field and the group fields checked by the {@link SchemaGuard} (hidden fields refused as for any
 * read), their types checked for what the function needs, the filters read exactly as query_records
 * reads them.
 */
final class AggregatePlanner {
  static final int DEFAULT_LIMIT = 25;
  static final int MAX_LIMIT = 200;
  static final int MAX_GROUP_FIELDS = 2;

  private static final Set<String> ORDERABLE =
      Set.of(
          "int",
          "long",
          "double",
          "currency",
          "percent",
          "date",
          "datetime",
          "time",
          "string",
          "picklist",
          "email",
          "phone",
          "url",
          "id",
          "reference",
          "combobox");

  /**
   * Types Salesforce can group by: not fractional numbers, date-times, long text or compound
   * fields.
   */
  private static final Set<String> GROUPABLE =
      Set.of(
          "string",
          "picklist",
          "boolean",
          "reference",
          "id",
          "date",
          "email",
          "phone",
          "url",
          "combobox",
          "textarea");

  private final SchemaGuard guard;
  private final QueryPlanner filters;

  AggregatePlanner(SchemaGuard guard) {
    this.guard = guard;
    this.filters = new QueryPlanner(guard);
  }

  AggregatePlan plan(ToolContext ctx, ObjectDescribe object, ToolArgs args, Condition visibility) {
    AggregatePlan.Function function = function(args);
    SchemaGuard.Resolved field = valueField(ctx, object, function, args);
    List<AggregatePlan.Group> groups = groups(ctx, object, args.textList("groupBy"));
    List<Condition> conditions = filters.conditions(ctx, object, args.objectList("filters"));
    AggregatePlan.Order order = order(ctx, object, groups, field, args.objectList("orderBy"));
    int limit = args.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    return new AggregatePlan(object, function, field, groups, conditions, visibility, order, limit);
  }

  private static AggregatePlan.Function function(ToolArgs args) {
    String name = args.optionalText("function").orElse("count").toUpperCase(Locale.ROOT);
    name =
        switch (name) {
          case "AVERAGE", "MEAN" -> "AVG";
          case "TOTAL" -> "SUM";
          case "MINIMUM" -> "MIN";
          case "MAXIMUM" -> "MAX";
          default -> name;
        };
    try {
      return AggregatePlan.Function.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new ToolException(
          "aggregate_records: 'function' must be one of count, sum, avg, min, max.");
    }
  }

  private SchemaGuard.Resolved valueField(
      ToolContext ctx, ObjectDescribe object, AggregatePlan.Function function, ToolArgs args) {
    var named = args.optionalText("field");
    if (function == AggregatePlan.Function.COUNT) {
      return null;
    }
    String verb = function.name().toLowerCase(Locale.ROOT);
    if (named.isEmpty()) {
      throw new ToolException("aggregate_records: '" + verb + "' needs a 'field', e.g. Amount.");
    }
    SchemaGuard.Resolved field = guard.field(ctx, object, named.get());
    String type = field.field().type();
    boolean numeric = FieldValues.NUMERIC.contains(type);
    if ((function == AggregatePlan.Function.SUM || function == AggregatePlan.Function.AVG)
        && !numeric) {
      throw new ToolException(
          "Cannot "
              + (function == AggregatePlan.Function.SUM ? "add up" : "average")
              + " "
              + field.field().label()
              + " on "
              + object.name()
              + ": it is not a number. "
              + numberHint(ctx, object));
    }
    if (!numeric && !ORDERABLE.contains(type)) {
      throw new ToolException(
          "Cannot take the "
              + (function == AggregatePlan.Function.MIN ? "smallest" : "largest")
              + " "
              + field.field().label()
              + ": it is not a number, date or text field.");
    }
    return field;
  }

  private String numberHint(ToolContext ctx, ObjectDescribe object) {
    List<String> numbers =
        guard.visibleFields(ctx.user().role(), object).stream()
            .filter(f -> FieldValues.NUMERIC.contains(f.type()))
            .map(FieldDescribe::name)
            .limit(8)
            .toList();
    return numbers.isEmpty()
        ? "This object has no number fields; count its records instead."
        : "Number fields: " + String.join(", ", numbers) + ".";
  }

  private List<AggregatePlan.Group> groups(
      ToolContext ctx, ObjectDescribe object, List<String> named) {
    if (named.size() > MAX_GROUP_FIELDS) {
      throw new ToolException("aggregate_records groups by at most two fields.");
    }
    List<AggregatePlan.Group> groups = new ArrayList<>();
    for (String path : named) {
      SchemaGuard.Resolved field = guard.field(ctx, object, path);
      FieldDescribe describe = field.field();
      boolean longText = describe.type().equals("textarea") && describe.length() > 255;
      if (!GROUPABLE.contains(describe.type()) || longText) {
        throw new ToolException(
            "Cannot group by "
                + describe.label()
                + ": Salesforce groups by text, picklist, checkbox, date and lookup fields, not by"
                + " "
                + (longText ? "long text" : describe.type())
                + " fields.");
      }
      if (groups.stream().anyMatch(g -> g.path().equalsIgnoreCase(field.path()))) {
        throw new ToolException("aggregate_records: groupBy names " + path + " twice.");
      }
      groups.add(
          new AggregatePlan.Group(
              field.path(), describe, heading(field.path(), describe), "g" + groups.size()));
    }
    return groups;
  }

  /** A parent's name is headed by the relationship alone: "Owner", "Account". */
  private static String heading(String path, FieldDescribe field) {
    if (path.endsWith(".Name") && path.indexOf('.') == path.lastIndexOf('.')) {
      return path.substring(0, path.indexOf('.')).replace("__r", "").replace('_', ' ');
    }
    return QueryPlanner.heading(path, field);
  }

  /**
   * The order asked for: by a group field, or by the value (the aggregated field's name, the
   * function's name or "value"). Only the first key counts.
   */
  private AggregatePlan.Order order(
      ToolContext ctx,
      ObjectDescribe object,
      List<AggregatePlan.Group> groups,
      SchemaGuard.Resolved valueField,
      List<JsonNode> keys) {
    if (keys.isEmpty()) {
      return null;
    }
    JsonNode key = keys.get(0);
    String direction = key.path("direction").asText("desc").toLowerCase(Locale.ROOT);
    if (!direction.equals("asc") && !direction.equals("desc")) {
      throw new ToolException("orderBy direction must be 'asc' or 'desc'.");
    }
    boolean descending = direction.equals("desc");
    String name = key.path("field").asText("").trim();
    String lower = name.toLowerCase(Locale.ROOT);
    if (name.isEmpty()
        || Set.of("value", "total", "count", "sum", "avg", "min", "max", "records").contains(lower)
        || (valueField != null && valueField.path().equalsIgnoreCase(name))) {
      return new AggregatePlan.Order(null, descending);
    }
    String path = guard.field(ctx, object, name).path();
    return groups.stream()
        .filter(g -> g.path().equalsIgnoreCase(path))
        .findFirst()
        .map(g -> new AggregatePlan.Order(g.alias(), descending))
        .orElseThrow(
            () ->
                new ToolException(
                    "aggregate_records can order by the value or by a groupBy field, not by "
                        + name
                        + "."));
  }
}
