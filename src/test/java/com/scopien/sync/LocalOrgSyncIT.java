package com.scopien.sync;

import static com.scopien.sync.SyncFixture.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.localorg.FaultPlan;
import com.scopien.localorg.LocalOrg;
import com.scopien.localorg.LocalOrgOptions;
import com.scopien.orgs.Org;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.security.Role;
import com.scopien.security.User;
import com.scopien.store.DatabaseTestBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * The whole engine against the demo production org (58,000 records in the five big objects) over
 * real HTTP, on H2 and on PostgreSQL.
 */
class LocalOrgSyncIT extends DatabaseTestBase {
  private LocalOrg localOrg;
  private SalesforceClient client;
  private SyncFixture fixture;

  /** A fresh org per engine; runs after the base class opened the database. */
  @BeforeParameterizedClassInvocation
  void startOrg() {
    localOrg = LocalOrg.start(LocalOrgOptions.production());
    client = LocalOrgConnection.renewing(localOrg, 2000);
    fixture = new SyncFixture(jdbc());
  }

  @AfterParameterizedClassInvocation
  void stopOrg() {
    fixture.close();
    localOrg.close();
  }

  @Test
  void theDemoOrgSyncsInFullThenOneIncrementalRunPicksUpExactlyWhatChanged() {
    Org org = fixture.org(client);
    long started = System.nanoTime();

    SyncRun full = fixture.syncAndWait(org);

    long fullMillis = (System.nanoTime() - started) / 1_000_000;
    assertThat(full.status()).as(full.toString()).isEqualTo(SyncRun.Status.SUCCEEDED);
    for (SyncRun.ObjectRun o : full.objects()) {
      assertThat(fixture.mirrorCount(org, o.object()))
          .as(o.object())
          .isEqualTo(localOrg.count(o.object()))
          .isEqualTo(o.created());
    }
    assertThat(object(full, "Account").created()).isEqualTo(3_456);
    assertThat(object(full, "Contact").created()).isEqualTo(12_345);
    assertThat(object(full, "Opportunity").created()).isEqualTo(8_234);
    assertThat(object(full, "Case").created()).isEqualTo(15_678);
    assertThat(object(full, "Lead").created()).isEqualTo(18_287);
    assertThat(full.progress().done()).isEqualTo(full.progress().total());
    System.out.printf(
        "[%s] full sync of %,d records in %,d ms, %d API calls%n",
        engine, full.progress().done(), fullMillis, full.apiCalls());

    List<String> accounts = firstIds(org, "Account", 13);
    for (int i = 0; i < 10; i++) {
      localOrg.update("Account", accounts.get(i), Map.of("Industry", "Energy"));
    }
    for (int i = 0; i < 5; i++) {
      localOrg.create("Account", Map.of("Name", "Incremental Test " + i));
    }
    for (int i = 10; i < 13; i++) {
      localOrg.delete("Account", accounts.get(i));
    }

    SyncRun incremental = fixture.syncAndWait(org);

    assertThat(incremental.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    SyncRun.ObjectRun account = object(incremental, "Account");
    assertThat(account.phase()).isEqualTo("incremental");
    assertThat(List.of(account.created(), account.updated(), account.deleted(), account.failed()))
        .containsExactly(5L, 10L, 3L, 0L);
    for (SyncRun.ObjectRun o : incremental.objects()) {
      if (!o.object().equals("Account")) {
        assertThat(o.created() + o.updated() + o.deleted()).as(o.object()).isZero();
      }
    }
    assertThat(fixture.mirrorCount(org, "Account")).isEqualTo(localOrg.count("Account"));
    assertThat(fixture.mirrorFields(org, "Account", accounts.get(0))).contains("Energy");

    // Restored from the recycle bin: the next incremental run brings it back as it was.
    localOrg.undelete("Account", accounts.get(12));
    SyncRun restored = fixture.syncAndWait(org);
    assertThat(object(restored, "Account").created()).isEqualTo(1);
    assertThat(object(restored, "Account").deleted()).isZero();
    assertThat(fixture.mirrorCount(org, "Account")).isEqualTo(localOrg.count("Account"));
    assertThat(fixture.mirrorFields(org, "Account", accounts.get(12)))
        .contains(String.valueOf(localOrg.record("Account", accounts.get(12)).get().get("Name")));
  }

  @Test
  void aSyncKilledMidScanResumesFromTheCheckpointWithoutDuplicates() {
    FaultyClient dropping = new FaultyClient(client, 4);
    Org org = fixture.org(dropping);

    SyncRun broken = fixture.syncAndWait(org, List.of("Lead"), false);

    assertThat(broken.status()).isEqualTo(SyncRun.Status.FAILED);
    long firstPart = object(broken, "Lead").created();
    assertThat(firstPart).isEqualTo(4 * 2_000);

    dropping.heal();
    SyncRun resumed = fixture.syncAndWait(org, List.of("Lead"), false);

    assertThat(resumed.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    assertThat(firstPart + object(resumed, "Lead").created()).isEqualTo(localOrg.count("Lead"));
    assertThat(fixture.mirrorRows(org)).isEqualTo(localOrg.count("Lead"));
  }

  @Test
  void aRecordThatCannotBeReadIsParkedThenReadAgainById() {
    FaultyClient faulty = new FaultyClient(client, -1);
    Org org = fixture.org(faulty);
    String bad = localOrg.create("Project__c", Map.of("Name", "Unreadable Project"));
    faulty.garble(bad);

    SyncRun first = fixture.syncAndWait(org, List.of("Project__c"), false);

    assertThat(first.status()).isEqualTo(SyncRun.Status.PARTIAL);
    assertThat(object(first, "Project__c").failed()).isEqualTo(1);
    assertThat(object(first, "Project__c").created()).isEqualTo(localOrg.count("Project__c") - 1);
    assertThat(fixture.sync.errors(org.id(), List.of("Project__c"), Duration.ofHours(1), 5))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.recordId()).isEqualTo(bad);
              assertThat(e.status()).isEqualTo(SyncError.Status.RETRYING);
            });

    faulty.ungarble();
    SyncRun second = fixture.syncAndWait(org, List.of("Project__c"), false);

    assertThat(second.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    assertThat(object(second, "Project__c").created()).isEqualTo(1);
    assertThat(fixture.mirrorCount(org, "Project__c")).isEqualTo(localOrg.count("Project__c"));
    assertThat(faulty.retrieved()).containsExactly(bad);
    assertThat(fixture.mirrorFields(org, "Project__c", bad)).contains("Unreadable Project");
  }

  @Test
  void aSessionThatExpiresMidSyncIsRenewedAndTheRunGoesOn() {
    FaultyClient expiring = new FaultyClient(LocalOrgConnection.renewing(localOrg, 2000), -1);
    expiring.beforePage(3, localOrg::expireSessions);
    Org org = fixture.org(expiring);

    SyncRun run = fixture.syncAndWait(org, List.of("Lead"), false);

    assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    assertThat(fixture.mirrorCount(org, "Lead")).isEqualTo(localOrg.count("Lead"));
  }

  @Test
  void syncPausesAtItsShareOfTheOrgsRealAllowanceWithACheckpoint() {
    try (LocalOrg small =
        LocalOrg.start(
            LocalOrgOptions.production()
                .withScale(new LocalOrgOptions.Scale(0.05))
                .withDailyApiLimit(10_000))) {
      Org org = fixture.org(LocalOrgConnection.renewing(small, 200));
      // Sforce-Limit-Info will say 7,995 used: five calls in, sync is at its 80% share.
      small.spendApiCalls(7_995 - small.apiCallsUsed());

      SyncRun paused = fixture.syncAndWait(org, List.of("Lead"), false);

      assertThat(paused.status()).isEqualTo(SyncRun.Status.PARTIAL);
      assertThat(paused.message()).contains("Paused").contains("of 10,000 daily API calls");
      long kept = fixture.mirrorCount(org, "Lead");
      assertThat(kept).isPositive().isLessThan(small.count("Lead")).isEqualTo(kept / 200 * 200);

      try (SyncFixture generous =
          new SyncFixture(jdbc(), SyncOptions.defaults().withApiBudgetShare(0.95))) {
        generous.orgs.adopt(org, LocalOrgConnection.renewing(small, 200));
        SyncRun resumed = generous.syncAndWait(org, List.of("Lead"), false);

        assertThat(resumed.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
        assertThat(object(resumed, "Lead").created()).isEqualTo(small.count("Lead") - kept);
        assertThat(generous.mirrorCount(org, "Lead")).isEqualTo(small.count("Lead"));
      }
    }
  }

  @Test
  void twoHundredFiftyScopienChangesReachTheOrgInABatchCallPer200() {
    Org org = fixture.org(client);
    fixture.syncAndWait(org, List.of("Account"), false);
    List<String> ids = firstIds(org, "Account", 250);
    // Hold the org's run lock so the changes queue up instead of each starting a run.
    jdbc()
        .update(
            "INSERT INTO sync_locks (org_id, run_id, heartbeat_at) VALUES (?, 'held', ?)",
            org.id(),
            java.time.Instant.now());
    User admin = new User("u-admin", "Ada", "ada@acme.com", Role.ADMIN);
    for (String id : ids) {
      assertThat(
              fixture
                  .changes
                  .change(admin, org.id(), "Account", id, Map.of("Description", "Pushed " + id))
                  .runId())
          .isNull();
    }
    jdbc().update("DELETE FROM sync_locks WHERE org_id = ?", org.id());
    // Every sObject Collections call meets a harmless 1 ms delay, which counts them.
    localOrg.injectFaults(
        new FaultPlan(
            1, List.of(new FaultPlan.Rule(FaultPlan.Kind.SLOW, 1.0, "/composite/sobjects", 1))));
    long queriesBefore = localOrg.queryCallsUsed();

    SyncRun run = fixture.syncAndWait(org, List.of("Account"), false);

    long writes = localOrg.faultsFired().getOrDefault("slow", 0L);
    long queries = localOrg.queryCallsUsed() - queriesBefore;
    localOrg.injectFaults(FaultPlan.none());
    assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    assertThat(object(run, "Account").pushed()).isEqualTo(250);
    assertThat(object(run, "Account").updated()).isZero();
    // One write per 200 changes and no read per batch: the run's read before the push found the
    // records Salesforce changed too, and one read after it took the echoes in.
    assertThat(writes).isEqualTo(2);
    assertThat(queries).isEqualTo(2);
    for (String id : List.of(ids.get(0), ids.get(199), ids.get(249))) {
      assertThat(localOrg.record("Account", id).orElseThrow())
          .containsEntry("Description", "Pushed " + id);
    }
  }

  @Test
  void changesMadeOneByOneStillGoOutTwoHundredPerCall() throws Exception {
    Org org = fixture.org(client);
    fixture.syncAndWait(org, List.of("Account"), false);
    List<String> ids = firstIds(org, "Account", 300);
    localOrg.injectFaults(
        new FaultPlan(
            1, List.of(new FaultPlan.Rule(FaultPlan.Kind.SLOW, 1.0, "/composite/sobjects", 1))));
    User admin = new User("u-admin", "Ada", "ada@acme.com", Role.ADMIN);

    // About 200 changes a second, each one trying to start a push (the first one does).
    for (String id : ids) {
      fixture.changes.change(admin, org.id(), "Account", id, Map.of("Description", "One " + id));
      Thread.sleep(5);
    }
    fixture.settle(org);

    long writes = localOrg.faultsFired().getOrDefault("slow", 0L);
    localOrg.injectFaults(FaultPlan.none());
    // Without the linger each run pushed what had arrived so far: 117 and 171 writes for these 300
    // changes when tried. With it, 2 on a quiet machine; a loaded one makes the changes arrive more
    // slowly than a run waits (8 x 250 ms), so a run may push a partial first batch.
    assertThat(writes).isBetween(2L, 4L);
    for (String id : List.of(ids.get(0), ids.get(150), ids.get(299))) {
      assertThat(localOrg.record("Account", id).orElseThrow())
          .containsEntry("Description", "One " + id);
    }
  }

  private List<String> firstIds(Org org, String object, int n) {
    return new ArrayList<>(
        jdbc()
            .query(
                "SELECT record_id FROM sync_records WHERE org_id = ? AND object_name = ?"
                    + " AND is_deleted = FALSE ORDER BY record_id LIMIT ?",
                row -> row.getString("record_id"),
                org.id(),
                object,
                n));
  }
}
