package com.scopien.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.ScopienException;
import com.scopien.config.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the orgs file of {@code scopien orgs add --file} (or {@code SCOPIEN_ORGS_FILE}): a JSON
 * object {@code {"orgs": [...]}} (or just the array), one object per org with {@code name}, {@code
 * environment}, {@code loginUrl}, {@code clientId}, and either {@code clientSecret} / {@code
 * clientSecretEnv} (the name of an environment variable holding it) or {@code jwtKeyFile} (relative
 * to the file's folder) and {@code username}. Every problem in the file is reported at once.
 */
final class OrgsFile {
  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "environment",
          "loginUrl",
          "clientId",
          "clientSecret",
          "clientSecretEnv",
          "username",
          "jwtKeyFile");

  private OrgsFile() {}

  static List<OrgEntry> read(Path file, Map<String, String> env) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw ScopienException.invalid(
          "invalid_orgs_file",
          file
              + " is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ").");
    } catch (IOException e) {
      throw ScopienException.invalid("invalid_orgs_file", "Cannot read " + file + ".");
    }
    JsonNode list = root != null && root.isObject() ? root.get("orgs") : root;
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw ScopienException.invalid(
          "invalid_orgs_file", file + " must hold {\"orgs\": [ ... ]} with at least one org.");
    }
    Path folder = file.toAbsolutePath().getParent();
    List<String> problems = new ArrayList<>();
    List<OrgEntry> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String where = file.getFileName() + " orgs[" + i + "]";
      JsonNode node = list.get(i);
      if (!node.isObject()) {
        problems.add(where + ": must be an object");
        continue;
      }
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String field = names.next();
        if (!FIELDS.contains(field)) {
          problems.add(where + ": unknown field '" + field + "'");
        } else if (!node.get(field).isTextual()) {
          problems.add(where + ": '" + field + "' must be a string");
        }
      }
      Optional<Secret> secret = text(node, "clientSecret").map(Secret::of);
      Optional<String> secretEnv = text(node, "clientSecretEnv");
      if (secretEnv.isPresent()) {
        String value = env.get(secretEnv.get());
        if (secret.isPresent()) {
          problems.add(where + ": give clientSecret or clientSecretEnv, not both");
        } else if (value == null || value.isBlank()) {
          problems.add(where + ": the environment variable " + secretEnv.get() + " is not set");
        } else {
          secret = Optional.of(Secret.of(value));
        }
      }
      OrgEntry entry =
          new OrgEntry(
              where,
              text(node, "name").orElse(null),
              text(node, "environment").orElse(null),
              text(node, "loginUrl").orElse(null),
              text(node, "clientId").orElse(null),
              secret,
              text(node, "username").orElse(null),
              text(node, "jwtKeyFile").map(folder::resolve).orElse(null));
      problems.addAll(entry.problems());
      entries.add(entry);
    }
    if (!problems.isEmpty()) {
      throw invalid(file.toString(), problems);
    }
    return entries;
  }

  /** One error naming every problem, one a line. */
  static ScopienException invalid(String what, List<String> problems) {
    return ScopienException.invalid(
        "invalid_orgs",
        what
            + " has "
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + ":\n  - "
            + String.join("\n  - ", problems));
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() || value.asText().isBlank()
        ? Optional.empty()
        : Optional.of(value.asText().trim());
  }
}
