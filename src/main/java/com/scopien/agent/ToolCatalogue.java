package com.scopien.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.ScopienException;
import com.scopien.security.Role;
import dev.langchain4j.agent.tool.ToolSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tool catalogue, loaded once at start-up from {@code /tools/<name>.json} on the classpath.
 * Every tool of the contract must be there and well formed, or start-up fails naming the file.
 */
final class ToolCatalogue {
  /** The contract's tool names, in the order the model is shown them. */
  static final List<String> TOOL_NAMES =
      List.of(
          "query_records",
          "count_records",
          "aggregate_records",
          "get_record",
          "create_record",
          "update_record",
          "describe_object",
          "list_orgs",
          "switch_org",
          "sync_now",
          "sync_status",
          "api_usage",
          "sync_errors");

  private final Map<String, ToolDefinition> tools;

  private ToolCatalogue(Map<String, ToolDefinition> tools) {
    this.tools = tools;
  }

  static ToolCatalogue load(ObjectMapper json) {
    Map<String, ToolDefinition> tools = new LinkedHashMap<>();
    for (String name : TOOL_NAMES) {
      tools.put(name, read(json, name));
    }
    return new ToolCatalogue(tools);
  }

  List<ToolDefinition> all() {
    return List.copyOf(tools.values());
  }

  Optional<ToolDefinition> find(String name) {
    return Optional.ofNullable(name == null ? null : tools.get(name));
  }

  List<ToolSpecification> specifications() {
    List<ToolSpecification> specs = new ArrayList<>();
    for (ToolDefinition tool : tools.values()) {
      specs.add(
          ToolSpecification.builder()
              .name(tool.name())
              .description(tool.description())
              .parameters(ToolSchemas.toObjectSchema(tool.parameters()))
              .build());
    }
    return specs;
  }

  private static ToolDefinition read(ObjectMapper json, String name) {
    String path = "/tools/" + name + ".json";
    try (InputStream in = ToolCatalogue.class.getResourceAsStream(path)) {
      if (in == null) {
        throw broken(path, "the file is missing");
      }
      return parse(json, name, path, in);
    } catch (IOException e) {
      throw new ScopienException(
          ScopienException.Kind.INTERNAL, "tool_catalogue", path + " cannot be read", e);
    }
  }

  /** One tool file, checked: its name, description, role, writes flag, schema and examples. */
  static ToolDefinition parse(ObjectMapper json, String name, String path, InputStream in) {
    try {
      JsonNode node = json.readTree(in);
      String declared = text(node, "name", path);
      if (!declared.equals(name)) {
        throw broken(path, "it names itself '" + declared + "'");
      }
      JsonNode parameters = node.path("parameters");
      if (!"object".equals(parameters.path("type").asText())) {
        throw broken(path, "parameters must be a JSON schema of type object");
      }
      if (!node.path("writes").isBoolean()) {
        throw broken(path, "writes must be true or false");
      }
      List<String> examples = new ArrayList<>();
      node.path("examples").forEach(e -> examples.add(e.asText()));
      if (examples.isEmpty()) {
        throw broken(path, "it has no examples");
      }
      ToolSchemas.toObjectSchema(parameters);
      return new ToolDefinition(
          name,
          text(node, "description", path),
          role(text(node, "role", path), path),
          node.get("writes").asBoolean(),
          parameters,
          examples);
    } catch (IOException e) {
      throw new ScopienException(
          ScopienException.Kind.INTERNAL, "tool_catalogue", path + " is not valid JSON", e);
    }
  }

  private static String text(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw broken(path, "'" + field + "' is missing");
    }
    return value.asText();
  }

  private static Role role(String text, String path) {
    try {
      return Role.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw broken(path, "role '" + text + "' is not one of GUEST, USER, MANAGER, ADMIN");
    }
  }

  private static ScopienException broken(String path, String why) {
    return new ScopienException(
        ScopienException.Kind.INTERNAL, "tool_catalogue", path + " is unusable: " + why);
  }
}
