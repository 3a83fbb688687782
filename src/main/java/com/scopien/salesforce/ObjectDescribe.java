package com.scopien.salesforce;

import java.util.List;
import java.util.Optional;

/** The describe of one object: its properties and fields. */
public record ObjectDescribe(
    String name,
    String label,
    String labelPlural,
    String keyPrefix,
    boolean custom,
    boolean queryable,
    boolean createable,
    boolean updateable,
    List<FieldDescribe> fields) {
  public ObjectDescribe {
    fields = List.copyOf(fields);
  }

  /** The field with this API name, compared case-insensitively. */
  public Optional<FieldDescribe> field(String name) {
    return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
  }
}
