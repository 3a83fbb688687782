package com.scopien.localorg;

import java.util.List;
import java.util.function.Predicate;

/**
 * The org's validation rules, checked after defaults and derived fields on every create and update;
 * a failing rule is a {@code FIELD_CUSTOM_VALIDATION_EXCEPTION} carrying the admin's message, as in
 * Salesforce.
 */
final class ValidationRules {

  /** A rule: when {@code failsWhen} holds for the new row, the write is refused. */
  record Rule(String object, String field, String message, Predicate<StoredRecord> failsWhen) {}

  private static final List<Rule> DEMO_RULES =
      List.of(
          new Rule(
              "Opportunity",
              "Amount",
              "Amount must not be negative.",
              row -> row.get("Amount") instanceof Double amount && amount < 0),
          new Rule(
              "Invoice__c",
              "Amount__c",
              "Invoice amount must not be negative.",
              row -> row.get("Amount__c") instanceof Double amount && amount < 0));

  private ValidationRules() {}

  static void check(StoredRecord row) {
    for (Rule rule : DEMO_RULES) {
      if (rule.object().equals(row.object().name()) && rule.failsWhen().test(row)) {
        throw ApiError.badRequest(
            "FIELD_CUSTOM_VALIDATION_EXCEPTION", rule.message(), List.of(rule.field()));
      }
    }
  }
}
