package com.scopien.localorg;

import java.util.ArrayList;
import java.util.List;

/**
 * Declares an object: its own fields between the standard head ({@code Id}, {@code IsDeleted}) and
 * tail ({@code OwnerId} and the audit fields), the order Salesforce's describe uses.
 */
final class ObjectSpec {

  private final String name;
  private final String label;
  private final String labelPlural;
  private final String keyPrefix;
  private final List<FieldSpec> body = new ArrayList<>();
  private boolean owned = true;
  private boolean recycleBin = true;
  private boolean writable = true;

  private ObjectSpec(String name, String label, String labelPlural, String keyPrefix) {
    this.name = name;
    this.label = label;
    this.labelPlural = labelPlural;
    this.keyPrefix = keyPrefix;
  }

  static ObjectSpec object(String name, String label, String labelPlural, String keyPrefix) {
    return new ObjectSpec(name, label, labelPlural, keyPrefix);
  }

  ObjectSpec fields(FieldSpec... specs) {
    body.addAll(List.of(specs));
    return this;
  }

  /** No OwnerId (Product2, User, Organization). */
  ObjectSpec unowned() {
    this.owned = false;
    return this;
  }

  /** Read-only through the API and never deleted (User, Organization). */
  ObjectSpec readOnlyObject() {
    this.writable = false;
    this.recycleBin = false;
    return this;
  }

  ObjectDef build() {
    List<FieldDef> fields = new ArrayList<>();
    fields.add(FieldSpec.of("Id", label + " ID", FieldType.ID).readOnly().required().build());
    if (recycleBin) {
      fields.add(FieldSpec.of("IsDeleted", "Deleted", FieldType.BOOLEAN).readOnly().build());
    }
    body.forEach(spec -> fields.add(spec.build()));
    if (owned) {
      fields.add(
          FieldSpec.lookup("OwnerId", "Owner ID", "Owner", "User")
              .required()
              .defaulted(null)
              .build());
    }
    fields.add(audit("CreatedDate", "Created Date", FieldType.DATETIME));
    fields.add(auditUser("CreatedById", "Created By ID", "CreatedBy"));
    fields.add(audit("LastModifiedDate", "Last Modified Date", FieldType.DATETIME));
    fields.add(auditUser("LastModifiedById", "Last Modified By ID", "LastModifiedBy"));
    fields.add(audit("SystemModstamp", "System Modstamp", FieldType.DATETIME));
    return new ObjectDef(
        name, label, labelPlural, keyPrefix, writable, writable, writable && recycleBin, fields);
  }

  private static FieldDef audit(String fieldName, String fieldLabel, FieldType type) {
    return FieldSpec.of(fieldName, fieldLabel, type).readOnly().required().defaulted(null).build();
  }

  private static FieldDef auditUser(String fieldName, String fieldLabel, String relationship) {
    return FieldSpec.lookup(fieldName, fieldLabel, relationship, "User")
        .readOnly()
        .required()
        .defaulted(null)
        .build();
  }
}
