package com.scopien.localorg;

import static com.scopien.localorg.FieldSpec.lookup;
import static com.scopien.localorg.FieldSpec.number;
import static com.scopien.localorg.FieldSpec.of;
import static com.scopien.localorg.FieldSpec.picklist;
import static com.scopien.localorg.FieldSpec.text;
import static com.scopien.localorg.FieldSpec.textArea;
import static com.scopien.localorg.ObjectSpec.object;

import java.util.List;

/**
 * The org's own objects. Their key prefixes are assigned per org in real Salesforce ({@code
 * a0X}-style); a sandbox copied from production keeps them, so both flavours use the same ones.
 */
final class CustomObjects {

  static final String[] PROJECT_STATUSES = {"Planned", "Active", "On Hold", "Completed"};
  static final String[] INVOICE_STATUSES = {"Draft", "Sent", "Paid", "Overdue"};
  static final String[] CATEGORIES = {"Alpha", "Beta", "Gamma"};

  private CustomObjects() {}

  static List<ObjectDef> all() {
    return List.of(project(), invoice(), customObject());
  }

  private static ObjectDef project() {
    return object("Project__c", "Project", "Projects", "a01")
        .fields(
            text("Name", "Project Name", 80).required().nameField(),
            lookup("Account__c", "Account", "Account__r", "Account").children("Projects__r"),
            picklist("Status__c", "Status", PROJECT_STATUSES),
            of("Start_Date__c", "Start Date", FieldType.DATE),
            of("End_Date__c", "End Date", FieldType.DATE),
            of("Budget__c", "Budget", FieldType.CURRENCY))
        .build();
  }

  private static ObjectDef invoice() {
    return object("Invoice__c", "Invoice", "Invoices", "a02")
        .fields(
            text("Name", "Invoice Number", 80).autoNumber().nameField(),
            lookup("Project__c", "Project", "Project__r", "Project__c").children("Invoices__r"),
            lookup("Account__c", "Account", "Account__r", "Account").children("Invoices__r"),
            of("Amount__c", "Amount", FieldType.CURRENCY),
            picklist("Status__c", "Status", INVOICE_STATUSES),
            of("Due_Date__c", "Due Date", FieldType.DATE),
            of("Paid__c", "Paid", FieldType.BOOLEAN))
        .build();
  }

  private static ObjectDef customObject() {
    return object("CustomObject__c", "Custom Object", "Custom Objects", "a03")
        .fields(
            text("Name", "Custom Object Name", 80).required().nameField(),
            textArea("Description__c", "Description", 32000),
            of("Active__c", "Active", FieldType.BOOLEAN),
            number("Quantity__c", "Quantity", 18, 0),
            picklist("Category__c", "Category", CATEGORIES),
            text("Legacy_Key__c", "Legacy Key", 40).lookupKey())
        .build();
  }
}
