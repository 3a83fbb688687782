package com.scopien.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException.Kind;
import com.scopien.config.Secret;
import com.scopien.localorg.FaultPlan;
import com.scopien.localorg.LocalOrg;
import com.scopien.localorg.LocalOrgOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The client's sObject Collections, replication windows and Bulk queries against the local org over
 * HTTP, including its injected faults.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalOrgBulkAndCollectionsIT {
  private LocalOrg org;
  private final AtomicInteger signIns = new AtomicInteger();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private OAuthSessionProvider sessions;
  private HttpSalesforceClient client;
  private SObjectCollections collections;

  @BeforeAll
  void start() {
    org = LocalOrg.start(LocalOrgOptions.sandbox());
    sessions =
        OAuthSessionProvider.clientCredentials(
            new OAuthClient(SalesforceClients.newHttpClient()),
            org.baseUrl(),
            LocalOrgOptions.DEMO_CLIENT_ID,
            Secret.of(LocalOrgOptions.DEMO_CLIENT_SECRET),
            null,
            token -> signIns.incrementAndGet());
    client =
        SalesforceClients.create(
            SalesforceClients.newHttpClient(),
            sessions,
            ClientOptions.defaults().withRetryPolicy(RetryPolicy.defaults().withSleeper(sleeper)));
    collections = client.collections();
  }

  @AfterAll
  void stop() {
    org.close();
  }

  @AfterEach
  void noFaults() {
    org.injectFaults(FaultPlan.none());
  }

  @Test
  void allOrNoneIsChosenPerCall() {
    List<SObjectRecord> records =
        List.of(
            account("Client AON 1"),
            new SObjectRecord("Account", Map.of("Phone", "no name")),
            account("Client AON 2"));
    List<SaveResult> none = collections.create(records, true);
    assertThat(none).hasSize(3);
    assertThat(none.get(0).rolledBack()).isTrue();
    assertThat(none.get(1).errors().get(0).statusCode()).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(none.get(1).errors().get(0).fields()).containsExactly("Name");
    assertThat(
            client.query("SELECT COUNT() FROM Account WHERE Name LIKE 'Client AON%'").totalSize())
        .isZero();

    List<SaveResult> some = collections.create(records, false);
    assertThat(some).extracting(SaveResult::success).containsExactly(true, false, true);
    String id = some.get(0).id();

    List<SaveResult> updated =
        collections.update(
            List.of(new SObjectRecord("Account", Map.of("Id", id, "Phone", "555-0100"))), true);
    assertThat(updated.get(0).success()).isTrue();
    Optional<SObjectRecord> read =
        collections.retrieve("Account", List.of(id, "001000000000000AAA"), List.of("Phone")).get(0);
    assertThat(read.orElseThrow().get("Phone")).isEqualTo("555-0100");
    assertThat(collections.retrieve("Account", List.of("001000000000000AAA"), List.of("Phone")))
        .containsExactly(Optional.empty());

    assertThat(collections.delete(List.of(id), false).get(0).success()).isTrue();
    assertThat(collections.delete(List.of(id), false).get(0).errors().get(0).statusCode())
        .isEqualTo("ENTITY_IS_DELETED");
  }

  @Test
  void upsertsSayWhatTheyCreated() {
    List<SObjectRecord> leads = List.of(lead("CLI-UP-1", "First"), lead("CLI-UP-2", "Second"));
    assertThat(collections.upsert("Lead", "External_ID__c", leads, false))
        .extracting(SaveResult::created)
        .containsExactly(true, true);
    assertThat(collections.upsert("Lead", "External_ID__c", leads, false))
        .extracting(SaveResult::created)
        .containsExactly(false, false);

    SaveResult one =
        collections.upsert(
            "Lead", "External_ID__c", "CLI-UP-3", Map.of("LastName", "Third", "Company", "C"));
    assertThat(one.created()).isTrue();
    assertThat(collections.upsert("Lead", "External_ID__c", "cli-up-3", Map.of("Title", "VP")).id())
        .isEqualTo(one.id());

    org.create("CustomObject__c", Map.of("Name", "Twin 1", "Legacy_Key__c", "TWIN"));
    org.create("CustomObject__c", Map.of("Name", "Twin 2", "Legacy_Key__c", "TWIN"));
    assertThatThrownBy(
            () ->
                collections.upsert(
                    "CustomObject__c", "Legacy_Key__c", "TWIN", Map.of("Active__c", true)))
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("MULTIPLE_CHOICES");
              assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
              assertThat(e.getMessage()).contains("/sobjects/CustomObject__c/a03");
            });
  }

  @Test
  void lockErrorsRetryIdempotentWritesOnly() {
    org.injectFaults(
        new FaultPlan(
            4, List.of(new FaultPlan.Rule(FaultPlan.Kind.LOCK, 1.0, "/composite/sobjects$", 0))));
    int waitsBefore = sleeper.waits().size();
    assertThatThrownBy(() -> collections.create(List.of(account("Locked create")), false))
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("UNABLE_TO_LOCK_ROW"));
    assertThat(sleeper.waits()).hasSize(waitsBefore);

    String id = org.create("Account", Map.of("Name", "Locked update"));
    assertThatThrownBy(
            () ->
                collections.update(
                    List.of(new SObjectRecord("Account", Map.of("Id", id, "Phone", "1"))), true))
        .isInstanceOfSatisfying(
            SalesforceException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RETRIABLE));
    assertThat(sleeper.waits()).hasSize(waitsBefore + 4);
    assertThat(org.faultsFired()).containsEntry("lock", 6L);
  }

  @Test
  void replicationWindowsFindChangesAndDeletions() {
    // Salesforce covers whole minutes only, so the org's clock moves on before the poll.
    Instant start = Instant.parse("2025-06-02T10:00:00Z");
    AtomicReference<Instant> now = new AtomicReference<>(start.plusSeconds(30));
    Clock clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    try (LocalOrg timed =
        LocalOrg.start(
            LocalOrgOptions.sandbox()
                .withScale(new LocalOrgOptions.Scale(0.01))
                .withClock(clock))) {
      ReplicationClient replication =
          SalesforceClients.create(
                  SalesforceClients.newHttpClient(),
                  OAuthSessionProvider.clientCredentials(
                      new OAuthClient(SalesforceClients.newHttpClient()),
                      timed.baseUrl(),
                      LocalOrgOptions.DEMO_CLIENT_ID,
                      Secret.of(LocalOrgOptions.DEMO_CLIENT_SECRET),
                      null,
                      token -> {}),
                  ClientOptions.defaults())
              .replication();
      String kept = timed.create("Contact", Map.of("LastName", "Replicated"));
      String gone = timed.create("Contact", Map.of("LastName", "Removed"));
      timed.delete("Contact", gone);
      now.set(start.plusSeconds(150));
      Instant end = start.plus(Duration.ofHours(1));

      ReplicationClient.UpdatedRecords updated = replication.updated("Contact", start, end);
      assertThat(updated.ids()).containsExactly(kept);
      assertThat(updated.latestDateCovered()).isEqualTo(start.plusSeconds(120));

      ReplicationClient.DeletedRecords deleted = replication.deleted("Contact", start, end);
      assertThat(deleted.records())
          .containsExactly(new ReplicationClient.DeletedRecord(gone, start.plusSeconds(30)));
      assertThat(deleted.gapSince(start)).isFalse();

      assertThatThrownBy(
              () -> replication.updated("Contact", start.minus(Duration.ofDays(31)), end))
          .isInstanceOfSatisfying(
              SalesforceException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo("INVALID_REPLICATION_DATE");
                assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
              });
    }
  }

  @Test
  void bulkQueriesStreamEveryRowWithAndWithoutPkChunking() {
    BulkQueryClient bulk = bulk();
    Set<String> ids = new HashSet<>();
    AtomicLong withAccount = new AtomicLong();
    BulkQueryClient.Summary plain =
        bulk.query(
            new BulkQueryClient.BulkQuery(
                "Contact", "SELECT Id, LastName, Account.Name FROM Contact", false, 0),
            row -> {
              ids.add(row.get("Id"));
              if (row.get("Account.Name") != null) {
                withAccount.incrementAndGet();
              }
            });
    int contacts = org.count("Contact");
    assertThat(plain.rows()).isEqualTo(contacts);
    assertThat(plain.batches()).isEqualTo(1);
    assertThat(ids).hasSize(contacts);
    assertThat(withAccount.get()).isPositive();

    Set<String> chunkedIds = new HashSet<>();
    BulkQueryClient.Summary chunked =
        bulk.query(
            new BulkQueryClient.BulkQuery("Contact", "SELECT Id FROM Contact", false, 100),
            row -> chunkedIds.add(row.get("Id")));
    assertThat(chunked.batches()).isEqualTo((contacts + 99) / 100);
    assertThat(chunkedIds).isEqualTo(ids);
  }

  @Test
  void bulkQueriesSurviveExpiredSessionsAndServerErrors() {
    BulkQueryClient bulk = bulk();
    client.limits();
    int before = signIns.get();
    org.expireSessions();
    // Only result reads draw (polls vary in number), so the same calls meet the same faults.
    org.injectFaults(
        new FaultPlan(
            11,
            List.of(new FaultPlan.Rule(FaultPlan.Kind.SERVER_ERROR, 0.5, "/result(/\\w+)?$", 0))));
    AtomicLong rows = new AtomicLong();
    bulk.query(
        new BulkQueryClient.BulkQuery("Lead", "SELECT Id FROM Lead", false, 300),
        row -> rows.incrementAndGet());
    assertThat(rows.get()).isEqualTo(org.count("Lead"));
    assertThat(signIns.get()).isEqualTo(before + 1);
    assertThat(org.faultsFired().get("server_error")).isPositive();

    org.injectFaults(FaultPlan.none());
    assertThatThrownBy(
            () ->
                bulk.query(
                    new BulkQueryClient.BulkQuery("Lead", "SELECT Nope__c FROM Lead", false, 0),
                    row -> {}))
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
              assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
            });
  }

  private BulkQueryClient bulk() {
    return new BulkQueryClient(
            sessions,
            ClientOptions.defaults()
                .withRetryPolicy(
                    RetryPolicy.defaults().withDelays(Duration.ofMillis(1), Duration.ofMillis(5))))
        .withPolling(Duration.ofMillis(20), Duration.ofMinutes(1));
  }

  private static SObjectRecord account(String name) {
    return new SObjectRecord("Account", Map.of("Name", name));
  }

  private static SObjectRecord lead(String key, String lastName) {
    return new SObjectRecord(
        "Lead", Map.of("External_ID__c", key, "LastName", lastName, "Company", "Client Co"));
  }
}
