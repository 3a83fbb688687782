package com.scopien.localorg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every object of the local org, in describeGlobal order, found by name (any case) or by key
 * prefix, with the parent-to-child relationships derived from the lookups. Immutable.
 */
final class OrgSchema {

  /** A parent-to-child relationship as describe lists it on the parent. */
  record ChildRelationship(String childObject, String field, String relationshipName) {}

  private final List<ObjectDef> objects;
  private final Map<String, ObjectDef> byLowerName = new LinkedHashMap<>();
  private final Map<String, ObjectDef> byPrefix = new LinkedHashMap<>();
  private final Map<String, List<ChildRelationship>> children = new LinkedHashMap<>();

  OrgSchema(List<ObjectDef> objects) {
    this.objects = List.copyOf(objects);
    for (ObjectDef object : objects) {
      byLowerName.put(object.name().toLowerCase(Locale.ROOT), object);
      byPrefix.put(object.keyPrefix(), object);
    }
    for (ObjectDef object : objects) {
      for (FieldDef field : object.fields()) {
        if (field.childRelationshipName() == null) {
          continue;
        }
        for (String parent : field.referenceTo()) {
          children
              .computeIfAbsent(parent, k -> new ArrayList<>())
              .add(
                  new ChildRelationship(
                      object.name(), field.name(), field.childRelationshipName()));
        }
      }
    }
  }

  /**
   * The demo org's objects: standard sales and service objects, custom ones, User, Organization.
   */
  static OrgSchema demo() {
    List<ObjectDef> all = new ArrayList<>();
    all.addAll(SalesObjects.all());
    all.addAll(ServiceObjects.all());
    all.addAll(CustomObjects.all());
    all.addAll(SystemObjects.all());
    all.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
    return new OrgSchema(all);
  }

  List<ObjectDef> objects() {
    return objects;
  }

  Optional<ObjectDef> find(String anyCase) {
    return Optional.ofNullable(byLowerName.get(anyCase.toLowerCase(Locale.ROOT)));
  }

  /** The object with the given name, which the caller knows exists. */
  ObjectDef get(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException("unknown object " + name));
  }

  Optional<ObjectDef> byKeyPrefix(String prefix) {
    return Optional.ofNullable(byPrefix.get(prefix));
  }

  List<ChildRelationship> childRelationships(String objectName) {
    return children.getOrDefault(objectName, List.of());
  }

  /** The child relationship named on the parent ({@code Contacts} on Account), if any. */
  Optional<ChildRelationship> childRelationship(String parent, String relationshipName) {
    return childRelationships(parent).stream()
        .filter(c -> c.relationshipName().equalsIgnoreCase(relationshipName))
        .findFirst();
  }
}
