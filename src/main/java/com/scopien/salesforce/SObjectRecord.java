package com.scopien.salesforce;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record as Salesforce returned it: its type and its fields in the order returned, without the
 * {@code attributes} entry. A parent relationship ({@code Account.Name}) is a nested {@code
 * SObjectRecord} or null; values are String, Boolean, Long/Double/BigDecimal, or null.
 */
public record SObjectRecord(String type, Map<String, Object> fields) {
  public SObjectRecord {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public String id() {
    Object id = fields.get("Id");
    return id == null ? null : id.toString();
  }

  /** The value at a dotted path such as {@code Account.Name}, or null. */
  public Object get(String path) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      return fields.get(path);
    }
    Object parent = fields.get(path.substring(0, dot));
    return parent instanceof SObjectRecord r ? r.get(path.substring(dot + 1)) : null;
  }
}
