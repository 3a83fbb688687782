package com.scopien.localorg;

import java.time.Instant;

/** A row being generated: set fields by name, then build with derived fields applied. */
final class DemoRow {

  private final ObjectDef object;
  private final Object[] values;

  DemoRow(ObjectDef object, String id) {
    this.object = object;
    this.values = new Object[object.fields().size()];
    values[0] = id;
    for (FieldDef field : object.fields()) {
      if (field.type() == FieldType.BOOLEAN) {
        values[object.position(field.name())] = Boolean.FALSE;
      }
    }
  }

  DemoRow set(String field, Object value) {
    int position = object.position(field);
    if (position < 0) {
      throw new IllegalArgumentException(object.name() + " has no field " + field);
    }
    values[position] = value;
    return this;
  }

  Object get(String field) {
    return values[object.position(field)];
  }

  String id() {
    return (String) values[0];
  }

  StoredRecord build(Instant now) {
    DerivedFields.apply(object, values, null, false, now);
    return new StoredRecord(object, values);
  }
}
