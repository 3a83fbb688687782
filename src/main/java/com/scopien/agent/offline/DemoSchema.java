package com.scopien.agent.offline;

import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.FieldDescribe.PicklistValue;
import com.scopien.salesforce.ObjectDescribe;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema of the demo org ("Acme Corporation") as a static fallback: the objects, the fields
 * people name and their picklist values, for when no org can be described (and for tests).
 */
final class DemoSchema {
  private DemoSchema() {}

  static List<ObjectDescribe> objects() {
    List<ObjectDescribe> all = new ArrayList<>();
    all.add(
        object(
            "Account",
            "Account",
            "Accounts",
            "001",
            false,
            req(name("Name", "Account Name")),
            text(
                "Industry",
                "Industry",
                "picklist",
                "Technology",
                "Finance",
                "Healthcare",
                "Manufacturing",
                "Retail",
                "Energy",
                "Education",
                "Media"),
            num("AnnualRevenue", "Annual Revenue", "currency"),
            num("NumberOfEmployees", "Employees", "int"),
            text("BillingCity", "Billing City", "string"),
            text(
                "Type",
                "Account Type",
                "picklist",
                "Prospect",
                "Customer - Direct",
                "Customer - Channel",
                "Partner"),
            text("Phone", "Account Phone", "phone"),
            text("Website", "Website", "url"),
            text("Description", "Description", "textarea"),
            text("External_ID__c", "External ID", "string"),
            text("Custom_Field__c", "Custom Field", "string")));
    all.add(
        object(
            "Contact",
            "Contact",
            "Contacts",
            "003",
            false,
            calculatedName(),
            text("FirstName", "First Name", "string"),
            req(text("LastName", "Last Name", "string")),
            text("Email", "Email", "email"),
            text("Phone", "Business Phone", "phone"),
            text("Title", "Title", "string"),
            reference("AccountId", "Account ID", "Account"),
            text("SSN__c", "SSN", "string"),
            text("Bank_Account__c", "Bank Account", "string"),
            num("Salary__c", "Salary", "currency"),
            text("Description", "Description", "textarea")));
    all.add(
        object(
            "Lead",
            "Lead",
            "Leads",
            "00Q",
            false,
            calculatedName(),
            text("FirstName", "First Name", "string"),
            req(text("LastName", "Last Name", "string")),
            req(text("Company", "Company", "string")),
            text("Email", "Email", "email"),
            text(
                "Status",
                "Lead Status",
                "picklist",
                "Open - Not Contacted",
                "Working - Contacted",
                "Closed - Converted",
                "Closed - Not Converted"),
            text(
                "LeadSource",
                "Lead Source",
                "picklist",
                "Web",
                "Phone Inquiry",
                "Partner Referral",
                "Trade Show",
                "Other"),
            num("Score__c", "Lead Score", "double"),
            text("Title", "Title", "string"),
            text("Description", "Description", "textarea")));
    all.add(
        object(
            "Opportunity",
            "Opportunity",
            "Opportunities",
            "006",
            false,
            req(name("Name", "Opportunity Name")),
            req(
                text(
                    "StageName",
                    "Stage",
                    "picklist",
                    "Prospecting",
                    "Qualification",
                    "Needs Analysis",
                    "Value Proposition",
                    "Proposal/Price Quote",
                    "Negotiation/Review",
                    "Closed Won",
                    "Closed Lost")),
            num("Amount", "Amount", "currency"),
            req(text("CloseDate", "Close Date", "date")),
            num("Probability", "Probability (%)", "percent"),
            reference("AccountId", "Account ID", "Account"),
            bool("IsClosed", "Closed"),
            bool("IsWon", "Won"),
            text("Type", "Opportunity Type", "picklist", "New Business", "Existing Business"),
            text("Description", "Description", "textarea")));
    all.add(
        object(
            "Case",
            "Case",
            "Cases",
            "500",
            false,
            field(
                "CaseNumber", "Case Number", "string", false, false, false, true, List.of(), null),
            text("Subject", "Subject", "string"),
            text("Status", "Status", "picklist", "New", "Working", "Escalated", "Closed"),
            text("Priority", "Priority", "picklist", "High", "Medium", "Low"),
            text("Origin", "Case Origin", "picklist", "Phone", "Email", "Web"),
            bool("IsClosed", "Closed"),
            reference("AccountId", "Account ID", "Account"),
            text("Description", "Description", "textarea")));
    all.add(
        object(
            "Task",
            "Task",
            "Tasks",
            "00T",
            false,
            name("Subject", "Subject"),
            text(
                "Status",
                "Status",
                "picklist",
                "Not Started",
                "In Progress",
                "Completed",
                "Waiting on someone else",
                "Deferred"),
            text("Priority", "Priority", "picklist", "High", "Normal", "Low"),
            text("TaskSubtype", "Task Subtype", "picklist", "Task", "Email", "Call"),
            text("ActivityDate", "Due Date", "date"),
            reference("WhoId", "Name ID", "Contact"),
            reference("WhatId", "Related To ID", "Account"),
            text("Description", "Description", "textarea"),
            bool("IsClosed", "Closed")));
    all.add(
        object(
            "Event",
            "Event",
            "Events",
            "00U",
            false,
            name("Subject", "Subject"),
            text("StartDateTime", "Start", "datetime"),
            text("EndDateTime", "End", "datetime"),
            text("ActivityDate", "Date", "date"),
            text("Location", "Location", "string")));
    all.add(
        object(
            "Campaign",
            "Campaign",
            "Campaigns",
            "701",
            false,
            name("Name", "Campaign Name"),
            text("Type", "Type", "picklist", "Conference", "Webinar", "Email", "Advertisement"),
            text("Status", "Status", "picklist", "Planned", "In Progress", "Completed", "Aborted"),
            text("StartDate", "Start Date", "date"),
            bool("IsActive", "Active")));
    all.add(
        object(
            "Product2",
            "Product",
            "Products",
            "01t",
            false,
            name("Name", "Product Name"),
            text("ProductCode", "Product Code", "string"),
            text("Family", "Product Family", "picklist", "Hardware", "Software", "Services"),
            bool("IsActive", "Active")));
    all.add(
        object(
            "Project__c",
            "Project",
            "Projects",
            "a01",
            true,
            name("Name", "Project Name"),
            text("Status__c", "Status", "picklist", "Planned", "In Progress", "Completed"),
            num("Budget__c", "Budget", "currency"),
            text("Start_Date__c", "Start Date", "date"),
            reference("Account__c", "Account", "Account")));
    all.add(
        object(
            "Invoice__c",
            "Invoice",
            "Invoices",
            "a02",
            true,
            name("Name", "Invoice Number"),
            num("Amount__c", "Amount", "currency"),
            text("Status__c", "Status", "picklist", "Draft", "Sent", "Paid", "Overdue"),
            text("Due_Date__c", "Due Date", "date"),
            reference("Account__c", "Account", "Account")));
    all.add(
        object(
            "CustomObject__c",
            "Custom Object",
            "Custom Objects",
            "a03",
            true,
            name("Name", "Custom Object Name"),
            text("Custom_Field__c", "Custom Field", "string")));
    return all;
  }

  private static ObjectDescribe object(
      String name,
      String label,
      String plural,
      String prefix,
      boolean custom,
      FieldDescribe... fields) {
    List<FieldDescribe> all = new ArrayList<>();
    all.add(field("Id", "Record ID", "id", false, false, false, false, List.of(), null));
    all.addAll(List.of(fields));
    all.add(
        field(
            "CreatedDate",
            "Created Date",
            "datetime",
            false,
            false,
            false,
            false,
            List.of(),
            null));
    all.add(
        field(
            "LastModifiedDate",
            "Last Modified Date",
            "datetime",
            false,
            false,
            false,
            false,
            List.of(),
            null));
    all.add(
        field("OwnerId", "Owner ID", "reference", false, true, true, false, List.of(), "Owner"));
    return new ObjectDescribe(name, label, plural, prefix, custom, true, true, true, all);
  }

  /** The same field, required on create (not nillable). */
  private static FieldDescribe req(FieldDescribe f) {
    return new FieldDescribe(
        f.name(),
        f.label(),
        f.type(),
        f.length(),
        f.custom(),
        f.createable(),
        f.updateable(),
        false,
        f.defaultedOnCreate(),
        f.externalId(),
        f.nameField(),
        f.picklistValues(),
        f.referenceTo(),
        f.relationshipName());
  }

  private static FieldDescribe name(String name, String label) {
    return field(name, label, "string", true, true, true, true, List.of(), null);
  }

  private static FieldDescribe calculatedName() {
    return field("Name", "Full Name", "string", false, false, true, true, List.of(), null);
  }

  private static FieldDescribe text(String name, String label, String type, String... values) {
    List<PicklistValue> picklist = new ArrayList<>();
    for (String v : values) {
      picklist.add(new PicklistValue(v, v, true, false));
    }
    return field(name, label, type, true, true, true, false, picklist, null);
  }

  private static FieldDescribe num(String name, String label, String type) {
    return field(name, label, type, true, true, true, false, List.of(), null);
  }

  private static FieldDescribe bool(String name, String label) {
    return field(name, label, "boolean", false, false, false, false, List.of(), null);
  }

  private static FieldDescribe reference(String name, String label, String target) {
    String relationship =
        name.endsWith("__c") ? name.replace("__c", "__r") : name.replace("Id", "");
    return field(
        name, label, "reference", true, true, true, false, List.of(), relationship, target);
  }

  private static FieldDescribe field(
      String name,
      String label,
      String type,
      boolean createable,
      boolean updateable,
      boolean nillable,
      boolean nameField,
      List<PicklistValue> values,
      String relationship,
      String... referenceTo) {
    return new FieldDescribe(
        name,
        label,
        type,
        255,
        name.endsWith("__c"),
        createable,
        updateable,
        nillable,
        false,
        false,
        nameField,
        values,
        List.of(referenceTo),
        relationship);
  }
}
