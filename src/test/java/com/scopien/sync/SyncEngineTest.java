package com.scopien.sync;

import static com.scopien.sync.SyncFixture.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import com.scopien.orgs.Org;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.salesforce.SalesforceException;
import com.scopien.store.DatabaseTestBase;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncEngineTest extends DatabaseTestBase {
  private FakeSalesforceClient salesforce;
  private SyncFixture fixture;
  private Org org;

  @BeforeEach
  void setUp() {
    salesforce = new FakeSalesforceClient();
    salesforce.pageSize(200);
    fixture = new SyncFixture(jdbc(), SyncOptions.defaults().withLookback(Duration.ZERO));
    org = fixture.org(salesforce);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void initialSyncCopiesEverySelectedObjectPageByPage() {
    salesforce.seed("Account", 450);
    salesforce.seed("Contact", 120);
    salesforce.seed("Lead", 30);
    salesforce.seed("Campaign", 10);

    SyncRun run = fixture.syncAndWait(org);

    assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    assertThat(run.objects())
        .extracting(SyncRun.ObjectRun::object)
        .containsExactly("Account", "Contact", "Lead", "Opportunity");
    assertThat(object(run, "Account").created()).isEqualTo(450);
    assertThat(object(run, "Account").phase()).isEqualTo("initial");
    assertThat(object(run, "Account").total()).isEqualTo(450);
    assertThat(run.progress().done()).isEqualTo(600);
    assertThat(run.progress().total()).isEqualTo(600);
    assertThat(fixture.mirrorCount(org, "Account")).isEqualTo(450);
    assertThat(fixture.mirrorCount(org, "Contact")).isEqualTo(120);
    assertThat(fixture.mirrorCount(org, "Campaign")).isZero();
    assertThat(run.apiCalls()).isGreaterThanOrEqualTo(3 + 1 + 1 + 1);
    assertThat(fixture.orgs.synced).containsExactly(org.id());
    // Paged in order with the keyset order, reading only plain fields.
    assertThat(salesforce.queries())
        .anySatisfy(
            q ->
                assertThat(q)
                    .startsWith("SELECT Id, SystemModstamp, IsDeleted, Name,")
                    .endsWith("FROM Account ORDER BY SystemModstamp, Id"));
    assertThat(salesforce.queries()).noneMatch(q -> q.contains("BillingAddress"));
  }

  @Test
  void hiddenFieldsStayOutOfTheMirror() {
    String id = salesforce.create("Contact", Map.of("LastName", "Roe", "SSN__c", "123-45-6789"));

    fixture.syncAndWait(org);

    assertThat(fixture.mirrorFields(org, "Contact", id))
        .contains("\"LastName\":\"Roe\"")
        .doesNotContain("SSN")
        .doesNotContain("6789");
  }

  @Test
  void incrementalRunReportsExactlyWhatChanged() {
    List<String> accounts = salesforce.seed("Account", 300);
    fixture.syncAndWait(org);
    for (int i = 0; i < 10; i++) {
      salesforce.update("Account", accounts.get(i * 7), Map.of("Industry", "Energy"));
    }
    for (int i = 0; i < 5; i++) {
      salesforce.create("Account", Map.of("Name", "New " + i));
    }
    for (int i = 0; i < 3; i++) {
      salesforce.delete("Account", accounts.get(200 + i));
    }

    SyncRun run = fixture.syncAndWait(org);

    SyncRun.ObjectRun account = object(run, "Account");
    assertThat(account.phase()).isEqualTo("incremental");
    assertThat(List.of(account.created(), account.updated(), account.deleted(), account.failed()))
        .containsExactly(5L, 10L, 3L, 0L);
    assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    assertThat(fixture.mirrorCount(org, "Account")).isEqualTo(302);
    assertThat(fixture.mirrorFields(org, "Account", accounts.get(7))).contains("Energy");
    assertThat(salesforce.queries())
        .filteredOn(q -> q.contains("FROM Account"))
        .last()
        .asString()
        .startsWith("SELECT Id, SystemModstamp, IsDeleted,")
        .contains("FROM Account WHERE SystemModstamp > ");
  }

  @Test
  void theLookbackReadsRecentRecordsAgainWithoutCountingThem() {
    fixture.close();
    fixture = new SyncFixture(jdbc(), SyncOptions.defaults().withLookback(Duration.ofMinutes(1)));
    org = fixture.org(salesforce);
    List<String> accounts = salesforce.seed("Account", 50);
    fixture.syncAndWait(org);
    salesforce.update("Account", accounts.get(3), Map.of("Industry", "Retail"));

    SyncRun run = fixture.syncAndWait(org);

    SyncRun.ObjectRun account = object(run, "Account");
    assertThat(account.done()).isEqualTo(50);
    assertThat(List.of(account.created(), account.updated(), account.deleted()))
        .containsExactly(0L, 1L, 0L);
    assertThat(fixture.mirrorRows(org)).isEqualTo(50);
  }

  @Test
  void aRunThatDiesMidScanResumesFromItsCheckpointWithoutDuplicates() {
    salesforce.seed("Account", 1000);
    AtomicInteger pages = new AtomicInteger();
    salesforce.fault(
        call ->
            call.startsWith("queryMore") && pages.incrementAndGet() == 3
                ? new SalesforceException(
                    ScopienException.Kind.RETRIABLE,
                    "CONNECTION_FAILED",
                    0,
                    "The connection failed before a reply came.")
                : null);

    SyncRun broken = fixture.syncAndWait(org, List.of("Account"), false);

    assertThat(broken.status()).isEqualTo(SyncRun.Status.FAILED);
    assertThat(object(broken, "Account").created()).isEqualTo(600);
    assertThat(fixture.mirrorCount(org, "Account")).isEqualTo(600);
    assertThat(fixture.sync.errors(org.id(), List.of("Account"), Duration.ofHours(1), 10))
        .first()
        .satisfies(
            e -> {
              assertThat(e.status()).isEqualTo(SyncError.Status.RETRYING);
              assertThat(e.object()).isEqualTo("Account");
            });

    salesforce.fault(call -> null);
    SyncRun resumed = fixture.syncAndWait(org, List.of("Account"), false);

    assertThat(resumed.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    assertThat(object(resumed, "Account").phase()).isEqualTo("initial");
    assertThat(object(resumed, "Account").created()).isEqualTo(400);
    assertThat(object(resumed, "Account").total()).isEqualTo(400);
    assertThat(fixture.mirrorRows(org)).isEqualTo(1000);
    assertThat(salesforce.queries().get(salesforce.queries().size() - 1))
        .contains("WHERE SystemModstamp > ")
        .contains("OR (SystemModstamp = ");
    assertThat(fixture.sync.errors(org.id(), List.of("Account"), Duration.ofHours(1), 10))
        .first()
        .satisfies(e -> assertThat(e.status()).isEqualTo(SyncError.Status.RESOLVED));
  }

  @Test
  void aStoppedRunEndsPartialAndTheNextOneFinishesTheScan() throws Exception {
    salesforce.seed("Account", 2000);
    salesforce.pageSize(200);
    java.util.concurrent.CountDownLatch paused = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch resume = new java.util.concurrent.CountDownLatch(1);
    salesforce.fault(
        call -> {
          if (call.startsWith("queryMore") && paused.getCount() > 0) {
            paused.countDown();
            try {
              resume.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return null;
        });
    String runId = fixture.sync.start(org.id(), List.of("Account"), false);
    paused.await();
    assertThat(fixture.sync.run(runId).status()).isEqualTo(SyncRun.Status.RUNNING);
    assertThat(fixture.sync.stop(runId)).isTrue();
    resume.countDown();

    SyncRun stopped = fixture.sync.await(runId, Duration.ofSeconds(30));

    assertThat(stopped.status()).isEqualTo(SyncRun.Status.PARTIAL);
    assertThat(stopped.message()).contains("Stopped");
    assertThat(object(stopped, "Account").status()).isEqualTo("stopped");
    long first = object(stopped, "Account").created();
    assertThat(first).isBetween(200L, 1999L);

    SyncRun next = fixture.syncAndWait(org, List.of("Account"), false);

    assertThat(object(next, "Account").created()).isEqualTo(2000 - first);
    assertThat(fixture.mirrorRows(org)).isEqualTo(2000);
  }

  @Test
  void anUnreadableRecordIsParkedAndReadAgainByIdNextRun() {
    List<String> ids = salesforce.seed("Account", 20);
    String bad = ids.get(5);
    salesforce.corrupt(
        r -> {
          if (!bad.equals(r.id())) {
            return r;
          }
          Map<String, Object> fields = new LinkedHashMap<>(r.fields());
          fields.put("SystemModstamp", "not a date");
          return new SObjectRecord(r.type(), fields);
        });

    SyncRun first = fixture.syncAndWait(org, List.of("Account"), false);

    assertThat(first.status()).isEqualTo(SyncRun.Status.PARTIAL);
    assertThat(object(first, "Account").created()).isEqualTo(19);
    assertThat(object(first, "Account").failed()).isEqualTo(1);
    assertThat(first.message()).contains("1 record(s) parked");
    assertThat(fixture.sync.errors(org.id(), List.of(), Duration.ofHours(1), 10))
        .anySatisfy(
            e -> {
              assertThat(e.recordId()).isEqualTo(bad);
              assertThat(e.status()).isEqualTo(SyncError.Status.RETRYING);
              assertThat(e.action()).contains("Parked");
            });

    SyncRun second = fixture.syncAndWait(org, List.of("Account"), false);

    assertThat(second.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    assertThat(object(second, "Account").created()).isEqualTo(1);
    assertThat(fixture.mirrorCount(org, "Account")).isEqualTo(20);
    assertThat(fixture.sync.errors(org.id(), List.of(), Duration.ofHours(1), 10))
        .filteredOn(e -> bad.equals(e.recordId()))
        .singleElement()
        .satisfies(e -> assertThat(e.status()).isEqualTo(SyncError.Status.RESOLVED));
  }

  @Test
  void aVanishedMappedFieldNeedsAttentionWhileTheRestSyncs() {
    salesforce.seed("Lead", 5);
    salesforce.removeField("Lead", "Score__c");

    SyncRun run = fixture.syncAndWait(org, List.of("Lead"), false);

    assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    assertThat(fixture.mirrorCount(org, "Lead")).isEqualTo(5);
    assertThat(fixture.sync.errors(org.id(), List.of("Lead"), Duration.ofHours(1), 10))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.status()).isEqualTo(SyncError.Status.NEEDS_ATTENTION);
              assertThat(e.subject()).isEqualTo("Score__c");
              assertThat(e.message()).contains("Invalid field: Lead.Score__c");
            });
    assertThat(fixture.settings.mappings(org.id()))
        .filteredOn(m -> m.salesforceField().equals("Score__c"))
        .singleElement()
        .satisfies(m -> assertThat(m.status()).isEqualTo(FieldMapping.Status.NEEDS_ATTENTION));

    fixture.syncAndWait(org, List.of("Lead"), false);
    assertThat(fixture.sync.errors(org.id(), List.of("Lead"), Duration.ofHours(1), 10))
        .singleElement()
        .satisfies(e -> assertThat(e.occurrences()).isEqualTo(2));
  }

  @Test
  void syncPausesAtTheApiShareWithACheckpoint() {
    salesforce.seed("Account", 1000);
    // Five calls in (describes, counts, the first page), the reading crosses 80%.
    salesforce.usage(79_996, 100_000);

    SyncRun run = fixture.syncAndWait(org, List.of("Account", "Contact"), false);

    assertThat(run.status()).isEqualTo(SyncRun.Status.PARTIAL);
    assertThat(run.message()).contains("Paused").contains("80%");
    assertThat(object(run, "Account").status()).isEqualTo("paused");
    assertThat(object(run, "Contact").status()).isEqualTo("stopped");
    long copied = fixture.mirrorCount(org, "Account");
    assertThat(copied).isEqualTo(200);
    assertThat(fixture.sync.errors(org.id(), List.of(), Duration.ofHours(1), 10))
        .anySatisfy(e -> assertThat(e.status()).isEqualTo(SyncError.Status.WAITING));

    salesforce.usage(0, 100_000);
    SyncRun resumed = fixture.syncAndWait(org, List.of("Account", "Contact"), false);
    assertThat(resumed.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    assertThat(object(resumed, "Account").created()).isEqualTo(1000 - copied);
  }

  @Test
  void aFullResyncDeletesWhatSalesforceNoLongerHas() {
    List<String> ids = salesforce.seed("Account", 40);
    fixture.syncAndWait(org, List.of("Account"), false);
    // The full scan reads live records only: what it does not see leaves the mirror.
    salesforce.delete("Account", ids.get(0));
    salesforce.update("Account", ids.get(1), Map.of("Name", "Renamed"));

    SyncRun run = fixture.syncAndWait(org, List.of("Account"), true);

    SyncRun.ObjectRun account = object(run, "Account");
    assertThat(account.phase()).isEqualTo("reconcile");
    assertThat(List.of(account.created(), account.updated(), account.deleted()))
        .containsExactly(0L, 1L, 1L);
    assertThat(fixture.mirrorCount(org, "Account")).isEqualTo(39);
    assertThat(fixture.sync.objects(org.id()))
        .filteredOn(o -> o.object().equals("Account"))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.localCount()).isEqualTo(39);
              assertThat(o.lastSyncAt()).isNotNull();
            });
  }

  @Test
  void aGapLongerThanTheDeletedRecordsWindowReconcilesTheObject() {
    List<String> ids = salesforce.seed("Account", 30);
    fixture.syncAndWait(org, List.of("Account"), false);
    salesforce.purge("Account", ids.get(4));
    jdbc()
        .update(
            "UPDATE sync_cursors SET last_synced_at = ? WHERE org_id = ?",
            java.time.Instant.now().minus(Duration.ofDays(16)),
            org.id());

    SyncRun run = fixture.syncAndWait(org, List.of("Account"), false);

    assertThat(object(run, "Account").phase()).isEqualTo("reconcile");
    assertThat(object(run, "Account").deleted()).isEqualTo(1);
    assertThat(fixture.mirrorCount(org, "Account")).isEqualTo(29);
    SyncRun next = fixture.syncAndWait(org, List.of("Account"), false);
    assertThat(object(next, "Account").phase()).isEqualTo("incremental");
  }

  @Test
  void oneRunPerOrgAtATime() throws Exception {
    salesforce.seed("Account", 400);
    java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
    salesforce.fault(
        call -> {
          if (call.startsWith("queryMore")) {
            try {
              hold.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return null;
        });
    String first = fixture.sync.start(org.id(), List.of("Account"), false);

    assertThat(fixture.sync.start(org.id(), List.of("account"), false)).isEqualTo(first);
    assertThatThrownBy(() -> fixture.sync.start(org.id(), List.of("Account"), true))
        .isInstanceOf(ScopienException.class)
        .hasMessageContaining("already running");
    hold.countDown();
    assertThat(fixture.sync.await(first, Duration.ofSeconds(30)).status())
        .isEqualTo(SyncRun.Status.SUCCEEDED);
    assertThat(fixture.sync.runs(org.id())).extracting(SyncRun::id).containsExactly(first);
  }

  @Test
  void theOrgsDailyLimitStopsTheWholeRun() {
    salesforce.seed("Account", 10);
    salesforce.fault(
        call ->
            call.startsWith("query#")
                ? new SalesforceException(
                    ScopienException.Kind.UPSTREAM,
                    "REQUEST_LIMIT_EXCEEDED",
                    403,
                    "TotalRequests Limit exceeded.")
                : null);

    SyncRun run = fixture.syncAndWait(org);

    assertThat(run.status()).isEqualTo(SyncRun.Status.FAILED);
    assertThat(run.objects())
        .extracting(SyncRun.ObjectRun::status)
        .containsExactly("failed", "stopped", "stopped", "stopped");
    assertThat(fixture.sync.errors(org.id(), List.of(), Duration.ofHours(1), 10))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo("rate_limit");
              assertThat(e.status()).isEqualTo(SyncError.Status.WAITING);
            });
  }
}
