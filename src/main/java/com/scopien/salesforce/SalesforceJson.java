package com.scopien.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Salesforce JSON to the contract types: query pages and records. Decimals stay exact ({@code
 * BigDecimal}, trailing zeros kept), whole numbers become {@code Long}, datetimes stay the strings
 * Salesforce sent (see {@link SalesforceTime}), nulls stay null.
 */
final class SalesforceJson {
  private SalesforceJson() {}

  /** The body as JSON, or null when it is empty or not JSON (error bodies may be HTML or text). */
  static JsonNode lenientRead(ObjectMapper mapper, String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return mapper.readTree(body);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** The mapper the client uses; built once per client, not shared through a static. */
  static ObjectMapper newMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
  }

  static QueryPage page(JsonNode root) {
    List<SObjectRecord> records = new ArrayList<>();
    JsonNode rows = root.path("records");
    rows.forEach(row -> records.add(record(row)));
    JsonNode next = root.get("nextRecordsUrl");
    return new QueryPage(
        root.path("totalSize").asLong(records.size()),
        root.path("done").asBoolean(true),
        next == null || next.isNull() ? null : next.asText(),
        records);
  }

  /** A record without its {@code attributes}; the type comes from {@code attributes.type}. */
  static SObjectRecord record(JsonNode node) {
    JsonNode type = node.path("attributes").get("type");
    Map<String, Object> fields = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e -> {
              if (!e.getKey().equals("attributes")) {
                fields.put(e.getKey(), value(e.getValue()));
              }
            });
    return new SObjectRecord(type == null || type.isNull() ? null : type.asText(), fields);
  }

  /**
   * One field value. A parent record becomes an {@link SObjectRecord}, a child subquery a {@link
   * QueryPage}, a compound value without {@code attributes} (an address) an unmodifiable map.
   */
  static Object value(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.decimalValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isObject()) {
      if (node.has("attributes")) {
        return record(node);
      }
      if (node.has("records") && node.has("totalSize")) {
        return page(node);
      }
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), value(e.getValue())));
      return Collections.unmodifiableMap(map);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(value(item)));
      return Collections.unmodifiableList(list);
    }
    return node.asText();
  }
}
