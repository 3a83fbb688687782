package com.scopien.localorg;

import static com.scopien.localorg.DemoVocabulary.pick;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The smaller demo objects: Campaigns, Products, Tasks, Events and the three custom objects. */
final class DemoActivityData {

  static final int CAMPAIGNS = 120;
  static final int PRODUCTS = 200;
  static final int TASKS = 400;
  static final int EVENTS = 250;
  static final int PROJECTS = 300;
  static final int INVOICES = 600;
  static final int CUSTOM_OBJECTS = 250;

  private final DemoContext ctx;

  DemoActivityData(DemoContext ctx) {
    this.ctx = ctx;
  }

  List<String> campaigns() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < ctx.count(CAMPAIGNS); i++) {
      String type = pick(ctx.random, SalesObjects.CAMPAIGN_TYPES);
      LocalDate start = ctx.today.plusDays(-400 + ctx.random.nextInt(500));
      LocalDate end = start.plusDays(7 + ctx.random.nextInt(90));
      String status =
          end.isBefore(ctx.today)
              ? "Completed"
              : start.isAfter(ctx.today) ? "Planned" : "In Progress";
      double budget = (5 + ctx.random.nextInt(200)) * 500.0;
      DemoRow row = ctx.row("Campaign");
      row.set("Name", pick(ctx.random, DemoVocabulary.COMPANY_WORDS) + " " + type + " " + (i + 1))
          .set("Type", type)
          .set("Status", ctx.chance(5) ? "Aborted" : status)
          .set("StartDate", start)
          .set("EndDate", end)
          .set("BudgetedCost", budget)
          .set("ActualCost", status.equals("Planned") ? null : Math.round(budget * 0.9) * 1.0)
          .set("ExpectedRevenue", budget * (2 + ctx.random.nextInt(8)))
          .set("IsActive", !status.equals("Completed"));
      ctx.add(ctx.audit(row, ctx.createdInPastTwoYears()).build(ctx.now));
      ids.add(row.id());
    }
    return ids;
  }

  void products() {
    for (int i = 0; i < ctx.count(PRODUCTS); i++) {
      String base = DemoVocabulary.PRODUCT_NAMES[i % DemoVocabulary.PRODUCT_NAMES.length];
      String tier =
          DemoVocabulary.PRODUCT_TIERS[
              (i / DemoVocabulary.PRODUCT_NAMES.length) % DemoVocabulary.PRODUCT_TIERS.length];
      DemoRow row = ctx.row("Product2");
      row.set("Name", base + " " + tier + (i >= 60 ? " " + (i / 60 + 1) : ""))
          .set("ProductCode", String.format("PRD-%04d", i + 1))
          .set("Family", pick(ctx.random, SalesObjects.PRODUCT_FAMILIES))
          .set("IsActive", ctx.chance(90))
          .set("Description", base + " in the " + tier + " edition");
      ctx.add(ctx.audit(row, ctx.createdInPastTwoYears()).build(ctx.now));
    }
  }

  void activitiesAndCustomObjects(
      List<DemoDataGenerator.AccountRef> accounts,
      List<DemoDataGenerator.ContactRef> contacts,
      List<String> opportunityIds) {
    for (int i = 0; i < ctx.count(TASKS); i++) {
      String status = pick(ctx.random, ServiceObjects.TASK_STATUSES);
      DemoRow row = ctx.row("Task");
      row.set("WhoId", ctx.pick(contacts).id())
          .set("WhatId", ctx.chance(50) ? ctx.pick(opportunityIds) : ctx.pick(accounts).id())
          .set("Subject", pick(ctx.random, DemoVocabulary.TASK_SUBJECTS))
          .set("ActivityDate", ctx.today.plusDays(-60 + ctx.random.nextInt(90)))
          .set("Status", status)
          .set("Priority", pick(ctx.random, ServiceObjects.TASK_PRIORITIES));
      ctx.add(ctx.audit(row, ctx.createdInPastTwoYears()).build(ctx.now));
    }
    for (int i = 0; i < ctx.count(EVENTS); i++) {
      Instant start =
          ctx.now
              .plusSeconds(3_600L * (-24 * 60 + ctx.random.nextInt(24 * 90)))
              .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
      int minutes = 30 * (1 + ctx.random.nextInt(4));
      DemoRow row = ctx.row("Event");
      row.set("WhoId", ctx.pick(contacts).id())
          .set("WhatId", ctx.chance(50) ? ctx.pick(opportunityIds) : ctx.pick(accounts).id())
          .set("Subject", pick(ctx.random, DemoVocabulary.EVENT_SUBJECTS))
          .set("Location", ctx.chance(50) ? "Zoom" : pick(ctx.random, DemoVocabulary.CITIES)[0])
          .set("StartDateTime", start)
          .set("EndDateTime", start.plusSeconds(60L * minutes))
          .set("DurationInMinutes", minutes)
          .set("ActivityDate", LocalDate.ofInstant(start, ZoneOffset.UTC));
      ctx.add(ctx.audit(row, ctx.createdInPastTwoYears()).build(ctx.now));
    }
    customObjects(accounts);
  }

  private void customObjects(List<DemoDataGenerator.AccountRef> accounts) {
    List<DemoRow> projects = new ArrayList<>();
    for (int i = 0; i < ctx.count(PROJECTS); i++) {
      LocalDate start = ctx.today.plusDays(-500 + ctx.random.nextInt(560));
      DemoRow row = ctx.row("Project__c");
      row.set("Name", "Project " + pick(ctx.random, DemoVocabulary.COMPANY_WORDS) + " " + (i + 1))
          .set("Account__c", ctx.pick(accounts).id())
          .set("Status__c", pick(ctx.random, CustomObjects.PROJECT_STATUSES))
          .set("Start_Date__c", start)
          .set("End_Date__c", start.plusDays(30 + ctx.random.nextInt(300)))
          .set("Budget__c", (double) (10 + ctx.random.nextInt(490)) * 1_000);
      ctx.add(ctx.audit(row, ctx.createdInPastTwoYears()).build(ctx.now));
      projects.add(row);
    }
    ObjectDef invoice = ctx.store.schema().get("Invoice__c");
    FieldDef invoiceName = invoice.field("Name").orElseThrow();
    for (int i = 0; i < ctx.count(INVOICES); i++) {
      DemoRow project = ctx.pick(projects);
      String status = pick(ctx.random, CustomObjects.INVOICE_STATUSES);
      DemoRow row = ctx.row("Invoice__c");
      row.set("Name", AutoNumbers.format(invoice, invoiceName, ctx.store.nextAutoNumber(invoice)))
          .set("Project__c", project.id())
          .set("Account__c", project.get("Account__c"))
          .set("Amount__c", (double) (5 + ctx.random.nextInt(995)) * 100)
          .set("Status__c", status)
          .set("Due_Date__c", ctx.today.plusDays(-120 + ctx.random.nextInt(180)))
          .set("Paid__c", status.equals("Paid"));
      ctx.add(ctx.audit(row, ctx.createdInPastTwoYears()).build(ctx.now));
    }
    for (int i = 0; i < ctx.count(CUSTOM_OBJECTS); i++) {
      DemoRow row = ctx.row("CustomObject__c");
      row.set("Name", String.format("Item %04d", i + 1))
          .set("Description__c", ctx.chance(50) ? "Demo item " + (i + 1) : null)
          .set("Active__c", ctx.chance(80))
          .set("Quantity__c", (double) ctx.random.nextInt(1_000))
          .set("Category__c", pick(ctx.random, CustomObjects.CATEGORIES));
      ctx.add(ctx.audit(row, ctx.createdInPastTwoYears()).build(ctx.now));
    }
  }
}
