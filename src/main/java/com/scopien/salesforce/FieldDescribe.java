package com.scopien.salesforce;

import java.util.List;

/**
 * One field of a describe. {@code type} is Salesforce's lower-case type name ({@code string},
 * {@code currency}, {@code picklist}, {@code reference}, {@code datetime} ...).
 */
public record FieldDescribe(
    String name,
    String label,
    String type,
    int length,
    boolean custom,
    boolean createable,
    boolean updateable,
    boolean nillable,
    boolean defaultedOnCreate,
    boolean externalId,
    boolean nameField,
    List<PicklistValue> picklistValues,
    List<String> referenceTo,
    String relationshipName) {
  public FieldDescribe {
    picklistValues = List.copyOf(picklistValues);
    referenceTo = List.copyOf(referenceTo);
  }

  /** A value of a picklist field. */
  public record PicklistValue(String value, String label, boolean active, boolean defaultValue) {}
}
