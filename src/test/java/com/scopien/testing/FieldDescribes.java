package com.scopien.testing;

import com.scopien.salesforce.FieldDescribe;
import java.util.List;

/** Field describes for tests, without the fourteen arguments each time. */
public final class FieldDescribes {
  private FieldDescribes() {}

  /** A nillable text field, its label its name; {@code updateable} also sets createable. */
  public static FieldDescribe text(String name, boolean updateable) {
    return new FieldDescribe(
        name,
        name,
        "string",
        80,
        name.endsWith("__c"),
        updateable,
        updateable,
        true,
        false,
        false,
        false,
        List.of(),
        List.of(),
        null);
  }

  /** A lookup field {@code name} whose relationship is {@code relationship}, to {@code targets}. */
  public static FieldDescribe reference(String name, String relationship, List<String> targets) {
    return new FieldDescribe(
        name,
        name,
        "reference",
        18,
        name.endsWith("__c"),
        true,
        true,
        true,
        false,
        false,
        false,
        List.of(),
        targets,
        relationship);
  }
}
