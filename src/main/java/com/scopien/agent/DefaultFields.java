package com.scopien.agent;

import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The columns shown when a request names no fields: the name and the fields people look at first
 * for each common object, else the name field and the first few custom fields.
 */
final class DefaultFields {
  private static final Map<String, List<String>> KEY_FIELDS =
      Map.ofEntries(
          Map.entry("Opportunity", List.of("Name", "StageName", "Amount", "CloseDate")),
          Map.entry("Account", List.of("Name", "Industry", "AnnualRevenue", "BillingCity")),
          Map.entry("Contact", List.of("Name", "Email", "Phone", "Account.Name")),
          Map.entry("Lead", List.of("Name", "Company", "Status", "Email")),
          Map.entry("Case", List.of("CaseNumber", "Subject", "Status", "Priority")),
          Map.entry("Task", List.of("Subject", "Status", "Priority", "ActivityDate")),
          Map.entry("Event", List.of("Subject", "StartDateTime", "EndDateTime", "Location")),
          Map.entry("Campaign", List.of("Name", "Type", "Status", "StartDate")),
          Map.entry("Product2", List.of("Name", "ProductCode", "Family", "IsActive")),
          Map.entry("User", List.of("Name", "Username", "Email", "IsActive")));

  private DefaultFields() {}

  /** Candidate paths; the caller drops any the org does not have. */
  static List<String> of(ObjectDescribe object) {
    List<String> known = KEY_FIELDS.get(object.name());
    if (known != null) {
      return known;
    }
    List<String> fields = new ArrayList<>();
    fields.add(nameField(object));
    for (FieldDescribe f : object.fields()) {
      if (fields.size() >= 5) {
        break;
      }
      if (f.custom() && !fields.contains(f.name()) && !"reference".equals(f.type())) {
        fields.add(f.name());
      }
    }
    return fields;
  }

  /** The field that names a record: Name, CaseNumber, Subject ... as describe says. */
  static String nameField(ObjectDescribe object) {
    return object.fields().stream()
        .filter(FieldDescribe::nameField)
        .map(FieldDescribe::name)
        .findFirst()
        .orElseGet(
            () ->
                object.field("Name").isPresent()
                    ? "Name"
                    : object.field("Subject").map(FieldDescribe::name).orElse("Id"));
  }
}
