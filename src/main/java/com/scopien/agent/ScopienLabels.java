package com.scopien.agent;

import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import java.util.ArrayList;
import java.util.List;

/**
 * A describe as people see it: each field an admin named in the mapping carries its Scopien name as
 * its label, so headings, filter words and answers say "Deal Value" rather than "Amount".
 */
final class ScopienLabels {
  private ScopienLabels() {}

  static ObjectDescribe apply(ObjectDescribe object, List<FieldNames.Named> names) {
    List<FieldNames.Named> own =
        names.stream().filter(n -> n.object().equalsIgnoreCase(object.name())).toList();
    if (own.isEmpty()) {
      return object;
    }
    List<FieldDescribe> fields = new ArrayList<>();
    for (FieldDescribe f : object.fields()) {
      String label =
          own.stream()
              .filter(n -> n.field().equalsIgnoreCase(f.name()))
              .map(FieldNames.Named::scopienName)
              .findFirst()
              .orElse(f.label());
      fields.add(label.equals(f.label()) ? f : relabel(f, label));
    }
    return new ObjectDescribe(
        object.name(),
        object.label(),
        object.labelPlural(),
        object.keyPrefix(),
        object.custom(),
        object.queryable(),
        object.createable(),
        object.updateable(),
        fields);
  }

  private static FieldDescribe relabel(FieldDescribe f, String label) {
    return new FieldDescribe(
        f.name(),
        label,
        f.type(),
        f.length(),
        f.custom(),
        f.createable(),
        f.updateable(),
        f.nillable(),
        f.defaultedOnCreate(),
        f.externalId(),
        f.nameField(),
        f.picklistValues(),
        f.referenceTo(),
        f.relationshipName());
  }
}
