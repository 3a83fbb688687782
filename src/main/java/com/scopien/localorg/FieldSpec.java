package com.scopien.localorg;

import java.util.Arrays;
import java.util.List;

/** A fluent way to declare a {@link FieldDef}; the schema classes read like a field list. */
final class FieldSpec {

  private final String name;
  private final String label;
  private final FieldType type;
  private int length;
  private int precision;
  private int scale;
  private boolean createable = true;
  private boolean updateable = true;
  private boolean nillable = true;
  private boolean defaulted;
  private String defaultValue;
  private boolean externalId;
  private boolean unique;
  private boolean nameField;
  private boolean calculated;
  private boolean autoNumber;
  private List<String> picklist = List.of();
  private boolean restricted;
  private List<String> referenceTo = List.of();
  private String relationshipName;
  private String childRelationshipName;

  private FieldSpec(String name, String label, FieldType type) {
    this.name = name;
    this.label = label;
    this.type = type;
  }

  static FieldSpec of(String name, String label, FieldType type) {
    FieldSpec spec = new FieldSpec(name, label, type);
    switch (type) {
      case ID, REFERENCE -> spec.length = 18;
      case EMAIL, PHONE, URL, PICKLIST, COMBOBOX -> spec.length = 255;
      case BOOLEAN -> {
        spec.nillable = false;
        spec.defaulted = true;
        spec.defaultValue = "false";
      }
      case CURRENCY -> spec.digits(18, 2);
      case PERCENT -> spec.digits(3, 0);
      case INT -> spec.precision = 9;
      default -> {}
    }
    return spec;
  }

  static FieldSpec text(String name, String label, int length) {
    return of(name, label, FieldType.STRING).length(length);
  }

  static FieldSpec textArea(String name, String label, int length) {
    return of(name, label, FieldType.TEXTAREA).length(length);
  }

  static FieldSpec picklist(String name, String label, String... values) {
    FieldSpec spec = of(name, label, FieldType.PICKLIST);
    spec.picklist = Arrays.asList(values);
    return spec;
  }

  static FieldSpec number(String name, String label, int precision, int scale) {
    return of(name, label, FieldType.DOUBLE).digits(precision, scale);
  }

  static FieldSpec lookup(String name, String label, String relationship, String... targets) {
    FieldSpec spec = of(name, label, FieldType.REFERENCE);
    spec.relationshipName = relationship;
    spec.referenceTo = Arrays.asList(targets);
    return spec;
  }

  FieldSpec length(int value) {
    this.length = value;
    return this;
  }

  FieldSpec digits(int precisionDigits, int scaleDigits) {
    this.precision = precisionDigits;
    this.scale = scaleDigits;
    return this;
  }

  FieldSpec required() {
    this.nillable = false;
    return this;
  }

  /** Neither createable nor updateable: the org computes or stamps it. */
  FieldSpec readOnly() {
    this.createable = false;
    this.updateable = false;
    return this;
  }

  /** Computed from other fields (Contact Name, Opportunity IsClosed). */
  FieldSpec calculated() {
    this.calculated = true;
    return readOnly();
  }

  FieldSpec autoNumber() {
    this.autoNumber = true;
    this.nillable = false;
    this.defaulted = true;
    return readOnly();
  }

  /** Filled in by the org when the create leaves it out. */
  FieldSpec defaulted(String value) {
    this.defaulted = true;
    this.defaultValue = value;
    return this;
  }

  FieldSpec nameField() {
    this.nameField = true;
    return this;
  }

  FieldSpec externalId() {
    this.externalId = true;
    this.unique = true;
    return this;
  }

  /** An External Id without the unique attribute: upserts may then match several rows. */
  FieldSpec lookupKey() {
    this.externalId = true;
    return this;
  }

  FieldSpec unique() {
    this.unique = true;
    return this;
  }

  FieldSpec restricted() {
    this.restricted = true;
    return this;
  }

  FieldSpec children(String relationship) {
    this.childRelationshipName = relationship;
    return this;
  }

  FieldDef build() {
    return new FieldDef(
        name,
        label,
        type,
        length,
        precision,
        scale,
        createable,
        updateable,
        nillable,
        defaulted,
        defaultValue,
        externalId,
        unique,
        nameField,
        calculated,
        autoNumber,
        picklist,
        restricted,
        referenceTo,
        relationshipName,
        childRelationshipName);
  }
}
