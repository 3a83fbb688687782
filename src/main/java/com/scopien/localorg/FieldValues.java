package com.scopien.localorg;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Turns JSON input into the stored value for a field, the way Salesforce's REST deserialiser does:
 * strings for text, numbers or numeric strings for numbers, ISO dates and datetimes; a value of the
 * wrong shape is a {@code JSON_PARSER_ERROR}.
 */
final class FieldValues {

  private FieldValues() {}

  static Object fromJson(FieldDef field, JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isContainerNode()) {
      throw parseError(field, node.isArray() ? "START_ARRAY" : "START_OBJECT", node.toString());
    }
    String text = node.asText();
    try {
      return switch (field.type().kind()) {
        case TEXT -> text;
        case BOOLEAN -> toBoolean(field, node, text);
        case INTEGER -> node.isNumber() ? node.intValue() : Integer.parseInt(text.trim());
        case NUMBER -> node.isNumber() ? node.doubleValue() : Double.parseDouble(text.trim());
        case DATE -> LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        case DATETIME -> WireFormat.parseDateTime(text);
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw parseError(field, "VALUE_STRING", text);
    }
  }

  private static Boolean toBoolean(FieldDef field, JsonNode node, String text) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
      return Boolean.parseBoolean(text);
    }
    throw parseError(field, node.isNumber() ? "VALUE_NUMBER_INT" : "VALUE_STRING", text);
  }

  private static ApiError parseError(FieldDef field, String token, String text) {
    String javaType =
        switch (field.type().kind()) {
          case TEXT -> "String";
          case BOOLEAN -> "boolean";
          case INTEGER -> "int";
          case NUMBER -> "double";
          case DATE -> "date";
          case DATETIME -> "datetime";
        };
    return ApiError.badRequest(
        "JSON_PARSER_ERROR",
        "Cannot deserialize instance of "
            + javaType
            + " from "
            + token
            + " value "
            + text
            + " or request may be missing a required field");
  }
}
