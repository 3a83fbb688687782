package com.scopien.localorg;

/** Salesforce field types as describe names them, with the SOAP type and the stored value kind. */
enum FieldType {
  ID("id", "tns:ID", ValueKind.TEXT),
  STRING("string", "xsd:string", ValueKind.TEXT),
  TEXTAREA("textarea", "xsd:string", ValueKind.TEXT),
  EMAIL("email", "xsd:string", ValueKind.TEXT),
  PHONE("phone", "xsd:string", ValueKind.TEXT),
  URL("url", "xsd:string", ValueKind.TEXT),
  PICKLIST("picklist", "xsd:string", ValueKind.TEXT),
  COMBOBOX("combobox", "xsd:string", ValueKind.TEXT),
  REFERENCE("reference", "tns:ID", ValueKind.TEXT),
  BOOLEAN("boolean", "xsd:boolean", ValueKind.BOOLEAN),
  INT("int", "xsd:int", ValueKind.INTEGER),
  DOUBLE("double", "xsd:double", ValueKind.NUMBER),
  CURRENCY("currency", "xsd:double", ValueKind.NUMBER),
  PERCENT("percent", "xsd:double", ValueKind.NUMBER),
  DATE("date", "xsd:date", ValueKind.DATE),
  DATETIME("datetime", "xsd:dateTime", ValueKind.DATETIME);

  /**
   * How a value of the type is held in the store: String, Boolean, Integer, Double, LocalDate or
   * Instant.
   */
  enum ValueKind {
    TEXT,
    BOOLEAN,
    INTEGER,
    NUMBER,
    DATE,
    DATETIME
  }

  private final String wireName;
  private final String soapType;
  private final ValueKind kind;

  FieldType(String wireName, String soapType, ValueKind kind) {
    this.wireName = wireName;
    this.soapType = soapType;
    this.kind = kind;
  }

  String wireName() {
    return wireName;
  }

  String soapType() {
    return soapType;
  }

  ValueKind kind() {
    return kind;
  }

  boolean isText() {
    return kind == ValueKind.TEXT;
  }

  boolean isNumeric() {
    return kind == ValueKind.INTEGER || kind == ValueKind.NUMBER;
  }
}
