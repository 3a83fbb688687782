package com.scopien.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The arguments of one tool call, read strictly: a wrong type or a missing required argument is a
 * {@link ToolException} that tells the model which argument and why.
 */
final class ToolArgs {
  private final String tool;
  private final JsonNode node;

  ToolArgs(String tool, JsonNode node) {
    this.tool = tool;
    this.node = node;
  }

  JsonNode raw() {
    return node;
  }

  String requiredText(String name) {
    return optionalText(name)
        .orElseThrow(() -> new ToolException(tool + " needs the argument '" + name + "'."));
  }

  Optional<String> optionalText(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isValueNode()) {
      throw new ToolException("Argument '" + name + "' of " + tool + " must be a string.");
    }
    String text = value.asText().trim();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  int integer(String name, int defaultValue, int min, int max) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return defaultValue;
    }
    int number;
    if (value.isIntegralNumber()) {
      number = value.asInt();
    } else if (value.isTextual() && value.asText().trim().matches("\\d{1,6}")) {
      number = Integer.parseInt(value.asText().trim());
    } else {
      throw new ToolException("Argument '" + name + "' of " + tool + " must be a whole number.");
    }
    if (number < min || number > max) {
      throw new ToolException(
          "Argument '" + name + "' of " + tool + " must be between " + min + " and " + max + ".");
    }
    return number;
  }

  List<String> textList(String name) {
    JsonNode value = node.get(name);
    List<String> items = new ArrayList<>();
    if (value == null || value.isNull()) {
      return items;
    }
    if (value.isTextual()) {
      items.add(value.asText());
      return items;
    }
    if (!value.isArray()) {
      throw new ToolException("Argument '" + name + "' of " + tool + " must be a list of names.");
    }
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw new ToolException("Argument '" + name + "' of " + tool + " must list names only.");
      }
      items.add(item.asText().trim());
    }
    return items;
  }

  /** An array of objects, such as {@code filters} or {@code orderBy}; empty when absent. */
  List<JsonNode> objectList(String name) {
    JsonNode value = node.get(name);
    List<JsonNode> items = new ArrayList<>();
    if (value == null || value.isNull()) {
      return items;
    }
    if (value.isObject()) {
      items.add(value);
      return items;
    }
    if (!value.isArray()) {
      throw new ToolException("Argument '" + name + "' of " + tool + " must be a list.");
    }
    for (JsonNode item : value) {
      if (!item.isObject()) {
        throw new ToolException(
            "Each entry of '"
                + name
                + "' in "
                + tool
                + " must be an object, e.g. {\"field\": ...}.");
      }
      items.add(item);
    }
    return items;
  }

  /** An object argument such as {@code values}. */
  JsonNode requiredObject(String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isObject() || value.isEmpty()) {
      throw new ToolException(
          tool + " needs '" + name + "': an object of field API names and values.");
    }
    return value;
  }
}
