package com.scopien.localorg;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row as the store holds it: values by field position, as String, Boolean, Integer, Double,
 * LocalDate or Instant (see {@link FieldType.ValueKind}), or null. Immutable: a write replaces the
 * row, so a query cursor that holds rows keeps the snapshot it matched.
 */
final class StoredRecord {

  private final ObjectDef object;
  private final Object[] values;

  StoredRecord(ObjectDef object, Object[] values) {
    if (values.length != object.fields().size()) {
      throw new IllegalArgumentException("wrong number of values for " + object.name());
    }
    this.object = object;
    this.values = values;
  }

  ObjectDef object() {
    return object;
  }

  String id() {
    return (String) values[0];
  }

  /** The value of a field of this object (any case); null for null or no such field. */
  Object get(String field) {
    int position = object.position(field);
    return position < 0 ? null : values[position];
  }

  Object get(int position) {
    return values[position];
  }

  boolean deleted() {
    return Boolean.TRUE.equals(get("IsDeleted"));
  }

  Instant systemModstamp() {
    return (Instant) get("SystemModstamp");
  }

  /** A copy of the values, for a write to change. */
  Object[] copyValues() {
    return Arrays.copyOf(values, values.length);
  }

  /** Field name to value in describe order; for tests and direct access. */
  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      map.put(object.fields().get(i).name(), values[i]);
    }
    return map;
  }
}
