package com.scopien.localorg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders the schema as describeGlobal entries, object describes and field describes. */
final class DescribeJson {

  private final OrgSchema schema;

  DescribeJson(OrgSchema schema) {
    this.schema = schema;
  }

  /** One describeGlobal entry; also the start of a full describe and of {@code objectDescribe}. */
  Map<String, Object> globalEntry(ObjectDef object, String base) {
    Map<String, Object> json = new LinkedHashMap<>();
    boolean writable = object.createable();
    json.put("activateable", false);
    json.put("associateEntityType", null);
    json.put("associateParentEntity", null);
    json.put("createable", object.createable());
    json.put("custom", object.custom());
    json.put("customSetting", false);
    json.put("deepCloneable", false);
    json.put("deletable", object.deletable());
    json.put("deprecatedAndHidden", false);
    json.put("feedEnabled", writable);
    json.put("hasSubtypes", false);
    json.put("isInterface", false);
    json.put("isSubtype", false);
    json.put("keyPrefix", object.keyPrefix());
    json.put("label", object.label());
    json.put("labelPlural", object.labelPlural());
    json.put("layoutable", writable);
    json.put("mergeable", List.of("Account", "Contact", "Lead").contains(object.name()));
    json.put("mruEnabled", writable);
    json.put("name", object.name());
    json.put("queryable", true);
    json.put("replicateable", true);
    json.put("retrieveable", true);
    json.put("searchable", writable);
    json.put("triggerable", writable);
    json.put("undeletable", object.deletable());
    json.put("updateable", object.updateable());
    String sobject = base + "/sobjects/" + object.name();
    Map<String, Object> urls = new LinkedHashMap<>();
    urls.put("rowTemplate", sobject + "/{ID}");
    urls.put("defaultValues", sobject + "/defaultValues?recordTypeId&fields");
    urls.put("describe", sobject + "/describe");
    urls.put("sobject", sobject);
    json.put("urls", urls);
    return json;
  }

  Map<String, Object> describe(ObjectDef object, String base) {
    Map<String, Object> json = globalEntry(object, base);
    json.put("actionOverrides", List.of());
    List<Map<String, Object>> children = new ArrayList<>();
    for (OrgSchema.ChildRelationship child : schema.childRelationships(object.name())) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("cascadeDelete", false);
      entry.put("childSObject", child.childObject());
      entry.put("deprecatedAndHidden", false);
      entry.put("field", child.field());
      entry.put("junctionIdListNames", List.of());
      entry.put("junctionReferenceTo", List.of());
      entry.put("relationshipName", child.relationshipName());
      entry.put("restrictedDelete", false);
      children.add(entry);
    }
    json.put("childRelationships", children);
    json.put("compactLayoutable", object.createable());
    json.put("defaultImplementation", null);
    List<Map<String, Object>> fields = new ArrayList<>();
    for (FieldDef field : object.fields()) {
      fields.add(field(field));
    }
    json.put("fields", fields);
    json.put("listviewable", null);
    json.put("lookupLayoutable", null);
    json.put("namedLayoutInfos", List.of());
    json.put("networkScopeFieldName", null);
    json.put("recordTypeInfos", List.of(masterRecordType(object, base)));
    json.put("searchLayoutable", object.createable());
    json.put(
        "supportedScopes",
        List.of(Map.of("label", "All " + object.labelPlural(), "name", "everything")));
    return json;
  }

  private static Map<String, Object> masterRecordType(ObjectDef object, String base) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("active", true);
    json.put("available", true);
    json.put("defaultRecordTypeMapping", true);
    json.put("developerName", "Master");
    json.put("master", true);
    json.put("name", "Master");
    json.put("recordTypeId", "012000000000000AAA");
    json.put(
        "urls",
        Map.of(
            "layout",
            base + "/sobjects/" + object.name() + "/describe/layouts/012000000000000AAA"));
    return json;
  }

  static Map<String, Object> field(FieldDef field) {
    FieldType type = field.type();
    boolean text = type.isText() && type != FieldType.ID && type != FieldType.REFERENCE;
    boolean longText = type == FieldType.TEXTAREA && field.length() > 255;
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("aggregatable", !longText);
    json.put("autoNumber", field.autoNumber());
    json.put(
        "byteLength",
        text || type == FieldType.ID || type == FieldType.REFERENCE ? field.length() * 3 : 0);
    json.put("calculated", field.calculated());
    json.put("calculatedFormula", null);
    json.put("cascadeDelete", false);
    json.put("caseSensitive", false);
    json.put("compoundFieldName", null);
    json.put("controllerName", null);
    json.put("createable", field.createable());
    json.put("custom", field.custom());
    json.put("defaultValue", defaultValue(field));
    json.put("defaultValueFormula", null);
    json.put("defaultedOnCreate", field.defaultedOnCreate());
    json.put("dependentPicklist", false);
    json.put("deprecatedAndHidden", false);
    json.put("digits", type == FieldType.INT ? field.precision() : 0);
    json.put("encrypted", false);
    json.put("externalId", field.externalId());
    json.put("extraTypeInfo", null);
    json.put("filterable", !longText);
    json.put(
        "groupable",
        !longText && type.kind() != FieldType.ValueKind.NUMBER && type != FieldType.DATETIME);
    json.put("htmlFormatted", false);
    json.put("idLookup", type == FieldType.ID || field.externalId());
    json.put("inlineHelpText", null);
    json.put("label", field.label());
    json.put("length", text ? field.length() : 0);
    json.put("name", field.name());
    json.put("nameField", field.nameField());
    json.put("namePointing", field.polymorphic());
    json.put("nillable", field.nillable());
    json.put("permissionable", field.nillable() && !field.calculated());
    json.put("picklistValues", picklist(field));
    json.put("polymorphicForeignKey", field.polymorphic());
    json.put("precision", type.kind() == FieldType.ValueKind.NUMBER ? field.precision() : 0);
    json.put("referenceTo", field.referenceTo());
    json.put("relationshipName", field.relationshipName());
    json.put("relationshipOrder", null);
    json.put("restrictedDelete", false);
    json.put("restrictedPicklist", field.restrictedPicklist());
    json.put("scale", type.kind() == FieldType.ValueKind.NUMBER ? field.scale() : 0);
    json.put("soapType", type.soapType());
    json.put("sortable", !longText);
    json.put("type", type.wireName());
    json.put("unique", field.unique());
    json.put("updateable", field.updateable());
    json.put("writeRequiresMasterRead", false);
    return json;
  }

  private static Object defaultValue(FieldDef field) {
    if (field.type() == FieldType.BOOLEAN) {
      return Boolean.valueOf(field.defaultValue());
    }
    return null;
  }

  private static List<Map<String, Object>> picklist(FieldDef field) {
    List<Map<String, Object>> values = new ArrayList<>();
    for (String value : field.picklistValues()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("active", true);
      entry.put("defaultValue", value.equals(field.defaultValue()));
      entry.put("label", value);
      entry.put("validFor", null);
      entry.put("value", value);
      values.add(entry);
    }
    return values;
  }
}
