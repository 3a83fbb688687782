package com.scopien.agent;

import com.scopien.security.Role;
import com.scopien.security.User;
import com.scopien.testing.MutableClock;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Instant;
import java.util.Map;

/** The agent wired over two fake orgs with a few named records, as tests need it. */
final class AgentFixture {
  static final User ADMIN = new User("u-admin", "Ada Admin", "ada@acme.com", Role.ADMIN);
  static final User GUEST = new User("u-guest", "Gus Guest", "gus@acme.com", Role.GUEST);
  static final User REP = new User("u-rep", "Rita Rep", "rita@acme.com", Role.USER);

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-22T10:30:00Z"));
  final FakeSalesforceClient production = new FakeSalesforceClient(clock);
  final FakeSalesforceClient sandbox = new FakeSalesforceClient(clock);
  final FakeOrgDirectory orgs = new FakeOrgDirectory(production, sandbox);
  String dealId;

  AgentFixture() {
    for (FakeSalesforceClient org : new FakeSalesforceClient[] {production, sandbox}) {
      String acme =
          org.add(
              "Account",
              Map.of(
                  "Name",
                  "Acme Corporation",
                  "Industry",
                  "Technology",
                  "AnnualRevenue",
                  5_000_000));
      org.add("Account", Map.of("Name", "Globex", "Industry", "Energy", "AnnualRevenue", 900_000));
      dealId =
          org.add(
              "Opportunity",
              Map.of(
                  "Name",
                  "Acme Corp Deal",
                  "StageName",
                  "Closed Won",
                  "Amount",
                  75_000,
                  "CloseDate",
                  "2026-01-15",
                  "AccountId",
                  acme));
      org.add(
          "Opportunity",
          Map.of(
              "Name",
              "Globex Renewal",
              "StageName",
              "Prospecting",
              "Amount",
              20_000,
              "CloseDate",
              "2026-01-28"));
      org.add(
          "Contact",
          Map.of(
              "FirstName",
              "Jane",
              "LastName",
              "Roe",
              "Email",
              "jane.roe@acme.com",
              "AccountId",
              acme,
              "SSN__c",
              "123-45-6789"));
      // Rita (a User) is matched to her Salesforce user by email and owns Jane Smith's lead.
      String rita =
          org.add("User", Map.of("Name", "Rita Rep", "Email", REP.email(), "IsActive", true));
      org.add(
          "Lead",
          Map.of(
              "FirstName",
              "Jane",
              "LastName",
              "Smith",
              "Company",
              "Globex",
              "Status",
              "Open - Not Contacted",
              "Score__c",
              40,
              "OwnerId",
              rita));
      org.add(
          "Case",
          Map.of(
              "Subject",
              "Printer broken",
              "Status",
              "New",
              "Priority",
              "High",
              "IsClosed",
              false,
              "CaseNumber",
              "00001001"));
    }
  }

  AgentService agent(ChatModel model) {
    return AgentService.builder().orgs(orgs).chatModel(model).clock(clock).build();
  }

  /** The offline model understanding by keyword cues alone. */
  AgentService offlineAgent() {
    return AgentService.builder().orgs(orgs).clock(clock).build();
  }

  /** The offline model as Scopien runs it: keyword cues and the embedding model together. */
  AgentService understandingAgent() {
    return AgentService.builder()
        .orgs(orgs)
        .clock(clock)
        .embeddingModel(MemoizingEmbeddingModel.shared())
        .build();
  }
}
