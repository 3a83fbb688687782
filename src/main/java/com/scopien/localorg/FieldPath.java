package com.scopien.localorg;

import java.util.ArrayList;
import java.util.List;

/**
 * A field or child-to-parent path of a query ({@code Name}, {@code Account.Owner.Name}, {@code
 * What.Name}) resolved against the schema: the lookups to follow ({@code hops}) and the field at
 * the end. Through a polymorphic lookup ({@code What}, {@code Who}) the target is known only per
 * row, so the leaf is kept by name and read from whatever object the row points at.
 *
 * @param hops lookup fields followed from the queried object, in order
 * @param field the leaf field, or null after a polymorphic hop
 * @param leafName canonical name of the leaf
 */
record FieldPath(List<FieldDef> hops, FieldDef field, String leafName) {

  /** Through a polymorphic lookup, Salesforce's Name pseudo-object gives the target's type here. */
  static final String TYPE = "Type";

  /** Reads the path from a row; null through an empty or dangling lookup. */
  Object value(StoredRecord row, RecordStore store) {
    StoredRecord current = target(row, store);
    if (current == null) {
      return null;
    }
    return leafValue(current);
  }

  /**
   * The leaf read from the row it lives on. Through a polymorphic lookup, {@code Type} is the row's
   * object and {@code Name} falls back to the object's name field (a Case's CaseNumber), as
   * Salesforce's Name pseudo-object does.
   */
  Object leafValue(StoredRecord target) {
    if (polymorphicType()) {
      return target.object().name();
    }
    if (field == null && leafName.equals("Name") && !target.object().hasField("Name")) {
      return target.object().nameFieldDef().map(f -> target.get(f.name())).orElse(null);
    }
    return target.get(leafName);
  }

  /** {@code What.Type}: the object type of the row a polymorphic lookup points at. */
  boolean polymorphicType() {
    return field == null && leafName.equals(TYPE);
  }

  /** The row the leaf lives on: the row itself, or the one the lookups lead to. */
  StoredRecord target(StoredRecord row, RecordStore store) {
    StoredRecord current = row;
    for (FieldDef hop : hops) {
      Object id = current.get(hop.name());
      if (id == null) {
        return null;
      }
      current = store.find((String) id).orElse(null);
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  /** Resolves paths of one query against its object; errors read like Salesforce's. */
  static final class Resolver {
    private final OrgSchema schema;
    private final ObjectDef root;
    private final String alias;
    private final String soql;

    Resolver(OrgSchema schema, ObjectDef root, String alias, String soql) {
      this.schema = schema;
      this.root = root;
      this.alias = alias;
      this.soql = soql;
    }

    ObjectDef root() {
      return root;
    }

    FieldPath resolve(String path) {
      List<String> segments = new ArrayList<>(List.of(path.split("\\.")));
      if (segments.size() > 1
          && (segments.get(0).equalsIgnoreCase(alias == null ? "" : alias)
              || (segments.get(0).equalsIgnoreCase(root.name())
                  && root.relationship(segments.get(0)).isEmpty()))) {
        segments.remove(0);
      }
      List<FieldDef> hops = new ArrayList<>();
      ObjectDef current = root;
      List<ObjectDef> polymorphicTargets = null;
      for (int i = 0; i < segments.size() - 1; i++) {
        String segment = segments.get(i);
        if (current == null) {
          throw SoqlErrors.badRelationship(soql, segment, segment);
        }
        FieldDef lookup =
            current
                .relationship(segment)
                .orElseThrow(() -> SoqlErrors.badRelationship(soql, segment, segment));
        hops.add(lookup);
        if (lookup.polymorphic()) {
          polymorphicTargets = lookup.referenceTo().stream().map(schema::get).toList();
          current = null;
        } else {
          current = schema.get(lookup.referenceTo().get(0));
        }
      }
      String leaf = segments.get(segments.size() - 1);
      if (current != null) {
        ObjectDef owner = current;
        FieldDef field =
            owner
                .field(leaf)
                .orElseThrow(() -> SoqlErrors.noSuchColumn(soql, leaf, leaf, owner.name()));
        return new FieldPath(hops, field, field.name());
      }
      if (leaf.equalsIgnoreCase(TYPE)) {
        return new FieldPath(hops, null, TYPE);
      }
      String canonical =
          polymorphicTargets.stream()
              .flatMap(target -> target.field(leaf).stream())
              .map(FieldDef::name)
              .findFirst()
              .orElseThrow(() -> SoqlErrors.noSuchColumn(soql, leaf, leaf, "Name"));
      return new FieldPath(hops, null, canonical);
    }
  }
}
