package com.scopien.localorg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopien.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Versions, limits, describe and sObject rows of a small sandbox, over real HTTP. */
class LocalOrgRestTest {

  private static MutableClock clock;
  private static LocalOrg org;
  private static OrgHttp api;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.parse("2025-06-02T10:15:30Z"));
    org = LocalOrg.start(LocalOrgOptions.sandbox().withClock(clock));
    api = OrgHttp.connected(org);
  }

  @AfterAll
  static void stop() {
    org.close();
  }

  @Test
  void versionListNeedsNoSessionAndIsNotMetered() {
    OrgHttp.Reply reply = new OrgHttp(org.baseUrl()).get("/services/data/");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Sforce-Limit-Info")).isNull();
    List<String> versions = new ArrayList<>();
    reply.json().forEach(v -> versions.add(v.get("version").asText()));
    assertThat(versions).contains("31.0", "62.0", "64.0").doesNotContain("30.0");
    assertThat(reply.json().get(versions.indexOf("62.0")).get("label").asText())
        .isEqualTo("Winter '25");
    assertThat(reply.json().get(versions.indexOf("62.0")).get("url").asText())
        .isEqualTo("/services/data/v62.0");
  }

  @Test
  void retiredVersionsAreGoneAndUnknownOnesNotFound() {
    OrgHttp.Reply retired = api.get("/services/data/v30.0/sobjects");
    assertThat(retired.status()).isEqualTo(410);
    assertThat(retired.json().get(0).get("errorCode").asText()).isEqualTo("GONE");
    OrgHttp.Reply future = api.get("/services/data/v99.0/sobjects");
    assertThat(future.status()).isEqualTo(404);
    assertThat(future.json().get(0).get("errorCode").asText()).isEqualTo("NOT_FOUND");
    assertThat(api.get(OrgHttp.V + "/nothing/here").json().get(0).get("errorCode").asText())
        .isEqualTo("NOT_FOUND");
  }

  @Test
  void everyRestCallCountsOneAndSaysSo() {
    OrgHttp.Reply first = api.get(OrgHttp.V + "/");
    OrgHttp.Reply second = api.get(OrgHttp.V + "/limits");
    long used1 = used(first);
    long used2 = used(second);
    assertThat(first.header("Sforce-Limit-Info")).endsWith("/100000");
    assertThat(used2).isGreaterThan(used1);
    JsonNode daily = second.json().get("DailyApiRequests");
    assertThat(daily.get("Max").asInt()).isEqualTo(100_000);
    assertThat(daily.get("Remaining").asLong()).isEqualTo(100_000 - used2);
    assertThat(first.json().get("sobjects").asText()).isEqualTo(OrgHttp.V + "/sobjects");
  }

  @Test
  void spentAllocationIsRefusedWith403AndNoRetryAfter() {
    try (LocalOrg small =
        LocalOrg.start(
            LocalOrgOptions.production()
                .withScale(new LocalOrgOptions.Scale(0.001))
                .withDailyApiLimit(3))) {
      OrgHttp client = OrgHttp.connected(small);
      for (int i = 1; i <= 3; i++) {
        OrgHttp.Reply ok = client.get(OrgHttp.V + "/limits");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Sforce-Limit-Info")).isEqualTo("api-usage=" + i + "/3");
      }
      OrgHttp.Reply refused = client.get(OrgHttp.V + "/limits");
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.header("Retry-After")).isNull();
      assertThat(refused.header("Sforce-Limit-Info")).isEqualTo("api-usage=3/3");
      assertThat(refused.json().get(0).get("errorCode").asText())
          .isEqualTo("REQUEST_LIMIT_EXCEEDED");
      assertThat(refused.json().get(0).get("message").asText())
          .isEqualTo("TotalRequests Limit exceeded.");
    }
  }

  @Test
  void callsWithoutAValidSessionAre401() {
    OrgHttp.Reply none = new OrgHttp(org.baseUrl()).get(OrgHttp.V + "/sobjects");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json().get(0).get("errorCode").asText()).isEqualTo("INVALID_SESSION_ID");
    assertThat(api.withToken("00D!bogus").get(OrgHttp.V + "/sobjects").status()).isEqualTo(401);
  }

  @Test
  void describeGlobalListsEveryObject() {
    JsonNode global = api.get(OrgHttp.V + "/sobjects").json();
    assertThat(global.get("encoding").asText()).isEqualTo("UTF-8");
    assertThat(global.get("maxBatchSize").asInt()).isEqualTo(200);
    JsonNode account = find(global.get("sobjects"), "Account");
    assertThat(account.get("keyPrefix").asText()).isEqualTo("001");
    assertThat(account.get("labelPlural").asText()).isEqualTo("Accounts");
    assertThat(account.get("queryable").asBoolean()).isTrue();
    assertThat(account.get("urls").get("rowTemplate").asText())
        .isEqualTo(OrgHttp.V + "/sobjects/Account/{ID}");
    assertThat(find(global.get("sobjects"), "Project__c").get("custom").asBoolean()).isTrue();
    assertThat(find(global.get("sobjects"), "Organization").get("createable").asBoolean())
        .isFalse();
  }

  @Test
  void describeTellsTheTruthAboutFields() {
    JsonNode lead = api.get(OrgHttp.V + "/sobjects/Lead/describe").json();
    JsonNode external = find(lead.get("fields"), "External_ID__c");
    assertThat(external.get("externalId").asBoolean()).isTrue();
    assertThat(external.get("unique").asBoolean()).isTrue();
    assertThat(external.get("custom").asBoolean()).isTrue();
    assertThat(find(lead.get("fields"), "Score__c").get("type").asText()).isEqualTo("double");
    JsonNode name = find(lead.get("fields"), "Name");
    assertThat(name.get("createable").asBoolean()).isFalse();
    assertThat(name.get("nameField").asBoolean()).isTrue();
    JsonNode status = find(lead.get("fields"), "Status");
    assertThat(status.get("type").asText()).isEqualTo("picklist");
    assertThat(status.get("picklistValues").get(0).get("value").asText())
        .isEqualTo("Open - Not Contacted");
    assertThat(find(lead.get("fields"), "CreatedDate").get("soapType").asText())
        .isEqualTo("xsd:dateTime");

    JsonNode account = api.get(OrgHttp.V + "/sobjects/Account/describe").json();
    List<String> children = new ArrayList<>();
    account
        .get("childRelationships")
        .forEach(c -> children.add(c.get("relationshipName").asText()));
    assertThat(children).contains("Contacts", "Opportunities", "Cases");
    JsonNode contact = api.get(OrgHttp.V + "/sobjects/Contact/describe").json();
    JsonNode accountId = find(contact.get("fields"), "AccountId");
    assertThat(accountId.get("referenceTo").get(0).asText()).isEqualTo("Account");
    assertThat(accountId.get("relationshipName").asText()).isEqualTo("Account");

    assertThat(
            api.get(OrgHttp.V + "/sobjects/Account")
                .json()
                .get("objectDescribe")
                .get("name")
                .asText())
        .isEqualTo("Account");
    OrgHttp.Reply unknown = api.get(OrgHttp.V + "/sobjects/Nope__c/describe");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get(0).get("errorCode").asText()).isEqualTo("NOT_FOUND");
  }

  @Test
  void createReadUpdateDeleteALead() {
    OrgHttp.Reply created =
        api.post(
            OrgHttp.V + "/sobjects/Lead",
            Map.of(
                "LastName",
                "Tester",
                "FirstName",
                "Tina",
                "Company",
                "Initrode",
                "Score__c",
                42,
                "Email",
                "tina@initrode.example"));
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(id).hasSize(18).startsWith("00Q");
    assertThat(created.json().get("success").asBoolean()).isTrue();
    assertThat(created.json().get("errors")).isEmpty();

    JsonNode lead = api.get(OrgHttp.V + "/sobjects/Lead/" + id.substring(0, 15)).json();
    assertThat(lead.get("attributes").get("type").asText()).isEqualTo("Lead");
    assertThat(lead.get("attributes").get("url").asText())
        .isEqualTo(OrgHttp.V + "/sobjects/Lead/" + id);
    assertThat(lead.get("Id").asText()).isEqualTo(id);
    assertThat(lead.get("Name").asText()).isEqualTo("Tina Tester");
    assertThat(lead.get("Status").asText()).isEqualTo("Open - Not Contacted");
    assertThat(lead.get("OwnerId").asText()).isEqualTo(org.userId());
    assertThat(lead.get("CreatedDate").asText()).isEqualTo("2025-06-02T10:15:30.000+0000");

    clock.advance(Duration.ofMinutes(5));
    assertThat(
            api.patch(OrgHttp.V + "/sobjects/Lead/" + id, Map.of("Status", "Working - Contacted"))
                .status())
        .isEqualTo(204);
    JsonNode updated =
        api.get(OrgHttp.V + "/sobjects/Lead/" + id + "?fields=Status,LastModifiedDate").json();
    assertThat(updated.get("Status").asText()).isEqualTo("Working - Contacted");
    assertThat(updated.get("LastModifiedDate").asText()).isEqualTo("2025-06-02T10:20:30.000+0000");
    assertThat(updated.has("Company")).isFalse();

    assertThat(
            api.post(
                    OrgHttp.V + "/sobjects/Lead/" + id + "?_HttpMethod=PATCH",
                    Map.of("Title", "CTO"))
                .status())
        .isEqualTo(204);
    assertThat(org.record("Lead", id).orElseThrow().get("Title")).isEqualTo("CTO");

    assertThat(api.delete(OrgHttp.V + "/sobjects/Lead/" + id).status()).isEqualTo(204);
    OrgHttp.Reply gone = api.get(OrgHttp.V + "/sobjects/Lead/" + id);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.json().get(0).get("errorCode").asText()).isEqualTo("ENTITY_IS_DELETED");
    assertThat(api.delete(OrgHttp.V + "/sobjects/Lead/" + id).status()).isEqualTo(404);

    String soql = "SELECT Id, IsDeleted FROM Lead WHERE Id = '" + id + "'";
    assertThat(api.query(soql).json().get("totalSize").asInt()).isZero();
    JsonNode all = api.queryAll(soql).json();
    assertThat(all.get("totalSize").asInt()).isEqualTo(1);
    assertThat(all.get("records").get(0).get("IsDeleted").asBoolean()).isTrue();
  }

  @Test
  void datetimesAcceptOffsetsAndComeBackInUtcWithMillis() {
    String id =
        api.post(
                OrgHttp.V + "/sobjects/Event",
                Map.of(
                    "Subject",
                    "Kick-off",
                    "StartDateTime",
                    "2025-06-03T09:00:00+02:00",
                    "EndDateTime",
                    "2025-06-03T08:00:00Z",
                    "ActivityDate",
                    "2025-06-03"))
            .json()
            .get("id")
            .asText();
    JsonNode event = api.get(OrgHttp.V + "/sobjects/Event/" + id).json();
    assertThat(event.get("StartDateTime").asText()).isEqualTo("2025-06-03T07:00:00.000+0000");
    assertThat(event.get("EndDateTime").asText()).isEqualTo("2025-06-03T08:00:00.000+0000");
    assertThat(event.get("ActivityDate").asText()).isEqualTo("2025-06-03");
    assertThat(event.get("IsAllDayEvent").asBoolean()).isFalse();
  }

  @Test
  void unknownRowsAreNotFound() {
    OrgHttp.Reply missing = api.get(OrgHttp.V + "/sobjects/Account/001000000000000AAA");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get(0).get("errorCode").asText()).isEqualTo("NOT_FOUND");
    assertThat(missing.json().get(0).get("message").asText())
        .isEqualTo("The requested resource does not exist");
  }

  @Test
  void badWritesAreRefusedWithSalesforceErrors() {
    assertError(
        api.post(
            OrgHttp.V + "/sobjects/Lead",
            Map.of("Id", "00Q000000000001AAA", "LastName", "X", "Company", "Y")),
        400,
        "INVALID_FIELD",
        "The Id field should not be specified in the sobject data.");
    assertError(
        api.post(OrgHttp.V + "/sobjects/Lead", Map.of("Foo", 1, "LastName", "X", "Company", "Y")),
        400,
        "INVALID_FIELD",
        "No such column 'Foo' on sobject of type Lead");

    OrgHttp.Reply missing = api.post(OrgHttp.V + "/sobjects/Lead", Map.of("FirstName", "X"));
    assertError(
        missing, 400, "REQUIRED_FIELD_MISSING", "Required fields are missing: [LastName, Company]");
    assertThat(missing.json().get(0).get("fields").toString())
        .isEqualTo("[\"LastName\",\"Company\"]");

    OrgHttp.Reply readOnly =
        api.post(OrgHttp.V + "/sobjects/Contact", Map.of("LastName", "X", "Name", "X Y"));
    assertThat(readOnly.json().get(0).get("errorCode").asText())
        .isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
    assertThat(readOnly.json().get(0).get("fields").get(0).asText()).isEqualTo("Name");

    String account =
        api.query("SELECT Id FROM Account LIMIT 1").json().get("records").get(0).get("Id").asText();
    assertError(
        api.post(
            OrgHttp.V + "/sobjects/Opportunity",
            Map.of(
                "Name",
                "Bad",
                "StageName",
                "Prospecting",
                "CloseDate",
                "2025-07-01",
                "Amount",
                -5,
                "AccountId",
                account)),
        400,
        "FIELD_CUSTOM_VALIDATION_EXCEPTION",
        "Amount must not be negative.");
    assertError(
        api.post(
            OrgHttp.V + "/sobjects/Opportunity",
            Map.of("Name", "Bad", "StageName", "Dreaming", "CloseDate", "2025-07-01")),
        400,
        "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
        "Stage: bad value for restricted picklist field: Dreaming");
    assertError(
        api.post(
            OrgHttp.V + "/sobjects/Lead",
            Map.of("LastName", "X", "Company", "Y", "External_ID__c", "EXT-000001")),
        400,
        "DUPLICATE_VALUE",
        null);
    assertError(
        api.post(OrgHttp.V + "/sobjects/Lead", "{\"LastName\": "), 400, "JSON_PARSER_ERROR", null);
    assertError(
        api.post(
            OrgHttp.V + "/sobjects/Contact",
            Map.of("LastName", "X", "AccountId", "003000000000000")),
        400,
        "MALFORMED_ID",
        null);
    assertError(
        api.post(OrgHttp.V + "/sobjects/Organization", Map.of("Name", "X")),
        400,
        "INVALID_TYPE_FOR_OPERATION",
        null);
  }

  @Test
  void createdOpportunityGetsStageFacts() {
    String acme =
        api.query("SELECT Id FROM Account WHERE Name = 'Acme Corporation'")
            .json()
            .get("records")
            .get(0)
            .get("Id")
            .asText();
    String id =
        org.create(
            "Opportunity",
            Map.of(
                "Name",
                "Acme Upsell",
                "AccountId",
                acme,
                "StageName",
                "Closed Won",
                "CloseDate",
                "2025-06-01",
                "Amount",
                1000));
    Map<String, Object> stored = org.record("Opportunity", id).orElseThrow();
    assertThat(stored.get("IsWon")).isEqualTo(true);
    assertThat(stored.get("Probability")).isEqualTo(100.0);
    assertThat(stored.get("ForecastCategoryName")).isEqualTo("Closed");
    org.delete("Opportunity", id);
    assertThat(org.record("Opportunity", id).orElseThrow().get("IsDeleted")).isEqualTo(true);
  }

  private static void assertError(OrgHttp.Reply reply, int status, String code, String message) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().isArray()).isTrue();
    assertThat(reply.json().get(0).get("errorCode").asText()).isEqualTo(code);
    if (message != null) {
      assertThat(reply.json().get(0).get("message").asText()).isEqualTo(message);
    }
  }

  private static long used(OrgHttp.Reply reply) {
    String header = reply.header("Sforce-Limit-Info");
    return Long.parseLong(header.substring("api-usage=".length(), header.indexOf('/')));
  }

  private static JsonNode find(JsonNode array, String name) {
    for (JsonNode node : array) {
      if (node.get("name").asText().equals(name)) {
        return node;
      }
    }
    throw new AssertionError("no " + name + " in " + array);
  }
}
