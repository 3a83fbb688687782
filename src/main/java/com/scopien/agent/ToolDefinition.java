package com.scopien.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopien.security.Role;
import java.util.List;

/**
 * One tool of the catalogue as written in {@code tools/<name>.json}: what the model is told about
 * it and the policy the dispatcher enforces (the weakest role allowed to call it, whether it
 * writes).
 */
record ToolDefinition(
    String name,
    String description,
    Role role,
    boolean writes,
    JsonNode parameters,
    List<String> examples) {
  ToolDefinition {
    examples = List.copyOf(examples);
  }
}
