package com.scopien.agent;

import java.util.Locale;
import java.util.Set;

/**
 * Which fields the assistant may never read, filter on or write. The default hides the sensitive
 * fields of the product guide (social security numbers, bank details, salary) on every object.
 */
@FunctionalInterface
interface FieldPolicy {
  boolean hidden(String object, String field);

  static FieldPolicy sensitiveDefaults() {
    Set<String> hidden = Set.of("ssn__c", "bank_account__c", "salary__c");
    return (object, field) -> hidden.contains(field.toLowerCase(Locale.ROOT));
  }
}
