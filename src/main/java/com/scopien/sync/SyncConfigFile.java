package com.scopien.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopien.ScopienException;
import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.GlobalObject;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.sync.SyncSettings.ConflictPolicy;
import com.scopien.sync.SyncSettings.Frequency;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a sync configuration file (see the README) into what it changes, checking every value
 * against the allowed ones and every object and field against the org; every problem is collected,
 * each naming where it is ({@code objects.Lead.fields: Lead has no field 'Nope'}).
 */
final class SyncConfigFile {
  private static final Pattern SCOPIEN_NAME =
      Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.-]{0,79}");
  private static final Set<String> TOP =
      Set.of("frequency", "directions", "conflictPolicy", "objects", "mappings");
  private static final Set<String> DIRECTIONS =
      Set.of("salesforceToScopien", "scopienToSalesforce");
  private static final Set<String> OBJECT = Set.of("selected", "conflictPolicy", "fields");
  private static final Set<String> MAPPING = Set.of("object", "salesforceField", "scopienField");

  /** What a file changes; null components leave that part as it is. */
  record Plan(
      SettingsChange settings,
      List<SettingsStore.ObjectRow> objects,
      List<FieldMapping> mappings) {}

  private final Map<String, GlobalObject> known;
  private final Function<String, ObjectDescribe> describe;
  private final Map<String, ObjectDescribe> described = new HashMap<>();
  private final List<String> problems = new ArrayList<>();

  /**
   * @param known the org's syncable objects, by lower-case name
   * @param describe the org's describe of an object (called once per object named)
   */
  SyncConfigFile(Map<String, GlobalObject> known, Function<String, ObjectDescribe> describe) {
    this.known = known;
    this.describe = describe;
  }

  /**
   * @throws ValidationProblems {@code invalid_sync_config} with every problem found
   */
  Plan read(String json) {
    JsonNode root = JsonObjectFile.read(json, "the file", SyncConfigFile::invalid);
    unknownKeys("", root, TOP);
    Frequency frequency = parse("frequency", root.get("frequency"), Frequency::parse);
    ConflictPolicy policy =
        parse("conflictPolicy", root.get("conflictPolicy"), ConflictPolicy::parse);
    Boolean inbound = null;
    Boolean outbound = null;
    JsonNode directions = root.get("directions");
    if (directions != null) {
      if (!directions.isObject()) {
        problems.add(
            "directions: give {\"salesforceToScopien\": true|false, \"scopienToSalesforce\": true|false}");
      } else {
        unknownKeys("directions.", directions, DIRECTIONS);
        inbound =
            bool("directions.salesforceToScopien", directions.get("salesforceToScopien"), false);
        outbound =
            bool("directions.scopienToSalesforce", directions.get("scopienToSalesforce"), false);
      }
    }
    List<SettingsStore.ObjectRow> objects = objects(root.get("objects"));
    List<FieldMapping> mappings = mappings(root.get("mappings"));
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
    return new Plan(new SettingsChange(frequency, inbound, outbound, policy), objects, mappings);
  }

  private List<SettingsStore.ObjectRow> objects(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      problems.add("objects: give {\"Account\": {\"selected\": true}, ...}");
      return null;
    }
    List<SettingsStore.ObjectRow> rows = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String where = "objects." + e.getKey();
      GlobalObject g = known.get(SyncDefaults.key(e.getKey().trim()));
      if (g == null) {
        problems.add(where + ": the org has no object '" + e.getKey() + "' that can be synced");
        continue;
      }
      JsonNode entry = e.getValue();
      if (!entry.isObject()) {
        problems.add(where + ": give {\"selected\": true|false, ...}");
        continue;
      }
      unknownKeys(where + ".", entry, OBJECT);
      Boolean selected = bool(where + ".selected", entry.get("selected"), true);
      ConflictPolicy policy =
          parse(where + ".conflictPolicy", entry.get("conflictPolicy"), ConflictPolicy::parse);
      List<String> fields = fields(where + ".fields", g.name(), entry.get("fields"));
      if (selected != null) {
        rows.add(new SettingsStore.ObjectRow(g.name(), selected, policy, fields));
      }
    }
    return rows;
  }

  private List<String> fields(String where, String object, JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      problems.add(where + ": give a list of field API names, or leave it out for every field");
      return null;
    }
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (JsonNode f : node) {
      String field = field(where, object, f.isTextual() ? f.asText() : null);
      if (field != null) {
        names.add(field);
      }
    }
    return List.copyOf(names);
  }

  private List<FieldMapping> mappings(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (!node.isArray()) {
      problems.add("mappings: give a list of {\"object\", \"salesforceField\", \"scopienField\"}");
      return null;
    }
    List<FieldMapping> result = new ArrayList<>();
    Map<String, Integer> fieldsSeen = new HashMap<>();
    Map<String, Integer> namesSeen = new HashMap<>();
    for (int i = 0; i < node.size(); i++) {
      String where = "mappings[" + i + "]";
      JsonNode m = node.get(i);
      if (!m.isObject()) {
        problems.add(where + ": give {\"object\", \"salesforceField\", \"scopienField\"}");
        continue;
      }
      unknownKeys(where + ".", m, MAPPING);
      String objectName = m.path("object").asText(null);
      GlobalObject g = objectName == null ? null : known.get(SyncDefaults.key(objectName.trim()));
      if (g == null) {
        problems.add(
            where + ".object: the org has no object '" + objectName + "' that can be synced");
        continue;
      }
      String field =
          field(where + ".salesforceField", g.name(), m.path("salesforceField").asText(null));
      String name =
          m.path("scopienField").isTextual() ? m.path("scopienField").asText().trim() : "";
      if (!SCOPIEN_NAME.matcher(name).matches()) {
        problems.add(
            where
                + ".scopienField: give 1 to 80 letters, digits, spaces or . _ -, starting with a"
                + " letter or digit");
        continue;
      }
      if (field == null) {
        continue;
      }
      Integer before = fieldsSeen.putIfAbsent(SyncDefaults.key(g.name() + "." + field), i);
      if (before != null) {
        problems.add(
            where
                + ": "
                + g.name()
                + "."
                + field
                + " is already mapped by mappings["
                + before
                + "]");
        continue;
      }
      before = namesSeen.putIfAbsent(SyncDefaults.key(g.name() + "." + name), i);
      if (before != null) {
        problems.add(
            where
                + ": '"
                + name
                + "' already names a field of "
                + g.name()
                + " in mappings["
                + before
                + "]");
        continue;
      }
      boolean builtIn =
          SyncDefaults.MAPPINGS.stream()
              .anyMatch(
                  d ->
                      !d.custom()
                          && d.object().equals(g.name())
                          && d.salesforceField().equals(field)
                          && d.scopienField().equals(name));
      result.add(new FieldMapping(g.name(), field, name, !builtIn, FieldMapping.Status.ACTIVE));
    }
    return result;
  }

  /** The field's API name as the org spells it, or null after noting the problem. */
  private String field(String where, String object, String name) {
    if (name == null || name.isBlank()) {
      problems.add(where + ": give a field API name as text");
      return null;
    }
    ObjectDescribe d;
    try {
      d = described.computeIfAbsent(object, describe);
    } catch (ScopienException e) {
      problems.add(where + ": " + object + " cannot be described: " + e.getMessage());
      return null;
    }
    return d.field(name.trim())
        .map(FieldDescribe::name)
        .orElseGet(
            () -> {
              problems.add(where + ": " + object + " has no field '" + name + "'");
              return null;
            });
  }

  private <T> T parse(String where, JsonNode node, Function<String, T> parser) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      problems.add(where + ": give the value as text");
      return null;
    }
    try {
      return parser.apply(node.asText());
    } catch (ScopienException e) {
      problems.add(where + ": " + e.getMessage());
      return null;
    }
  }

  private Boolean bool(String where, JsonNode node, boolean required) {
    if (node == null || node.isNull()) {
      if (required) {
        problems.add(where + ": give true or false");
      }
      return null;
    }
    if (!node.isBoolean()) {
      problems.add(where + ": give true or false, not " + node);
      return null;
    }
    return node.asBoolean();
  }

  private void unknownKeys(String where, JsonNode node, Set<String> allowed) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        problems.add(
            where
                + name
                + ": unknown key; the keys here are "
                + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  static ValidationProblems invalid(List<String> problems) {
    String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
    return new ValidationProblems(
        "invalid_sync_config",
        "The sync configuration has " + count + "; nothing was changed",
        problems);
  }

  /** An object's row as the file writes it, for {@link SyncConfigService#export}. */
  static Map<String, Object> objectEntry(
      boolean selected, ConflictPolicy policy, List<String> fields) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("selected", selected);
    if (policy != null) {
      entry.put("conflictPolicy", policy.wireName());
    }
    if (fields != null) {
      entry.put("fields", fields);
    }
    return entry;
  }
}
