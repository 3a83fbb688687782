package com.scopien.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Describe, describeGlobal and limits JSON to the contract records; unknown keys are ignored. */
final class DescribeJson {
  private DescribeJson() {}

  static List<GlobalObject> globalObjects(JsonNode root) {
    List<GlobalObject> objects = new ArrayList<>();
    root.path("sobjects")
        .forEach(
            o ->
                objects.add(
                    new GlobalObject(
                        text(o, "name"),
                        text(o, "label"),
                        text(o, "labelPlural"),
                        text(o, "keyPrefix"),
                        bool(o, "custom"),
                        bool(o, "queryable"),
                        bool(o, "createable"),
                        bool(o, "updateable"),
                        bool(o, "replicateable"))));
    return objects;
  }

  static ObjectDescribe objectDescribe(JsonNode o) {
    List<FieldDescribe> fields = new ArrayList<>();
    o.path("fields").forEach(f -> fields.add(field(f)));
    return new ObjectDescribe(
        text(o, "name"),
        text(o, "label"),
        text(o, "labelPlural"),
        text(o, "keyPrefix"),
        bool(o, "custom"),
        bool(o, "queryable"),
        bool(o, "createable"),
        bool(o, "updateable"),
        fields);
  }

  static FieldDescribe field(JsonNode f) {
    List<FieldDescribe.PicklistValue> picklist = new ArrayList<>();
    f.path("picklistValues")
        .forEach(
            p ->
                picklist.add(
                    new FieldDescribe.PicklistValue(
                        text(p, "value"),
                        text(p, "label"),
                        bool(p, "active"),
                        bool(p, "defaultValue"))));
    List<String> referenceTo = new ArrayList<>();
    f.path("referenceTo").forEach(r -> referenceTo.add(r.asText()));
    return new FieldDescribe(
        text(f, "name"),
        text(f, "label"),
        text(f, "type"),
        f.path("length").asInt(0),
        bool(f, "custom"),
        bool(f, "createable"),
        bool(f, "updateable"),
        bool(f, "nillable"),
        bool(f, "defaultedOnCreate"),
        bool(f, "externalId"),
        bool(f, "nameField"),
        picklist,
        referenceTo,
        text(f, "relationshipName"));
  }

  /** Every entry shaped {@code {"Max": n, "Remaining": n}}; other keys are skipped. */
  static OrgLimits limits(JsonNode root) {
    Map<String, OrgLimits.Limit> values = new LinkedHashMap<>();
    root.fields()
        .forEachRemaining(
            e -> {
              JsonNode max = e.getValue().get("Max");
              JsonNode remaining = e.getValue().get("Remaining");
              if (max != null && max.isNumber() && remaining != null && remaining.isNumber()) {
                values.put(e.getKey(), new OrgLimits.Limit(max.asLong(), remaining.asLong()));
              }
            });
    return new OrgLimits(values);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static boolean bool(JsonNode node, String field) {
    return node.path(field).asBoolean(false);
  }
}
