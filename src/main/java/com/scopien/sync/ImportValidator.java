package com.scopien.sync;

import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Checks a mapping against the object's describe, then every row of the CSV file against the fields
 * it maps to, and turns the rows into records to create. All problems are collected: first those of
 * the mapping (the rows cannot be read without it), then those of the rows, by line.
 */
final class ImportValidator {

  /** The records to queue, and the CSV columns no field takes. */
  record Checked(List<PendingCreateStore.NewRecord> records, List<String> ignoredColumns) {}

  /** A mapped column: its index in the file, its header and its field. */
  private record Column(int index, String header, FieldDescribe field) {}

  private final ObjectDescribe describe;
  private final ImportMapping mapping;
  private final Predicate<String> visible;
  private final ImportValues values;

  /**
   * @param visible whether the importing user may see (and so write) a field, by API name
   */
  ImportValidator(ObjectDescribe describe, ImportMapping mapping, Predicate<String> visible) {
    this.describe = describe;
    this.mapping = mapping;
    this.visible = visible;
    this.values = mapping.values();
  }

  /**
   * @throws ValidationProblems {@code invalid_mapping} when the mapping does not fit the object or
   *     the file's columns; {@code invalid_rows} listing every bad row as {@code line N: Field:
   *     problem}
   */
  Checked check(CsvTable table) {
    List<String> problems = new ArrayList<>();
    List<Column> columns = columns(table.header(), problems);
    Map<String, Object> constants = constants(problems);
    FieldDescribe externalId = externalId(columns, constants, problems);
    List<FieldDescribe> required = required(columns, constants, problems);
    if (!problems.isEmpty()) {
      throw ImportMapping.invalid(problems);
    }
    List<PendingCreateStore.NewRecord> records = new ArrayList<>();
    Map<String, Long> seenKeys = new HashMap<>();
    for (CsvTable.Row row : table.rows()) {
      String at = "line " + row.line() + ": ";
      if (row.values().size() != table.header().size()) {
        problems.add(
            at
                + "has "
                + row.values().size()
                + " values, the header has "
                + table.header().size()
                + " columns");
        continue;
      }
      Map<String, Object> fields = new LinkedHashMap<>(constants);
      for (Column c : columns) {
        try {
          Object value = values.parse(c.field(), row.values().get(c.index()));
          if (value != null) {
            fields.put(c.field().name(), value);
          } else if (required.contains(c.field())) {
            problems.add(at + c.field().name() + ": required, but empty");
          }
        } catch (ImportValues.BadValue bad) {
          problems.add(at + c.field().name() + ": " + bad.getMessage());
        }
      }
      String key = null;
      if (externalId != null) {
        Object value = fields.get(externalId.name());
        if (value == null) {
          if (columns.stream().anyMatch(c -> c.field() == externalId)) {
            problems.add(at + externalId.name() + ": empty; rows are matched by this field");
          }
        } else {
          key = String.valueOf(value);
          Long first = seenKeys.putIfAbsent(key.toLowerCase(Locale.ROOT), row.line());
          if (first != null) {
            problems.add(at + externalId.name() + ": '" + key + "' is also on line " + first);
          }
        }
      }
      records.add(
          new PendingCreateStore.NewRecord(
              "line " + row.line(), fields, externalId == null ? null : externalId.name(), key));
    }
    if (!problems.isEmpty()) {
      long bad = problems.stream().map(p -> p.substring(0, p.indexOf(':'))).distinct().count();
      throw new ValidationProblems(
          "invalid_rows",
          (bad == 1 ? "1 row has" : bad + " rows have") + " problems; nothing was queued",
          problems);
    }
    List<String> ignored = new ArrayList<>();
    for (int i = 0; i < table.header().size(); i++) {
      int index = i;
      if (columns.stream().noneMatch(c -> c.index() == index)) {
        ignored.add(table.header().get(i));
      }
    }
    return new Checked(records, ignored);
  }

  private List<Column> columns(List<String> header, List<String> problems) {
    List<Column> result = new ArrayList<>();
    mapping
        .columns()
        .forEach(
            (name, fieldName) -> {
              int index = indexOf(header, name);
              if (index == -2) {
                problems.add("columns." + name + ": the column appears twice on line 1");
              } else if (index < 0) {
                problems.add(
                    "columns."
                        + name
                        + ": no such column on line 1 (the file has "
                        + String.join(", ", header)
                        + ")");
              }
              FieldDescribe field = writable("columns." + name, fieldName, problems);
              if (field != null && index >= 0) {
                result.add(new Column(index, name, field));
              }
            });
    return result;
  }

  private Map<String, Object> constants(List<String> problems) {
    Map<String, Object> result = new LinkedHashMap<>();
    mapping
        .constants()
        .forEach(
            (fieldName, text) -> {
              FieldDescribe field = writable("constants." + fieldName, fieldName, problems);
              if (field == null) {
                return;
              }
              try {
                Object value = values.parse(field, text);
                if (value != null) {
                  result.put(field.name(), value);
                }
              } catch (ImportValues.BadValue bad) {
                problems.add("constants." + fieldName + ": " + bad.getMessage());
              }
            });
    return result;
  }

  private FieldDescribe externalId(
      List<Column> columns, Map<String, Object> constants, List<String> problems) {
    String name = mapping.externalIdField();
    if (name == null) {
      return null;
    }
    FieldDescribe field = describe.field(name).orElse(null);
    if (field == null) {
      problems.add("externalIdField: " + describe.name() + " has no field '" + name + "'");
      return null;
    }
    if (!field.externalId()) {
      problems.add(
          "externalIdField: "
              + describe.name()
              + "."
              + field.name()
              + " is not an External Id field");
      return null;
    }
    boolean given =
        columns.stream().anyMatch(c -> c.field().name().equals(field.name()))
            || constants.containsKey(field.name());
    if (!given) {
      problems.add(
          "externalIdField: map a column to " + field.name() + " to give each row its key");
      return null;
    }
    return columns.stream()
        .map(Column::field)
        .filter(f -> f.name().equals(field.name()))
        .findFirst()
        .orElse(field);
  }

  private List<FieldDescribe> required(
      List<Column> columns, Map<String, Object> constants, List<String> problems) {
    List<FieldDescribe> result = new ArrayList<>();
    for (FieldDescribe f : describe.fields()) {
      boolean required =
          f.createable()
              && !f.nillable()
              && !f.defaultedOnCreate()
              && !"boolean".equalsIgnoreCase(f.type());
      if (!required) {
        continue;
      }
      FieldDescribe mapped =
          columns.stream()
              .map(Column::field)
              .filter(c -> c.name().equals(f.name()))
              .findFirst()
              .orElse(null);
      if (mapped != null) {
        result.add(mapped);
      } else if (!constants.containsKey(f.name())) {
        problems.add(
            f.name()
                + ": required by "
                + describe.name()
                + "; map a column to it or give it in"
                + " 'constants'");
      }
    }
    return result;
  }

  /** The field a column or constant writes, or null after noting why it cannot be written. */
  private FieldDescribe writable(String where, String name, List<String> problems) {
    FieldDescribe field = describe.field(name).orElse(null);
    String full = describe.name() + "." + (field == null ? name : field.name());
    if (field == null) {
      problems.add(where + ": " + describe.name() + " has no field '" + name + "'");
    } else if (!visible.test(field.name())) {
      problems.add(where + ": " + full + " is hidden from your role");
    } else if (ImportValues.UNSUPPORTED.contains(field.type().toLowerCase(Locale.ROOT))) {
      problems.add(where + ": " + full + " is a " + field.type() + " field; it cannot be imported");
    } else if (!field.createable()) {
      problems.add(where + ": " + full + " cannot be set on new records");
    } else if (mapping.externalIdField() != null
        && !field.updateable()
        && !field.name().equalsIgnoreCase(mapping.externalIdField())) {
      problems.add(
          where
              + ": "
              + full
              + " cannot be changed, and rows that match an existing record by "
              + mapping.externalIdField()
              + " update it");
    } else {
      return field;
    }
    return null;
  }

  /** The column's index: exact name first, then ignoring case and spaces; -2 when ambiguous. */
  private static int indexOf(List<String> header, String name) {
    int exact = -1;
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).equals(name)) {
        if (exact >= 0) {
          return -2;
        }
        exact = i;
      }
    }
    if (exact >= 0) {
      return exact;
    }
    int loose = -1;
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).trim().equalsIgnoreCase(name.trim())) {
        if (loose >= 0) {
          return -2;
        }
        loose = i;
      }
    }
    return loose;
  }
}
