package com.scopien.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the columns of a CSV file become the fields of new Salesforce records: the object, each
 * column's field, an optional External Id field to upsert by, constant values for every row, and
 * the formats of dates and date-times. Read from the mapping file (JSON; see the README).
 *
 * @param object the object's API name; null when the command names it
 * @param columns CSV header → field API name, in file order
 * @param externalIdField the field rows are upserted by, or null to create every row
 * @param constants field API name → the text of the value every row gets
 * @param dateFormat a {@link DateTimeFormatter} pattern for dates, or null for ISO ({@code
 *     2024-01-31})
 * @param dateTimeFormat a pattern for date-times without offset, or null for ISO
 * @param timeZone the zone of date-times written without an offset; null for UTC
 */
public record ImportMapping(
    String object,
    Map<String, String> columns,
    String externalIdField,
    Map<String, String> constants,
    String dateFormat,
    String dateTimeFormat,
    String timeZone) {

  private static final Set<String> KEYS =
      Set.of(
          "object",
          "columns",
          "externalIdField",
          "constants",
          "dateFormat",
          "dateTimeFormat",
          "timeZone");

  public ImportMapping {
    columns =
        columns == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    constants =
        constants == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(constants));
  }

  /**
   * Reads a mapping file.
   *
   * @throws ValidationProblems {@code invalid_mapping} with every problem found in the file
   */
  public static ImportMapping parse(String json) {
    List<String> problems = new ArrayList<>();
    JsonNode root = JsonObjectFile.read(json, "the mapping file", ImportMapping::invalid);
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        problems.add(
            "unknown key '"
                + name
                + "'; the keys are object, columns, externalIdField, constants, dateFormat,"
                + " dateTimeFormat and timeZone");
      }
    }
    String object = text(root, "object", problems);
    Map<String, String> columns = new LinkedHashMap<>();
    JsonNode cols = root.get("columns");
    if (cols == null || !cols.isObject() || cols.isEmpty()) {
      problems.add(
          "'columns' must map at least one CSV column to a field: {\"Column\": \"Field\"}");
    } else {
      Map<String, String> targets = new LinkedHashMap<>();
      cols.fields()
          .forEachRemaining(
              e -> {
                JsonNode v = e.getValue();
                if (!v.isTextual() || v.asText().isBlank()) {
                  problems.add("columns." + e.getKey() + ": give the field's API name as text");
                  return;
                }
                String field = v.asText().trim();
                String before = targets.put(field.toLowerCase(Locale.ROOT), e.getKey());
                if (before != null) {
                  problems.add(
                      "columns: '" + before + "' and '" + e.getKey() + "' both map to " + field);
                }
                columns.put(e.getKey(), field);
              });
    }
    Map<String, String> constants = new LinkedHashMap<>();
    JsonNode consts = root.get("constants");
    if (consts != null && !consts.isNull()) {
      if (!consts.isObject()) {
        problems.add("'constants' must be an object: {\"Field\": value}");
      } else {
        consts
            .fields()
            .forEachRemaining(
                e -> {
                  if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    problems.add("constants." + e.getKey() + ": give a text, number or boolean");
                  } else if (columns.values().stream()
                      .anyMatch(f -> f.equalsIgnoreCase(e.getKey()))) {
                    problems.add(
                        "constants." + e.getKey() + ": the field is also mapped from a column");
                  } else {
                    constants.put(e.getKey().trim(), e.getValue().asText());
                  }
                });
      }
    }
    String externalId = text(root, "externalIdField", problems);
    String dateFormat = text(root, "dateFormat", problems);
    String dateTimeFormat = text(root, "dateTimeFormat", problems);
    String timeZone = text(root, "timeZone", problems);
    pattern("dateFormat", dateFormat, problems);
    pattern("dateTimeFormat", dateTimeFormat, problems);
    if (timeZone != null) {
      try {
        ZoneId.of(timeZone);
      } catch (DateTimeException e) {
        problems.add("timeZone: '" + timeZone + "' is not a time zone (try UTC or Europe/Paris)");
      }
    }
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
    return new ImportMapping(
        object, columns, externalId, constants, dateFormat, dateTimeFormat, timeZone);
  }

  /** The same mapping for another object (the command's {@code --object}). */
  public ImportMapping withObject(String name) {
    return new ImportMapping(
        name, columns, externalIdField, constants, dateFormat, dateTimeFormat, timeZone);
  }

  /** The value parser with this mapping's formats (validated by {@link #parse}). */
  ImportValues values() {
    return new ImportValues(
        dateFormat == null ? null : formatter(dateFormat),
        dateTimeFormat == null ? null : formatter(dateTimeFormat),
        timeZone == null ? java.time.ZoneOffset.UTC : ZoneId.of(timeZone));
  }

  /**
   * A strict formatter, so that 31/02/2026 is refused rather than read as the 28th. Strict
   * resolving needs the proleptic year ({@code u}) where people write the year of era ({@code y}).
   */
  private static DateTimeFormatter formatter(String pattern) {
    return DateTimeFormatter.ofPattern(pattern.replace('y', 'u'), Locale.ROOT)
        .withResolverStyle(java.time.format.ResolverStyle.STRICT);
  }

  static ValidationProblems invalid(List<String> problems) {
    return new ValidationProblems(
        "invalid_mapping", "The mapping file has " + count(problems.size()), problems);
  }

  private static String count(int n) {
    return n == 1 ? "1 problem" : n + " problems";
  }

  private static String text(JsonNode root, String key, List<String> problems) {
    JsonNode v = root.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      problems.add("'" + key + "' must be non-empty text");
      return null;
    }
    return v.asText().trim();
  }

  private static void pattern(String key, String pattern, List<String> problems) {
    if (pattern == null) {
      return;
    }
    try {
      formatter(pattern);
    } catch (IllegalArgumentException e) {
      problems.add(key + ": '" + pattern + "' is not a date pattern (such as dd/MM/yyyy)");
    }
  }
}
