package com.scopien.localorg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SOQL over the full-size production org (58,000 core records), over real HTTP. */
class LocalOrgQueryTest {

  private static final Logger LOG = LoggerFactory.getLogger(LocalOrgQueryTest.class);

  private static LocalOrg org;
  private static OrgHttp api;
  private static long startMillis;

  @BeforeAll
  static void start() {
    long started = System.nanoTime();
    org = LocalOrg.start(LocalOrgOptions.production());
    startMillis = (System.nanoTime() - started) / 1_000_000;
    LOG.info(
        "full production org: generated in {} ms, serving after {} ms",
        org.generationTime().toMillis(),
        startMillis);
    api = OrgHttp.connected(org);
  }

  @AfterAll
  static void stop() {
    org.close();
  }

  @Test
  void fullOrgIsReadyWithinSeconds() {
    assertThat(startMillis).isLessThan(15_000);
  }

  @Test
  void coreObjectsHoldTheDocumentedCounts() {
    assertThat(count("Account")).isEqualTo(3_456);
    assertThat(count("Contact")).isEqualTo(12_345);
    assertThat(count("Opportunity")).isEqualTo(8_234);
    assertThat(count("Case")).isEqualTo(15_678);
    assertThat(count("Lead")).isEqualTo(18_287);
    for (String object :
        List.of(
            "Task",
            "Event",
            "Campaign",
            "Product2",
            "Project__c",
            "Invoice__c",
            "CustomObject__c")) {
      assertThat(count(object)).as(object).isBetween(100, 1_000);
    }
  }

  @Test
  void pagingThroughAllLeadsReturnsEachOnce() {
    OrgHttp.Reply first = api.query("SELECT Id, Name FROM Lead");
    JsonNode page = first.json();
    assertThat(page.get("totalSize").asInt()).isEqualTo(18_287);
    assertThat(page.get("done").asBoolean()).isFalse();
    assertThat(page.get("records")).hasSize(2_000);
    assertThat(page.get("nextRecordsUrl").asText())
        .matches("/services/data/v62\\.0/query/01g\\w{15}-2000");
    Set<String> ids = new HashSet<>();
    int pages = 0;
    while (true) {
      pages++;
      for (JsonNode record : page.get("records")) {
        assertThat(ids.add(record.get("Id").asText())).isTrue();
      }
      if (page.get("done").asBoolean()) {
        assertThat(page.has("nextRecordsUrl")).isFalse();
        break;
      }
      page = api.get(page.get("nextRecordsUrl").asText()).json();
      assertThat(page.get("totalSize").asInt()).isEqualTo(18_287);
    }
    assertThat(ids).hasSize(18_287);
    assertThat(pages).isEqualTo(10);
  }

  @Test
  void batchSizeHeaderSetsThePageSize() {
    OrgHttp.Reply reply =
        api.get(
            OrgHttp.V + "/query?q=" + OrgHttp.encode("SELECT Id FROM Contact"),
            "Sforce-Query-Options",
            "batchSize=500");
    assertThat(reply.json().get("records")).hasSize(500);
    assertThat(reply.json().get("nextRecordsUrl").asText()).endsWith("-500");
  }

  @Test
  void recordsCarryAttributesAndCanonicalFieldsInSelectOrder() {
    JsonNode record =
        api.query("select amount, name, stagename from opportunity where name = 'acme corp deal'")
            .json()
            .get("records")
            .get(0);
    List<String> keys = new ArrayList<>();
    record.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("attributes", "Amount", "Name", "StageName");
    assertThat(record.get("attributes").get("type").asText()).isEqualTo("Opportunity");
    assertThat(record.get("attributes").get("url").asText())
        .startsWith(OrgHttp.V + "/sobjects/Opportunity/006");
    assertThat(record.get("Amount").asDouble()).isEqualTo(75_000.0);
    assertThat(record.get("StageName").asText()).isEqualTo("Closed Won");
  }

  @Test
  void parentFieldsNestWithTheirOwnAttributes() {
    JsonNode jane =
        api.query(
                "SELECT Name, Email, Account.Name, Account.Owner.Name FROM Contact"
                    + " WHERE Email = 'jane.roe@acme.com'")
            .json();
    assertThat(jane.get("totalSize").asInt()).isEqualTo(1);
    JsonNode account = jane.get("records").get(0).get("Account");
    assertThat(account.get("attributes").get("type").asText()).isEqualTo("Account");
    assertThat(account.get("Name").asText()).isEqualTo("Acme Corporation");
    assertThat(account.get("Owner").get("Name").asText()).isEqualTo("John Doe");

    JsonNode orphan =
        api.query("SELECT Name, Account.Name FROM Contact WHERE AccountId = null" + " LIMIT 1")
            .json()
            .get("records")
            .get(0);
    assertThat(orphan.get("Account").isNull()).isTrue();
  }

  @Test
  void polymorphicLookupsNameTheirTargetType() {
    JsonNode tasks =
        api.query(
                "SELECT What.Type, What.Name, Who.Name FROM Task"
                    + " WHERE What.Type = 'Opportunity' LIMIT 5")
            .json();
    assertThat(tasks.get("totalSize").asInt()).isEqualTo(5);
    for (JsonNode task : tasks.get("records")) {
      JsonNode what = task.get("What");
      assertThat(what.get("attributes").get("type").asText()).isEqualTo("Opportunity");
      assertThat(what.get("Type").asText()).isEqualTo("Opportunity");
      assertThat(what.get("Name").asText()).isNotBlank();
      assertThat(task.get("Who").get("attributes").get("type").asText()).isEqualTo("Contact");
    }
  }

  @Test
  void childSubqueryListsChildren() {
    JsonNode acme =
        api.query(
                "SELECT Name, (SELECT LastName, Email FROM Contacts),"
                    + " (SELECT Name, Amount FROM Opportunities) FROM Account WHERE Name = 'Acme Corporation'")
            .json()
            .get("records")
            .get(0);
    assertThat(acme.get("Contacts").get("totalSize").asInt()).isEqualTo(1);
    assertThat(acme.get("Contacts").get("records").get(0).get("LastName").asText())
        .isEqualTo("Roe");
    assertThat(acme.get("Opportunities").get("records").get(0).get("Name").asText())
        .isEqualTo("Acme Corp Deal");
  }

  @Test
  void countAndGroupedCounts() {
    JsonNode count = api.query("SELECT COUNT() FROM Opportunity WHERE Amount > 50000").json();
    assertThat(count.get("records")).isEmpty();
    assertThat(count.get("done").asBoolean()).isTrue();
    assertThat(count.get("totalSize").asInt()).isBetween(2_000, 5_000);

    JsonNode grouped =
        api.query("SELECT StageName, COUNT(Id) FROM Opportunity GROUP BY StageName").json();
    int total = 0;
    for (JsonNode row : grouped.get("records")) {
      assertThat(row.get("attributes").get("type").asText()).isEqualTo("AggregateResult");
      total += row.get("expr0").asInt();
    }
    assertThat(total).isEqualTo(8_234);
    assertThat(grouped.get("totalSize").asInt()).isEqualTo(10);

    JsonNode aliased = api.query("SELECT COUNT(Id) n FROM Lead").json();
    assertThat(aliased.get("records").get(0).get("n").asInt()).isEqualTo(18_287);
  }

  @Test
  void aliasedGroupsSumsAveragesAndExtremesAsAggregateRecordsAsksForThem() {
    JsonNode grouped =
        api.query(
                "SELECT StageName g0, Owner.Name g1, SUM(Amount) total, COUNT(Id) records"
                    + " FROM Opportunity WHERE IsClosed = true GROUP BY StageName, Owner.Name"
                    + " ORDER BY StageName, Owner.Name LIMIT 2001")
            .json();
    double sum = 0;
    int records = 0;
    String previous = "";
    for (JsonNode row : grouped.get("records")) {
      assertThat(row.get("g0").asText()).startsWith("Closed");
      assertThat(row.get("g1").asText()).isNotBlank();
      assertThat(row.get("g0").asText() + "/" + row.get("g1").asText())
          .isGreaterThanOrEqualTo(previous);
      previous = row.get("g0").asText() + "/" + row.get("g1").asText();
      sum += row.get("total").asDouble();
      records += row.get("records").asInt();
    }
    JsonNode total =
        api.query(
                "SELECT SUM(Amount) total, AVG(Amount) a, MIN(CloseDate) earliest, COUNT(Id) records,"
                    + " COUNT(Amount) amounts"
                    + " FROM Opportunity WHERE IsClosed = true")
            .json()
            .get("records")
            .get(0);
    assertThat(sum).isEqualTo(total.get("total").asDouble());
    assertThat(records).isEqualTo(total.get("records").asInt());
    assertThat(total.get("a").asDouble())
        .as("an average leaves out records without an amount")
        .isCloseTo(sum / total.get("amounts").asInt(), Offset.offset(0.01));
    assertThat(total.get("amounts").asInt()).isLessThan(records);
    assertThat(total.get("earliest").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
  }

  @Test
  void dateLiteralsAndLeadsCreatedToday() {
    assertThat(
            api.query("SELECT COUNT() FROM Lead WHERE CreatedDate = TODAY")
                .json()
                .get("totalSize")
                .asInt())
        .isGreaterThan(50);
    assertThat(
            api.query(
                    "SELECT COUNT() FROM Opportunity WHERE CloseDate = NEXT_N_DAYS:90"
                        + " AND IsClosed = false")
                .json()
                .get("totalSize")
                .asInt())
        .isGreaterThan(100);
  }

  @Test
  void fieldsStandardExpandsToStandardFields() {
    JsonNode lead =
        api.query("SELECT FIELDS(STANDARD) FROM Lead WHERE Name = 'Jane Smith'")
            .json()
            .get("records")
            .get(0);
    assertThat(lead.get("Company").asText()).isEqualTo("Globex");
    assertThat(lead.has("External_ID__c")).isFalse();
    assertThat(lead.has("IsDeleted")).isTrue();
  }

  @Test
  void organizationIsQueryable() {
    JsonNode org =
        api.query(
                "SELECT Id, Name, OrganizationType, IsSandbox, InstanceName,"
                    + " TrialExpirationDate FROM Organization")
            .json()
            .get("records")
            .get(0);
    assertThat(org.get("Id").asText()).isEqualTo(LocalOrgQueryTest.org.orgId());
    assertThat(org.get("Name").asText()).isEqualTo("Acme Corporation");
    assertThat(org.get("OrganizationType").asText()).isEqualTo("Enterprise Edition");
    assertThat(org.get("IsSandbox").asBoolean()).isFalse();
    assertThat(org.get("TrialExpirationDate").isNull()).isTrue();

    JsonNode user =
        api.query(
                "SELECT Id, Username, Name, Email FROM User WHERE Id = '"
                    + LocalOrgQueryTest.org.userId()
                    + "'")
            .json()
            .get("records")
            .get(0);
    assertThat(user.get("Username").asText()).isEqualTo("john.doe@acme.com");
    assertThat(user.get("Name").asText()).isEqualTo("John Doe");
  }

  @Test
  void semiJoinsAndFifteenCharacterIds() {
    String acme =
        api.query("SELECT Id FROM Account WHERE Name = 'Acme Corporation'")
            .json()
            .get("records")
            .get(0)
            .get("Id")
            .asText();
    assertThat(
            api.query(
                    "SELECT COUNT() FROM Opportunity WHERE AccountId = '"
                        + acme.substring(0, 15)
                        + "'")
                .json()
                .get("totalSize")
                .asInt())
        .isEqualTo(1);
    JsonNode withContacts =
        api.query(
                "SELECT Name FROM Account WHERE Id IN (SELECT AccountId"
                    + " FROM Contact WHERE Email = 'jane.roe@acme.com')")
            .json();
    assertThat(withContacts.get("records").get(0).get("Name").asText())
        .isEqualTo("Acme Corporation");
    String none = "(SELECT AccountId FROM Contact WHERE Email = 'nobody@nowhere.example')";
    assertThat(count("Account WHERE Id IN " + none)).isZero();
    assertThat(count("Account WHERE Id NOT IN " + none)).isEqualTo(3_456);
  }

  @Test
  void unknownFieldIsInvalidFieldWithSalesforcesMessage() {
    JsonNode error = errorOf(api.query("SELECT Id, Foo FROM Account"), 400);
    assertThat(error.get("errorCode").asText()).isEqualTo("INVALID_FIELD");
    assertThat(error.get("message").asText())
        .contains("ERROR at Row:1:Column:12")
        .contains(
            "No such column 'Foo' on entity 'Account'. If you are attempting to use a"
                + " custom field, be sure to append the '__c' after the custom field name.");
  }

  @Test
  void syntaxErrorIsMalformedQuery() {
    JsonNode error = errorOf(api.query("SELECT Id FORM Account"), 400);
    assertThat(error.get("errorCode").asText()).isEqualTo("MALFORMED_QUERY");
    assertThat(error.get("message").asText()).contains("ERROR at Row:1:Column:");
  }

  @Test
  void unknownObjectIsInvalidType() {
    JsonNode error = errorOf(api.query("SELECT Id FROM Widget__c"), 400);
    assertThat(error.get("errorCode").asText()).isEqualTo("INVALID_TYPE");
    assertThat(error.get("message").asText())
        .contains("sObject type 'Widget__c' is not supported.");
  }

  @Test
  void quotedDateIsRefused() {
    JsonNode error =
        errorOf(api.query("SELECT Id FROM Opportunity WHERE CloseDate = '2025-01-01'"), 400);
    assertThat(error.get("errorCode").asText()).isEqualTo("INVALID_FIELD");
    assertThat(error.get("message").asText()).contains("must be of type date");
  }

  @Test
  void badLocatorIsInvalidQueryLocator() {
    JsonNode error = errorOf(api.get(OrgHttp.V + "/query/01g000000000000AAA-2000"), 400);
    assertThat(error.get("errorCode").asText()).isEqualTo("INVALID_QUERY_LOCATOR");
  }

  @Test
  void namedRecordsExistInBothOrgs() {
    try (LocalOrg sandbox = LocalOrg.start(LocalOrgOptions.sandbox())) {
      for (OrgHttp client : List.of(api, OrgHttp.connected(sandbox))) {
        assertThat(single(client, "SELECT Name FROM Account WHERE Name = 'Acme Corporation'"))
            .isNotNull();
        JsonNode deal =
            single(
                client,
                "SELECT Amount, StageName, Account.Name FROM Opportunity"
                    + " WHERE Name = 'Acme Corp Deal'");
        assertThat(deal.get("Amount").asDouble()).isEqualTo(75_000.0);
        assertThat(deal.get("StageName").asText()).isEqualTo("Closed Won");
        assertThat(deal.get("Account").get("Name").asText()).isEqualTo("Acme Corporation");
        JsonNode jane =
            single(client, "SELECT Email, Account.Name FROM Contact WHERE Name = 'Jane Roe'");
        assertThat(jane.get("Email").asText()).isEqualTo("jane.roe@acme.com");
        assertThat(jane.get("Account").get("Name").asText()).isEqualTo("Acme Corporation");
        assertThat(
                single(client, "SELECT Company FROM Lead WHERE Name = 'Jane Smith'")
                    .get("Company")
                    .asText())
            .isEqualTo("Globex");
      }
      assertThat(sandbox.count("Lead")).isBetween(800, 1_000);
      assertThat(
              single(OrgHttp.connected(sandbox), "SELECT IsSandbox FROM Organization")
                  .get("IsSandbox")
                  .asBoolean())
          .isTrue();
    }
  }

  private static JsonNode single(OrgHttp client, String soql) {
    JsonNode reply = client.query(soql).json();
    assertThat(reply.get("totalSize").asInt()).as(soql).isEqualTo(1);
    return reply.get("records").get(0);
  }

  private static JsonNode errorOf(OrgHttp.Reply reply, int status) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    Iterator<JsonNode> errors = reply.json().elements();
    return errors.next();
  }

  private static int count(String object) {
    return api.query("SELECT COUNT() FROM " + object).json().get("totalSize").asInt();
  }
}
