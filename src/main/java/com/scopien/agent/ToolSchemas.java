package com.scopien.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopien.ScopienException;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the JSON-schema subset the catalogue files use (object, array, string, integer, number,
 * boolean, enum, anyOf) into langchain4j's schema types, which every model provider understands.
 */
final class ToolSchemas {
  private ToolSchemas() {}

  static JsonObjectSchema toObjectSchema(JsonNode node) {
    JsonObjectSchema.Builder builder = JsonObjectSchema.builder();
    if (node.hasNonNull("description")) {
      builder.description(node.get("description").asText());
    }
    node.path("properties")
        .fields()
        .forEachRemaining(p -> builder.addProperty(p.getKey(), element(p.getValue())));
    List<String> required = new ArrayList<>();
    node.path("required").forEach(r -> required.add(r.asText()));
    if (!required.isEmpty()) {
      builder.required(required);
    }
    if (node.path("additionalProperties").asBoolean(false)) {
      builder.additionalProperties(true);
    }
    return builder.build();
  }

  private static JsonSchemaElement element(JsonNode node) {
    String description = node.hasNonNull("description") ? node.get("description").asText() : null;
    if (node.has("enum")) {
      List<String> values = new ArrayList<>();
      node.get("enum").forEach(v -> values.add(v.asText()));
      return JsonEnumSchema.builder().description(description).enumValues(values).build();
    }
    if (node.has("anyOf")) {
      List<JsonSchemaElement> options = new ArrayList<>();
      node.get("anyOf").forEach(o -> options.add(element(o)));
      return JsonAnyOfSchema.builder().description(description).anyOf(options).build();
    }
    String type = node.path("type").asText("");
    return switch (type) {
      case "object" -> toObjectSchema(node);
      case "array" ->
          JsonArraySchema.builder()
              .description(description)
              .items(element(node.path("items")))
              .build();
      case "string" -> JsonStringSchema.builder().description(description).build();
      case "integer" -> JsonIntegerSchema.builder().description(description).build();
      case "number" -> JsonNumberSchema.builder().description(description).build();
      case "boolean" -> JsonBooleanSchema.builder().description(description).build();
      default ->
          throw new ScopienException(
              ScopienException.Kind.INTERNAL,
              "tool_catalogue",
              "unsupported schema type '" + type + "' in the tool catalogue");
    };
  }
}
