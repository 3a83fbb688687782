package com.scopien.localorg;

import static com.scopien.localorg.FieldSpec.lookup;
import static com.scopien.localorg.FieldSpec.of;
import static com.scopien.localorg.FieldSpec.picklist;
import static com.scopien.localorg.FieldSpec.text;
import static com.scopien.localorg.FieldSpec.textArea;
import static com.scopien.localorg.ObjectSpec.object;

import java.util.List;

/** Case, Task and Event: the service and activity objects. */
final class ServiceObjects {

  static final String[] CASE_STATUSES = {"New", "Working", "Escalated", "Closed"};
  static final String[] CASE_PRIORITIES = {"High", "Medium", "Low"};
  static final String[] CASE_ORIGINS = {"Phone", "Email", "Web"};
  static final String[] CASE_TYPES = {
    "Mechanical", "Electrical", "Electronic", "Structural", "Other"
  };
  static final String[] CASE_REASONS = {
    "Installation",
    "Equipment Complexity",
    "Performance",
    "Breakdown",
    "Equipment Design",
    "Feedback",
    "Other"
  };
  static final String[] TASK_STATUSES = {
    "Not Started", "In Progress", "Completed", "Waiting on someone else", "Deferred"
  };
  static final String[] TASK_PRIORITIES = {"High", "Normal", "Low"};
  static final String[] TASK_SUBTYPES = {"Task", "Email", "Call", "List Email"};
  static final String[] ACTIVITY_TARGETS = {
    "Account", "Opportunity", "Case", "Campaign", "Product2", "Project__c", "Invoice__c"
  };

  private ServiceObjects() {}

  static List<ObjectDef> all() {
    return List.of(caseObject(), task(), event(), feedItem());
  }

  /** A Chatter post on a record: "Post an update on the Acme Corp Deal: ...". */
  private static ObjectDef feedItem() {
    return object("FeedItem", "Feed Item", "Feed Items", "0D5")
        .unowned()
        .fields(
            lookup(
                    "ParentId",
                    "Parent ID",
                    "Parent",
                    "Account",
                    "Contact",
                    "Lead",
                    "Opportunity",
                    "Case")
                .required(),
            textArea("Body", "Body", 10000).required(),
            picklist("Type", "Feed Item Type", "TextPost", "LinkPost").defaulted("TextPost"))
        .build();
  }

  private static ObjectDef caseObject() {
    return object("Case", "Case", "Cases", "500")
        .fields(
            text("CaseNumber", "Case Number", 30).autoNumber().nameField(),
            lookup("ContactId", "Contact ID", "Contact", "Contact").children("Cases"),
            lookup("AccountId", "Account ID", "Account", "Account").children("Cases"),
            text("SuppliedName", "Name", 80),
            of("SuppliedEmail", "Email Address", FieldType.EMAIL).length(80),
            picklist("Type", "Case Type", CASE_TYPES),
            picklist("Status", "Status", CASE_STATUSES).restricted().defaulted("New"),
            picklist("Reason", "Case Reason", CASE_REASONS),
            picklist("Origin", "Case Origin", CASE_ORIGINS),
            text("Subject", "Subject", 255),
            picklist("Priority", "Priority", CASE_PRIORITIES).defaulted("Medium"),
            textArea("Description", "Description", 32000),
            of("IsClosed", "Closed", FieldType.BOOLEAN).calculated(),
            of("ClosedDate", "Closed Date", FieldType.DATETIME).readOnly(),
            of("IsEscalated", "Escalated", FieldType.BOOLEAN))
        .build();
  }

  private static ObjectDef task() {
    return object("Task", "Task", "Tasks", "00T")
        .fields(
            lookup("WhoId", "Name ID", "Who", "Contact", "Lead").children("Tasks"),
            lookup("WhatId", "Related To ID", "What", ACTIVITY_TARGETS).children("Tasks"),
            of("Subject", "Subject", FieldType.COMBOBOX),
            of("ActivityDate", "Due Date Only", FieldType.DATE),
            picklist("Status", "Status", TASK_STATUSES).required().defaulted("Not Started"),
            picklist("Priority", "Priority", TASK_PRIORITIES).required().defaulted("Normal"),
            picklist("TaskSubtype", "Task Subtype", TASK_SUBTYPES),
            textArea("Description", "Description", 32000),
            of("IsClosed", "Closed", FieldType.BOOLEAN).calculated())
        .build();
  }

  private static ObjectDef event() {
    return object("Event", "Event", "Events", "00U")
        .fields(
            lookup("WhoId", "Name ID", "Who", "Contact", "Lead").children("Events"),
            lookup("WhatId", "Related To ID", "What", ACTIVITY_TARGETS).children("Events"),
            of("Subject", "Subject", FieldType.COMBOBOX),
            text("Location", "Location", 255),
            of("IsAllDayEvent", "All-Day Event", FieldType.BOOLEAN),
            of("StartDateTime", "Start Date Time", FieldType.DATETIME),
            of("EndDateTime", "End Date Time", FieldType.DATETIME),
            of("DurationInMinutes", "Duration", FieldType.INT),
            of("ActivityDate", "Due Date Only", FieldType.DATE),
            textArea("Description", "Description", 32000))
        .build();
  }
}
