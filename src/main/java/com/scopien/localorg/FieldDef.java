package com.scopien.localorg;

import java.util.List;

/**
 * One field of an object, declared once and used by the generator, the write path and describe, so
 * that what describe says is what the data holds.
 *
 * @param picklistValues active values in display order; the first flagged by {@code defaultValue}
 *     is the default on create
 * @param referenceTo target objects of a lookup (several for polymorphic lookups)
 * @param relationshipName name used in SOQL paths ({@code Account}, {@code What}, {@code
 *     Project__r}), or null
 * @param childRelationshipName name of the parent-to-child relationship on the target ({@code
 *     Contacts}), or null
 */
record FieldDef(
    String name,
    String label,
    FieldType type,
    int length,
    int precision,
    int scale,
    boolean createable,
    boolean updateable,
    boolean nillable,
    boolean defaultedOnCreate,
    String defaultValue,
    boolean externalId,
    boolean unique,
    boolean nameField,
    boolean calculated,
    boolean autoNumber,
    List<String> picklistValues,
    boolean restrictedPicklist,
    List<String> referenceTo,
    String relationshipName,
    String childRelationshipName) {

  FieldDef {
    picklistValues = List.copyOf(picklistValues);
    referenceTo = List.copyOf(referenceTo);
  }

  boolean custom() {
    return name.endsWith("__c");
  }

  /** Must be given on create: not nillable, writable and not filled in by the org. */
  boolean required() {
    return !nillable && createable && !defaultedOnCreate && type != FieldType.BOOLEAN;
  }

  boolean isReference() {
    return type == FieldType.REFERENCE;
  }

  boolean polymorphic() {
    return referenceTo.size() > 1;
  }

  boolean hasPicklistValue(String value) {
    return picklistValues.stream().anyMatch(v -> v.equals(value));
  }
}
