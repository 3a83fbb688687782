package com.scopien.sync;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The product's defaults for a newly connected org: which objects are synced and which fields are
 * shown under Scopien names. Objects not named here are not synced until an admin selects them.
 */
final class SyncDefaults {

  /** Synced unless an admin says otherwise (Campaign, Product2, CustomObject__c are not). */
  static final List<String> SELECTED_OBJECTS =
      List.of(
          "Account",
          "Contact",
          "Lead",
          "Opportunity",
          "Case",
          "Task",
          "Event",
          "Project__c",
          "Invoice__c");

  /** The built-in mappings, then the reference's custom ones (all on Lead in the demo org). */
  static final List<FieldMapping> MAPPINGS =
      List.of(
          standard("Account", "Name", "Company Name"),
          standard("Account", "AnnualRevenue", "Revenue"),
          standard("Opportunity", "Amount", "Deal Value"),
          standard("Lead", "Company", "Company"),
          standard("Contact", "Email", "Email Address"),
          custom("Lead", "Custom_Field__c", "Custom Property"),
          custom("Lead", "External_ID__c", "External Reference"),
          custom("Lead", "Score__c", "Lead Score"));

  private static final Set<String> SELECTED_KEYS =
      SELECTED_OBJECTS.stream().map(SyncDefaults::key).collect(Collectors.toUnmodifiableSet());

  private SyncDefaults() {}

  static boolean selectedByDefault(String object) {
    return SELECTED_KEYS.contains(key(object));
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static FieldMapping standard(String object, String field, String name) {
    return new FieldMapping(object, field, name, false, FieldMapping.Status.ACTIVE);
  }

  private static FieldMapping custom(String object, String field, String name) {
    return new FieldMapping(object, field, name, true, FieldMapping.Status.ACTIVE);
  }
}
