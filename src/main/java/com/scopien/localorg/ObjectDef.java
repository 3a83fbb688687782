package com.scopien.localorg;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One object of the org: names, key prefix, what may be done to it, and its fields in describe
 * order. Field lookup ignores case, as SOQL and the REST API do; each field also has a position,
 * which is where stored records keep its value. Immutable.
 */
final class ObjectDef {

  private final String name;
  private final String label;
  private final String labelPlural;
  private final String keyPrefix;
  private final boolean createable;
  private final boolean updateable;
  private final boolean deletable;
  private final List<FieldDef> fields;
  private final Map<String, Integer> positions = new HashMap<>();
  private final Map<String, Integer> exactPositions = new HashMap<>();

  ObjectDef(
      String name,
      String label,
      String labelPlural,
      String keyPrefix,
      boolean createable,
      boolean updateable,
      boolean deletable,
      List<FieldDef> fields) {
    this.name = name;
    this.label = label;
    this.labelPlural = labelPlural;
    this.keyPrefix = keyPrefix;
    this.createable = createable;
    this.updateable = updateable;
    this.deletable = deletable;
    this.fields = List.copyOf(fields);
    for (int i = 0; i < fields.size(); i++) {
      exactPositions.put(fields.get(i).name(), i);
      if (positions.put(fields.get(i).name().toLowerCase(Locale.ROOT), i) != null) {
        throw new IllegalArgumentException("duplicate field " + fields.get(i).name());
      }
    }
  }

  String name() {
    return name;
  }

  String label() {
    return label;
  }

  String labelPlural() {
    return labelPlural;
  }

  String keyPrefix() {
    return keyPrefix;
  }

  boolean createable() {
    return createable;
  }

  boolean updateable() {
    return updateable;
  }

  boolean deletable() {
    return deletable;
  }

  List<FieldDef> fields() {
    return fields;
  }

  boolean custom() {
    return name.endsWith("__c");
  }

  /** Where records of this object keep the field's value, or -1 when there is no such field. */
  int position(String anyCase) {
    // Most lookups use the canonical name; only other spellings pay for lower-casing.
    Integer exact = exactPositions.get(anyCase);
    if (exact != null) {
      return exact;
    }
    Integer position = positions.get(anyCase.toLowerCase(Locale.ROOT));
    return position == null ? -1 : position;
  }

  Optional<FieldDef> field(String anyCase) {
    int position = position(anyCase);
    return position < 0 ? Optional.empty() : Optional.of(fields.get(position));
  }

  boolean hasField(String anyCase) {
    return position(anyCase) >= 0;
  }

  /** The lookup field whose relationship name is given ({@code Account} for AccountId). */
  Optional<FieldDef> relationship(String anyCase) {
    return fields.stream()
        .filter(f -> f.relationshipName() != null && f.relationshipName().equalsIgnoreCase(anyCase))
        .findFirst();
  }

  Optional<FieldDef> nameFieldDef() {
    return fields.stream().filter(FieldDef::nameField).findFirst();
  }

  /** Whether rows carry IsDeleted and can go to the recycle bin. */
  boolean softDeletes() {
    return hasField("IsDeleted");
  }

  @Override
  public String toString() {
    return name;
  }
}
