package com.scopien.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.salesforce.ScriptedSalesforceServer.Recorded;
import com.scopien.salesforce.ScriptedSalesforceServer.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the collections and replication calls put on the wire, and how they read replies. */
class CollectionsRequestsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScriptedSalesforceServer server;
  private HttpSalesforceClient client;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedSalesforceServer();
    client =
        SalesforceClients.create(
            SalesforceClients.newHttpClient(),
            new RecordingSessionProvider(server.url()),
            ClientOptions.defaults()
                .withCallOptionsClient("scopien-sync-3")
                .withRetryPolicy(RetryPolicy.none()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void createSendsTypedRecordsAndReadsResultsInOrder() throws Exception {
    server.enqueue(
        Reply.json(
            200,
            """
            [{"id": "001000000000001AAA", "success": true, "errors": []},
             {"success": false, "errors": [{"statusCode": "REQUIRED_FIELD_MISSING",
               "message": "Required fields are missing: [Name]", "fields": ["Name"]}]}]
            """));
    List<SaveResult> results =
        client
            .collections()
            .create(
                List.of(
                    new SObjectRecord("Account", Map.of("Name", "A")),
                    new SObjectRecord("Account", Map.of("Phone", "1"))),
                true);

    assertThat(results.get(0))
        .isEqualTo(new SaveResult("001000000000001AAA", true, false, List.of()));
    assertThat(results.get(1).errors())
        .containsExactly(
            new SaveResult.RecordError(
                "REQUIRED_FIELD_MISSING", "Required fields are missing: [Name]", List.of("Name")));
    Recorded sent = server.requests().get(0);
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo("/services/data/v62.0/composite/sobjects");
    assertThat(sent.header("Sforce-Call-Options")).isEqualTo("client=scopien-sync-3");
    JsonNode body = JSON.readTree(sent.body());
    assertThat(body.get("allOrNone").asBoolean()).isTrue();
    assertThat(body.get("records").get(0).get("attributes").get("type").asText())
        .isEqualTo("Account");
    assertThat(body.get("records").get(1).get("Phone").asText()).isEqualTo("1");
  }

  @Test
  void inputsAreCheckedBeforeAnythingIsSent() {
    List<SObjectRecord> tooMany = new ArrayList<>();
    for (int i = 0; i < 201; i++) {
      tooMany.add(new SObjectRecord("Account", Map.of("Name", "A" + i)));
    }
    assertThatThrownBy(() -> client.collections().create(tooMany, false))
        .hasMessageContaining("At most 200");
    assertThatThrownBy(
            () ->
                client
                    .collections()
                    .create(List.of(new SObjectRecord("Account", Map.of("Id", "x"))), false))
        .hasMessageContaining("must not carry an Id");
    assertThatThrownBy(() -> client.collections().delete(List.of("001'; DROP"), false))
        .hasMessageContaining("Not a valid record Id");
    assertThatThrownBy(
            () ->
                client
                    .collections()
                    .upsert(
                        "Lead",
                        "External_ID__c",
                        List.of(new SObjectRecord("Lead", Map.of("LastName", "X"))),
                        false))
        .hasMessageContaining("External_ID__c");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void deleteAndReplicationEncodeTheirQueries() {
    server.enqueue(
        Reply.json(200, "[{\"id\": \"001000000000001AAA\", \"success\": true, \"errors\": []}]"),
        Reply.json(
            200,
            """
            {"deletedRecords": [{"id": "001000000000001AAA",
               "deletedDate": "2025-06-02T10:05:12.000+0000"}],
             "earliestDateAvailable": "2025-06-01T00:00:00.000+0000",
             "latestDateCovered": "2025-06-02T11:00:00.000+0000"}
            """));
    client.collections().delete(List.of("001000000000001AAA"), true);
    ReplicationClient.DeletedRecords deleted =
        client
            .replication()
            .deleted(
                "Account",
                Instant.parse("2025-06-02T10:00:00Z"),
                Instant.parse("2025-06-02T11:00:00Z"));

    assertThat(server.requests().get(0).method()).isEqualTo("DELETE");
    assertThat(server.requests().get(0).rawQuery())
        .isEqualTo("ids=001000000000001AAA&allOrNone=true");
    Recorded poll = server.requests().get(1);
    assertThat(poll.path()).isEqualTo("/services/data/v62.0/sobjects/Account/deleted/");
    assertThat(poll.rawQuery())
        .isEqualTo(
            "start=2025-06-02T10%3A00%3A00.000%2B0000&end=2025-06-02T11%3A00%3A00.000%2B0000");
    assertThat(deleted.records())
        .containsExactly(
            new ReplicationClient.DeletedRecord(
                "001000000000001AAA", Instant.parse("2025-06-02T10:05:12Z")));
    assertThat(deleted.gapSince(Instant.parse("2025-05-31T00:00:00Z"))).isTrue();
  }

  @Test
  void aSingleUpsertMatchingSeveralRecordsIsAConflict() {
    server.enqueue(
        Reply.json(
            300,
            "[\"/services/data/v62.0/sobjects/Lead/00Q000000000001AAA\","
                + "\"/services/data/v62.0/sobjects/Lead/00Q000000000002AAA\"]"));
    assertThatThrownBy(
            () -> client.collections().upsert("Lead", "Key__c", "K 1", Map.of("LastName", "X")))
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("MULTIPLE_CHOICES");
              assertThat(e.httpStatus()).isEqualTo(300);
              assertThat(e.getMessage()).contains("00Q000000000002AAA");
            });
    assertThat(server.requests().get(0).path())
        .isEqualTo("/services/data/v62.0/sobjects/Lead/Key__c/K%201");
  }
}
