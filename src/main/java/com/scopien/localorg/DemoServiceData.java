package com.scopien.localorg;

import static com.scopien.localorg.DemoVocabulary.pick;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Demo Cases (attached to contacts and their accounts) and Leads, including "Jane Smith". */
final class DemoServiceData {

  static final int CASES = 15_678;
  static final int LEADS = 18_287;

  private final DemoContext ctx;
  private final List<DemoDataGenerator.ContactRef> contacts;

  DemoServiceData(DemoContext ctx, List<DemoDataGenerator.ContactRef> contacts) {
    this.ctx = ctx;
    this.contacts = contacts;
  }

  void cases() {
    ObjectDef caseObject = ctx.store.schema().get("Case");
    FieldDef caseNumber = caseObject.field("CaseNumber").orElseThrow();
    for (int i = 0; i < ctx.count(CASES); i++) {
      // Skip Jane Roe (index 0) so Acme's records stay exactly the named ones.
      DemoDataGenerator.ContactRef contact =
          contacts.size() == 1 ? null : contacts.get(1 + ctx.random.nextInt(contacts.size() - 1));
      int roll = ctx.random.nextInt(100);
      String status =
          roll < 50 ? "Closed" : roll < 65 ? "New" : roll < 90 ? "Working" : "Escalated";
      Instant created = ctx.createdInPastTwoYears();
      DemoRow row = ctx.row("Case");
      row.set(
              "CaseNumber",
              AutoNumbers.format(caseObject, caseNumber, ctx.store.nextAutoNumber(caseObject)))
          .set("ContactId", contact == null ? null : contact.id())
          .set("AccountId", contact == null ? null : contact.accountId())
          .set("Subject", pick(ctx.random, DemoVocabulary.CASE_SUBJECTS))
          .set("Status", status)
          .set("Priority", pick(ctx.random, ServiceObjects.CASE_PRIORITIES))
          .set("Origin", pick(ctx.random, ServiceObjects.CASE_ORIGINS))
          .set("Type", pick(ctx.random, ServiceObjects.CASE_TYPES))
          .set("Reason", pick(ctx.random, ServiceObjects.CASE_REASONS))
          .set("IsEscalated", status.equals("Escalated"));
      if (status.equals("Closed")) {
        Instant closed = created.plus(ctx.random.nextInt(20 * 24), ChronoUnit.HOURS);
        row.set("ClosedDate", closed.isAfter(ctx.now) ? ctx.now : closed);
      }
      ctx.add(ctx.audit(row, created).build(ctx.now));
    }
  }

  void leads() {
    DemoRow jane = ctx.row("Lead");
    jane.set("FirstName", "Jane")
        .set("LastName", "Smith")
        .set("Company", "Globex")
        .set("Title", "Head of Procurement")
        .set("Email", "jane.smith@globex.com")
        .set("Phone", "(312) 555-0187")
        .set("City", "Chicago")
        .set("State", "IL")
        .set("Country", "United States")
        .set("Industry", "Manufacturing")
        .set("LeadSource", "Web")
        .set("Status", "Working - Contacted")
        .set("Rating", "Warm")
        .set("External_ID__c", externalId(0))
        .set("Score__c", 72.0)
        .set("OwnerId", ctx.johnDoe());
    ctx.add(ctx.audit(jane, ctx.now.minus(20, ChronoUnit.DAYS)).build(ctx.now));
    for (int i = 1; i < ctx.count(LEADS); i++) {
      String[] name = ctx.personName("Jane", "Smith");
      String company =
          pick(ctx.random, DemoVocabulary.COMPANY_WORDS)
              + " "
              + pick(ctx.random, DemoVocabulary.COMPANY_NOUNS);
      String[] city = pick(ctx.random, DemoVocabulary.CITIES);
      int roll = ctx.random.nextInt(100);
      String status = SalesObjects.LEAD_STATUSES[roll < 30 ? 0 : roll < 60 ? 1 : roll < 75 ? 2 : 3];
      Instant created = ctx.chance(1) ? ctx.createdToday() : ctx.createdInPastTwoYears();
      DemoRow row = ctx.row("Lead");
      row.set("FirstName", name[0])
          .set("LastName", name[1])
          .set("Company", company)
          .set("Title", pick(ctx.random, DemoVocabulary.TITLES))
          .set(
              "Email",
              (name[0] + "." + name[1] + i).toLowerCase()
                  + "@"
                  + DemoVocabulary.slug(company)
                  + ".com")
          .set("Phone", DemoVocabulary.phone(ctx.random))
          .set("City", city[0])
          .set("State", city[1])
          .set("Country", city[2])
          .set("Industry", pick(ctx.random, SalesObjects.INDUSTRIES))
          .set("LeadSource", pick(ctx.random, SalesObjects.LEAD_SOURCES))
          .set("Status", status)
          .set("Rating", ctx.chance(70) ? pick(ctx.random, SalesObjects.RATINGS) : null)
          .set(
              "AnnualRevenue",
              ctx.chance(60) ? (double) (1 + ctx.random.nextInt(900)) * 100_000 : null)
          .set("NumberOfEmployees", ctx.chance(60) ? 1 + ctx.random.nextInt(5_000) : null)
          .set("Description", ctx.chance(40) ? pick(ctx.random, DemoVocabulary.LEAD_NOTES) : null)
          .set(
              "Custom_Field__c",
              ctx.chance(50) ? "Segment " + (char) ('A' + ctx.random.nextInt(4)) : null)
          .set("External_ID__c", externalId(i))
          .set("Score__c", (double) ctx.random.nextInt(101))
          .set("IsUnreadByOwner", status.equals(SalesObjects.LEAD_STATUSES[0]) && ctx.chance(50));
      if (status.equals("Closed - Converted")) {
        LocalDate createdDay = LocalDate.ofInstant(created, ZoneOffset.UTC);
        LocalDate converted = createdDay.plusDays(ctx.random.nextInt(60));
        row.set("IsConverted", true)
            .set("ConvertedDate", converted.isAfter(ctx.today) ? ctx.today : converted);
      }
      ctx.add(ctx.audit(row, created).build(ctx.now));
    }
  }

  private static String externalId(int index) {
    return String.format("EXT-%06d", index + 1);
  }
}
