package com.scopien.localorg;

import static com.scopien.localorg.DemoVocabulary.pick;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fills a store with Acme Corporation's demo data, deterministically from a seed and "now": the
 * Organization row, users, then accounts, contacts and opportunities here, cases and leads in
 * {@link DemoServiceData}, the smaller objects in {@link DemoActivityData}. The named records of
 * the reference conversations come first and exist at every scale; generated records never reuse
 * their names.
 */
final class DemoDataGenerator {

  static final int ACCOUNTS = 3_456;
  static final int CONTACTS = 12_345;
  static final int OPPORTUNITIES = 8_234;

  static final String ACME = "Acme Corporation";
  static final String ACME_DEAL = "Acme Corp Deal";

  /** An account the other generators attach records to. */
  record AccountRef(String id, String name, String domain, String[] city) {}

  /** A contact with the account it belongs to (null for private contacts). */
  record ContactRef(String id, String accountId) {}

  private final DemoContext ctx;
  private final LocalOrgOptions options;
  final List<AccountRef> accounts = new ArrayList<>();
  final List<ContactRef> contacts = new ArrayList<>();
  final List<String> opportunityIds = new ArrayList<>();

  DemoDataGenerator(DemoContext ctx, LocalOrgOptions options) {
    this.ctx = ctx;
    this.options = options;
  }

  /** Generates everything; returns the Organization's Id. */
  String generate() {
    users();
    String orgId = organization();
    DemoActivityData activities = new DemoActivityData(ctx);
    List<String> campaignIds = activities.campaigns();
    activities.products();
    accounts();
    contacts();
    opportunities(campaignIds);
    ctx.flush();
    DemoServiceData service = new DemoServiceData(ctx, contacts);
    service.cases();
    service.leads();
    ctx.flush();
    activities.activitiesAndCustomObjects(accounts, contacts, opportunityIds);
    ctx.flush();
    return orgId;
  }

  private String organization() {
    boolean sandbox = options.flavour() == LocalOrgOptions.Flavour.SANDBOX;
    DemoRow org = ctx.row("Organization");
    Instant created = ctx.now.minus(1_100, ChronoUnit.DAYS);
    org.set("Name", ACME)
        .set("City", "San Francisco")
        .set("Country", "United States")
        .set("Phone", "(415) 555-0100")
        .set("PrimaryContact", "John Doe")
        .set("DefaultLocaleSidKey", "en_US")
        .set("LanguageLocaleKey", "en_US")
        .set("TimeZoneSidKey", "GMT")
        .set("FiscalYearStartMonth", 1)
        .set("OrganizationType", "Enterprise Edition")
        .set("InstanceName", sandbox ? "CS42" : "NA135")
        .set("IsSandbox", sandbox);
    ctx.add(stampedBy(org, created).build(ctx.now));
    return org.id();
  }

  private void users() {
    String[][] people = {
      {"John", "Doe", options.username(), "Sales Director"},
      {"Sarah", "Chen", "sarah.chen@acme.com", "Account Executive"},
      {"Michael", "Brown", "michael.brown@acme.com", "Account Executive"},
      {"Priya", "Patel", "priya.patel@acme.com", "Support Manager"},
      {"David", "Kim", "david.kim@acme.com", "Marketing Manager"}
    };
    List<DemoRow> rows = new ArrayList<>();
    for (String[] person : people) {
      DemoRow user = ctx.row("User");
      ctx.userIds.add(user.id());
      user.set("FirstName", person[0])
          .set("LastName", person[1])
          .set("Username", person[2])
          .set("Email", person[2].contains("@") ? person[2] : person[0].toLowerCase() + "@acme.com")
          .set("Alias", alias(person[0], person[1]))
          .set("Title", person[3])
          .set("CompanyName", ACME)
          .set("IsActive", true)
          .set("TimeZoneSidKey", "GMT")
          .set("LocaleSidKey", "en_US")
          .set("LanguageLocaleKey", "en_US")
          .set("UserType", "Standard");
      rows.add(user);
    }
    // The sales director manages the two account executives, so a manager sees a team.
    rows.get(1).set("ManagerId", rows.get(0).id());
    rows.get(2).set("ManagerId", rows.get(0).id());
    Instant created = ctx.now.minus(1_000, ChronoUnit.DAYS);
    for (DemoRow user : rows) {
      ctx.add(stampedBy(user, created).build(ctx.now));
    }
  }

  private static String alias(String first, String last) {
    String alias = (first.charAt(0) + last).toLowerCase();
    return alias.length() > 5 ? alias.substring(0, 5) : alias;
  }

  private DemoRow stampedBy(DemoRow row, Instant created) {
    return row.set("CreatedDate", created)
        .set("CreatedById", ctx.johnDoe())
        .set("LastModifiedDate", created)
        .set("LastModifiedById", ctx.johnDoe())
        .set("SystemModstamp", created);
  }

  private void accounts() {
    DemoRow acme = ctx.row("Account");
    acme.set("Name", ACME)
        .set("Type", "Customer - Direct")
        .set("Industry", "Technology")
        .set("Rating", "Hot")
        .set("BillingStreet", "1 Market Street")
        .set("BillingCity", "San Francisco")
        .set("BillingState", "CA")
        .set("BillingPostalCode", "94105")
        .set("BillingCountry", "United States")
        .set("Phone", "(415) 555-0100")
        .set("Website", "www.acme.com")
        .set("AccountNumber", "CD000001")
        .set("AnnualRevenue", 250_000_000.0)
        .set("NumberOfEmployees", 1_200)
        .set("AccountSource", "Partner Referral")
        .set("OwnerId", ctx.johnDoe());
    addAccount(acme, "acme.com", DemoVocabulary.CITIES[0]);
    Set<String> names = new HashSet<>(Set.of(ACME));
    for (int i = 1; i < ctx.count(ACCOUNTS); i++) {
      String name = uniqueCompanyName(names);
      String[] city = pick(ctx.random, DemoVocabulary.CITIES);
      String domain =
          DemoVocabulary.slug(name.replaceAll(" (Inc\\.|LLC|Corp\\.|Ltd\\.|Co\\.)$", "")) + ".com";
      DemoRow row = ctx.row("Account");
      row.set("Name", name)
          .set("Type", pick(ctx.random, SalesObjects.ACCOUNT_TYPES))
          .set("Industry", pick(ctx.random, SalesObjects.INDUSTRIES))
          .set("Rating", ctx.chance(80) ? pick(ctx.random, SalesObjects.RATINGS) : null)
          .set(
              "BillingStreet",
              (1 + ctx.random.nextInt(9_000))
                  + " "
                  + pick(ctx.random, DemoVocabulary.COMPANY_WORDS)
                  + " Avenue")
          .set("BillingCity", city[0])
          .set("BillingState", city[1])
          .set("BillingPostalCode", DemoVocabulary.digits(ctx.random, 5))
          .set("BillingCountry", city[2])
          .set("Phone", DemoVocabulary.phone(ctx.random))
          .set("Website", "www." + domain)
          .set("AccountNumber", "CD" + String.format("%06d", i + 1))
          .set("AnnualRevenue", (double) (1 + ctx.random.nextInt(5_000)) * 100_000)
          .set("NumberOfEmployees", 5 + ctx.random.nextInt(20_000))
          .set("AccountSource", pick(ctx.random, SalesObjects.LEAD_SOURCES));
      addAccount(row, domain, city);
    }
  }

  private void addAccount(DemoRow row, String domain, String[] city) {
    ctx.add(ctx.audit(row, ctx.createdInPastTwoYears()).build(ctx.now));
    accounts.add(new AccountRef(row.id(), (String) row.get("Name"), domain, city));
  }

  private String uniqueCompanyName(Set<String> taken) {
    for (int attempt = 0; ; attempt++) {
      String name =
          (pick(ctx.random, DemoVocabulary.COMPANY_WORDS)
                  + " "
                  + pick(ctx.random, DemoVocabulary.COMPANY_NOUNS)
                  + " "
                  + pick(ctx.random, DemoVocabulary.COMPANY_SUFFIXES))
              .trim();
      if (attempt > 20) {
        name = name + " " + (taken.size() + 1);
      }
      if (taken.add(name)) {
        return name;
      }
    }
  }

  private void contacts() {
    AccountRef acme = accounts.get(0);
    DemoRow jane = ctx.row("Contact");
    jane.set("AccountId", acme.id())
        .set("FirstName", "Jane")
        .set("LastName", "Roe")
        .set("Salutation", "Ms.")
        .set("Email", "jane.roe@acme.com")
        .set("Title", "VP Operations")
        .set("Department", "Operations")
        .set("Phone", "(415) 555-0142")
        .set("MailingCity", "San Francisco")
        .set("MailingState", "CA")
        .set("MailingCountry", "United States")
        .set("LeadSource", "Partner Referral")
        .set("OwnerId", ctx.johnDoe());
    addContact(jane, acme.id());
    for (int i = 1; i < ctx.count(CONTACTS); i++) {
      AccountRef account = ctx.chance(95) ? randomAccount() : null;
      String[] name = ctx.personName("Jane", "Roe");
      DemoRow row = ctx.row("Contact");
      String domain = account == null ? "example.com" : account.domain();
      String[] city = account == null ? pick(ctx.random, DemoVocabulary.CITIES) : account.city();
      row.set("AccountId", account == null ? null : account.id())
          .set("FirstName", name[0])
          .set("LastName", name[1])
          .set("Salutation", ctx.chance(60) ? pick(ctx.random, SalesObjects.SALUTATIONS) : null)
          .set("Email", (name[0] + "." + name[1] + i).toLowerCase() + "@" + domain)
          .set("Title", pick(ctx.random, DemoVocabulary.TITLES))
          .set("Department", pick(ctx.random, DemoVocabulary.DEPARTMENTS))
          .set("Phone", DemoVocabulary.phone(ctx.random))
          .set("MobilePhone", ctx.chance(50) ? DemoVocabulary.phone(ctx.random) : null)
          .set("MailingCity", city[0])
          .set("MailingState", city[1])
          .set("MailingCountry", city[2])
          .set("LeadSource", pick(ctx.random, SalesObjects.LEAD_SOURCES))
          .set("Birthdate", ctx.today.minusDays(8_000 + ctx.random.nextInt(14_000)));
      addContact(row, account == null ? null : account.id());
    }
  }

  private void addContact(DemoRow row, String accountId) {
    // Invented but well-formed: SSNs in the never-issued 9xx area, 12-digit account numbers.
    row.set(
            "SSN__c",
            "9"
                + DemoVocabulary.digits(ctx.random, 2)
                + "-"
                + DemoVocabulary.digits(ctx.random, 2)
                + "-"
                + DemoVocabulary.digits(ctx.random, 4))
        .set("Bank_Account__c", DemoVocabulary.digits(ctx.random, 12))
        .set("Salary__c", (double) (40 + ctx.random.nextInt(210)) * 1_000);
    ctx.add(ctx.audit(row, ctx.createdInPastTwoYears()).build(ctx.now));
    contacts.add(new ContactRef(row.id(), accountId));
  }

  private void opportunities(List<String> campaignIds) {
    AccountRef acme = accounts.get(0);
    DemoRow deal = ctx.row("Opportunity");
    deal.set("AccountId", acme.id())
        .set("Name", ACME_DEAL)
        .set("StageName", "Closed Won")
        .set("Amount", 75_000.0)
        .set("CloseDate", ctx.today.minusDays(14))
        .set("Type", "New Customer")
        .set("LeadSource", "Partner Referral")
        .set("OwnerId", ctx.johnDoe());
    ctx.add(ctx.audit(deal, ctx.now.minus(90, ChronoUnit.DAYS)).build(ctx.now));
    opportunityIds.add(deal.id());
    for (int i = 1; i < ctx.count(OPPORTUNITIES); i++) {
      AccountRef account = randomAccount();
      int roll = ctx.random.nextInt(100);
      String stage =
          roll < 20
              ? "Closed Won"
              : roll < 35
                  ? "Closed Lost"
                  : OpportunityStages.STAGES.get(ctx.random.nextInt(8)).name();
      boolean closed = stage.startsWith("Closed");
      DemoRow row = ctx.row("Opportunity");
      row.set("AccountId", account.id())
          .set("Name", account.name() + " - " + pick(ctx.random, DemoVocabulary.DEAL_WORDS))
          .set("StageName", stage)
          .set("Amount", ctx.chance(98) ? amount() : null)
          .set(
              "CloseDate",
              closed
                  ? ctx.today.minusDays(1 + ctx.random.nextInt(540))
                  : ctx.today.plusDays(-30 + ctx.random.nextInt(270)))
          .set("Type", pick(ctx.random, SalesObjects.OPPORTUNITY_TYPES))
          .set("LeadSource", pick(ctx.random, SalesObjects.LEAD_SOURCES))
          .set(
              "NextStep",
              closed ? null : "Follow up with " + pick(ctx.random, DemoVocabulary.TITLES))
          .set("CampaignId", ctx.chance(10) ? ctx.pick(campaignIds) : null);
      ctx.add(ctx.audit(row, ctx.createdInPastTwoYears()).build(ctx.now));
      opportunityIds.add(row.id());
    }
  }

  /** Log-uniform between 2,000 and 400,000, so about four deals in ten exceed 50,000. */
  private double amount() {
    double log = Math.log(2_000) + ctx.random.nextDouble() * (Math.log(400_000) - Math.log(2_000));
    return Math.round(Math.exp(log) / 100) * 100.0;
  }

  /** Any account but Acme, whose related records are exactly the named ones. */
  private AccountRef randomAccount() {
    return accounts.size() == 1
        ? accounts.get(0)
        : accounts.get(1 + ctx.random.nextInt(accounts.size() - 1));
  }
}
