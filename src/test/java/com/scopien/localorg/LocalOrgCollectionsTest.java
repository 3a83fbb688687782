package com.scopien.localorg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopien.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Upsert by External Id and sObject Collections (with and without allOrNone), over HTTP. */
class LocalOrgCollectionsTest {

  private static final String COLLECTIONS = OrgHttp.V + "/composite/sobjects";

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
  void upsertInsertsThenUpdatesByExternalIdIgnoringCase() {
    String path = OrgHttp.V + "/sobjects/Lead/External_ID__c/UPS-0001";
    OrgHttp.Reply inserted = api.patch(path, Map.of("LastName", "Upton", "Company", "Ups Ltd"));
    assertThat(inserted.status()).isEqualTo(201);
    assertThat(inserted.json().get("created").asBoolean()).isTrue();
    assertThat(inserted.json().get("success").asBoolean()).isTrue();
    String id = inserted.json().get("id").asText();
    assertThat(org.record("Lead", id).orElseThrow()).containsEntry("External_ID__c", "UPS-0001");

    clock.advance(Duration.ofSeconds(3));
    OrgHttp.Reply updated =
        api.patch(OrgHttp.V + "/sobjects/Lead/External_ID__c/ups-0001", Map.of("Title", "CFO"));
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("id").asText()).isEqualTo(id);
    assertThat(updated.json().get("created").asBoolean()).isFalse();
    Map<String, Object> row = org.record("Lead", id).orElseThrow();
    assertThat(row).containsEntry("Title", "CFO").containsEntry("LastName", "Upton");
    assertThat((Instant) row.get("SystemModstamp")).isAfter((Instant) row.get("CreatedDate"));

    OrgHttp.Reply old =
        api.patch("/services/data/v45.0/sobjects/Lead/External_ID__c/UPS-0001", Map.of());
    assertThat(old.status()).isEqualTo(204);

    JsonNode read = api.get(path).json();
    assertThat(read.get("Id").asText()).isEqualTo(id);
    assertThat(read.get("Title").asText()).isEqualTo("CFO");
  }

  @Test
  void upsertOnAFieldThatIsNoExternalIdIsNotFound() {
    OrgHttp.Reply reply =
        api.patch(OrgHttp.V + "/sobjects/Lead/Company/Acme", Map.of("LastName", "X"));
    assertThat(reply.status()).isEqualTo(404);
    assertThat(error(reply)).isEqualTo("NOT_FOUND");
    assertThat(reply.json().get(0).get("message").asText())
        .isEqualTo("Provided external ID field does not exist or is not accessible: Company");
  }

  @Test
  void severalMatchesAnswer300WithTheirUrls() {
    String a = org.create("CustomObject__c", Map.of("Name", "Twin A", "Legacy_Key__c", "K-7"));
    String b = org.create("CustomObject__c", Map.of("Name", "Twin B", "Legacy_Key__c", "k-7"));
    String path = OrgHttp.V + "/sobjects/CustomObject__c/Legacy_Key__c/K-7";
    OrgHttp.Reply reply = api.patch(path, Map.of("Active__c", true));
    assertThat(reply.status()).isEqualTo(300);
    assertThat(texts(reply.json()))
        .containsExactly(
            OrgHttp.V + "/sobjects/CustomObject__c/" + a,
            OrgHttp.V + "/sobjects/CustomObject__c/" + b);
    assertThat(org.record("CustomObject__c", a).orElseThrow()).containsEntry("Active__c", false);
    assertThat(api.get(path).status()).isEqualTo(300);
  }

  @Test
  void externalIdClashesAreDuplicateValue() {
    String first =
        org.create("Lead", Map.of("LastName", "One", "Company", "C", "External_ID__c", "DUP-1"));
    OrgHttp.Reply created =
        api.post(
            OrgHttp.V + "/sobjects/Lead",
            Map.of("LastName", "Two", "Company", "C", "External_ID__c", "dup-1"));
    assertThat(created.status()).isEqualTo(400);
    assertThat(error(created)).isEqualTo("DUPLICATE_VALUE");
    assertThat(created.json().get(0).get("message").asText())
        .isEqualTo(
            "duplicate value found: External_ID__c duplicates value on record with id: " + first);

    String second = org.create("Lead", Map.of("LastName", "Two", "Company", "C"));
    OrgHttp.Reply updated =
        api.patch(OrgHttp.V + "/sobjects/Lead/" + second, Map.of("External_ID__c", "DUP-1"));
    assertThat(updated.status()).isEqualTo(400);
    assertThat(error(updated)).isEqualTo("DUPLICATE_VALUE");
  }

  @Test
  void createWithoutAllOrNoneKeepsTheGoodRecords() {
    OrgHttp.Reply reply =
        api.post(
            COLLECTIONS,
            body(
                false,
                account("Coll Good 1"),
                Map.of("attributes", Map.of("type", "Account"), "Phone", "1"),
                account("Coll Good 2")));
    assertThat(reply.status()).isEqualTo(200);
    JsonNode results = reply.json();
    assertThat(results).hasSize(3);
    assertThat(results.get(0).get("success").asBoolean()).isTrue();
    assertThat(results.get(0).get("id").asText()).startsWith("001");
    assertThat(results.get(1).get("success").asBoolean()).isFalse();
    JsonNode error = results.get(1).get("errors").get(0);
    assertThat(error.get("statusCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(error.has("errorCode")).isFalse();
    assertThat(texts(error.get("fields"))).containsExactly("Name");
    assertThat(results.get(2).get("success").asBoolean()).isTrue();
    assertThat(count("SELECT COUNT() FROM Account WHERE Name LIKE 'Coll Good%'")).isEqualTo(2);
  }

  @Test
  void allOrNoneCreatesNothingWhenOneRecordFails() {
    int before = org.count("Account");
    OrgHttp.Reply reply =
        api.post(
            COLLECTIONS,
            body(
                true,
                account("AON 1"),
                account("AON 2"),
                Map.of("attributes", Map.of("type", "Account"), "Nope__c", "x")));
    assertThat(reply.status()).isEqualTo(200);
    JsonNode results = reply.json();
    for (int i = 0; i < 2; i++) {
      assertThat(results.get(i).get("success").asBoolean()).isFalse();
      assertThat(results.get(i).has("id")).isFalse();
      assertThat(results.get(i).get("errors").get(0).get("statusCode").asText())
          .isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
    }
    assertThat(results.get(2).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("INVALID_FIELD");
    assertThat(org.count("Account")).isEqualTo(before);
    assertThat(count("SELECT COUNT() FROM Account WHERE Name LIKE 'AON%'")).isZero();
  }

  @Test
  void allOrNoneUpdateRestoresRowsItHadAlreadyChanged() {
    String good = org.create("Opportunity", opportunity("AON Opp 1"));
    String bad = org.create("Opportunity", opportunity("AON Opp 2"));
    Map<String, Object> before = org.record("Opportunity", good).orElseThrow();
    clock.advance(Duration.ofMinutes(1));

    OrgHttp.Reply reply =
        api.patch(
            COLLECTIONS,
            body(
                true,
                Map.of("attributes", Map.of("type", "Opportunity"), "Id", good, "Amount", 10),
                Map.of("attributes", Map.of("type", "Opportunity"), "Id", bad, "Amount", -5)));
    JsonNode results = reply.json();
    assertThat(reply.status()).isEqualTo(200);
    assertThat(results.get(0).get("id").asText()).isEqualTo(good);
    assertThat(results.get(0).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
    assertThat(results.get(1).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION");
    assertThat(org.record("Opportunity", good).orElseThrow()).isEqualTo(before);

    OrgHttp.Reply partial =
        api.patch(
            COLLECTIONS,
            body(
                false,
                Map.of("attributes", Map.of("type", "Opportunity"), "Id", good, "Amount", 10),
                Map.of("attributes", Map.of("type", "Opportunity"), "Id", bad, "Amount", -5)));
    assertThat(partial.json().get(0).get("success").asBoolean()).isTrue();
    assertThat(partial.json().get(1).get("success").asBoolean()).isFalse();
    assertThat(org.record("Opportunity", good).orElseThrow()).containsEntry("Amount", 10.0);
  }

  @Test
  void deleteReportsEachIdAndRetrieveGivesNullForMissingOnes() {
    String a = org.create("Account", Map.of("Name", "Del A"));
    String b = org.create("Account", Map.of("Name", "Del B"));
    OrgHttp.Reply read =
        api.get(COLLECTIONS + "/Account?ids=" + a + "," + b + ",001000000000000AAA&fields=Name");
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get(0).get("Name").asText()).isEqualTo("Del A");
    assertThat(read.json().get(0).get("Id").asText()).isEqualTo(a);
    assertThat(read.json().get(1).get("Name").asText()).isEqualTo("Del B");
    assertThat(read.json().get(2).isNull()).isTrue();

    OrgHttp.Reply deleted = api.delete(COLLECTIONS + "?ids=" + a + ",nonsense&allOrNone=false");
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().get(0).get("id").asText()).isEqualTo(a);
    assertThat(deleted.json().get(0).get("success").asBoolean()).isTrue();
    assertThat(deleted.json().get(1).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("MALFORMED_ID");
    assertThat(org.record("Account", a).orElseThrow()).containsEntry("IsDeleted", true);

    OrgHttp.Reply again = api.delete(COLLECTIONS + "?ids=" + a + "," + b + "&allOrNone=true");
    assertThat(again.json().get(0).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("ENTITY_IS_DELETED");
    assertThat(again.json().get(1).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
    assertThat(org.record("Account", b).orElseThrow()).containsEntry("IsDeleted", false);
  }

  @Test
  void upsertCollectionsSayWhichRecordsWereCreated() {
    org.create("Lead", Map.of("LastName", "Old", "Company", "C", "External_ID__c", "COL-1"));
    OrgHttp.Reply reply =
        api.patch(
            COLLECTIONS + "/Lead/External_ID__c",
            body(
                false,
                lead("COL-1", "Renamed"),
                lead("COL-2", "Fresh"),
                Map.of("attributes", Map.of("type", "Lead"), "LastName", "NoKey")));
    JsonNode results = reply.json();
    assertThat(reply.status()).isEqualTo(200);
    assertThat(results.get(0).get("created").asBoolean()).isFalse();
    assertThat(results.get(1).get("created").asBoolean()).isTrue();
    assertThat(results.get(2).get("success").asBoolean()).isFalse();
    assertThat(
            api.query("SELECT LastName FROM Lead WHERE External_ID__c = 'COL-1'")
                .json()
                .get("records")
                .get(0)
                .get("LastName")
                .asText())
        .isEqualTo("Renamed");
  }

  @Test
  void aCollectionIsOneApiCallAndHoldsAtMost200Records() {
    List<Object> records = new ArrayList<>();
    for (int i = 0; i < 201; i++) {
      records.add(account("Too many " + i));
    }
    long before = org.apiCallsUsed();
    OrgHttp.Reply reply = api.post(COLLECTIONS, Map.of("allOrNone", false, "records", records));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(error(reply)).isEqualTo("EXCEEDED_ID_LIMIT");

    OrgHttp.Reply ok = api.post(COLLECTIONS, Map.of("records", records.subList(0, 200)));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json()).hasSize(200);
    assertThat(org.apiCallsUsed()).isEqualTo(before + 2);
  }

  private static Map<String, Object> body(boolean allOrNone, Object... records) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("allOrNone", allOrNone);
    body.put("records", List.of(records));
    return body;
  }

  private static Map<String, Object> account(String name) {
    return Map.of("attributes", Map.of("type", "Account"), "Name", name);
  }

  private static Map<String, Object> lead(String key, String lastName) {
    return Map.of(
        "attributes",
        Map.of("type", "Lead"),
        "External_ID__c",
        key,
        "LastName",
        lastName,
        "Company",
        "Col");
  }

  private static Map<String, Object> opportunity(String name) {
    return Map.of("Name", name, "StageName", "Prospecting", "CloseDate", "2025-09-30");
  }

  private static int count(String soql) {
    return api.query(soql).json().get("totalSize").asInt();
  }

  private static String error(OrgHttp.Reply reply) {
    return reply.json().get(0).get("errorCode").asText();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(node -> out.add(node.asText()));
    return out;
  }
}
