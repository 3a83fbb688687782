package com.scopien.agent;

import com.scopien.orgs.Org;
import java.util.List;
import java.util.Optional;

/**
 * The Scopien names an admin gave an org's fields ("Deal Value" for Opportunity.Amount). Replies
 * head columns and name fields by them, and requests may use them where a field is expected. Only
 * names an admin set count: built-in defaults are not listed. The sync package implements it from
 * the org's field mapping. Thread-safe.
 */
public interface FieldNames {

  /** One admin-set name: {@code object.field} is shown as {@code scopienName}. */
  record Named(String object, String field, String scopienName) {}

  /** Every admin-set name of the org's fields, empty when there are none. */
  List<Named> of(Org org);

  /** The Scopien name of {@code object.field}, when an admin set one. */
  default Optional<String> scopienName(Org org, String object, String field) {
    return of(org).stream()
        .filter(n -> n.object().equalsIgnoreCase(object) && n.field().equalsIgnoreCase(field))
        .map(Named::scopienName)
        .findFirst();
  }

  /** The API name of the field of {@code object} an admin named {@code scopienName}. */
  default Optional<String> fieldFor(Org org, String object, String scopienName) {
    String wanted = scopienName.trim();
    return of(org).stream()
        .filter(n -> n.object().equalsIgnoreCase(object))
        .filter(n -> n.scopienName().equalsIgnoreCase(wanted))
        .map(Named::field)
        .findFirst();
  }

  /** No mapping: fields are named by their labels. */
  static FieldNames none() {
    return org -> List.of();
  }
}
