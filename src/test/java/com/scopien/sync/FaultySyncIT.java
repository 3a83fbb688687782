package com.scopien.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.ScopienException;
import com.scopien.localorg.FaultPlan;
import com.scopien.localorg.LocalOrg;
import com.scopien.localorg.LocalOrgOptions;
import com.scopien.orgs.Org;
import com.scopien.salesforce.RetryPolicy;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.security.Role;
import com.scopien.security.User;
import com.scopien.store.DatabaseTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * The engine against a local org that fails a few percent of its calls the ways Salesforce does:
 * lock errors on writes, 500/503, sessions that expire for good, connections dropped without a
 * reply. The client retries each call only once, so some faults get through to the engine, which
 * must park, log, retry at the next run and end with both sides equal.
 */
class FaultySyncIT extends DatabaseTestBase {
  private static final long SEED = Long.getLong("scopien.faults.seed", 20_261_128L);
  private static final List<String> EDITED =
      List.of("Account", "Contact", "Opportunity", "Case", "Lead");
  private static final User ADMIN = new User("u-admin", "Ada", "ada@acme.com", Role.ADMIN);

  private LocalOrg localOrg;
  private SyncFixture fixture;

  @BeforeParameterizedClassInvocation
  void startOrg() {
    localOrg =
        LocalOrg.start(
            LocalOrgOptions.production().withScale(new LocalOrgOptions.Scale(0.15)).withSeed(SEED));
    fixture = new SyncFixture(jdbc());
  }

  @AfterParameterizedClassInvocation
  void stopOrg() {
    fixture.close();
    localOrg.close();
  }

  @Test
  void aSyncUnderInjectedFaultsEndsWithBothSidesEqual() {
    String seed = "seed " + SEED + " (-Dscopien.faults.seed=N to replay)";
    SalesforceClient faulty =
        MirrorComparison.client(
            localOrg,
            200,
            RetryPolicy.defaults()
                .withMaxAttempts(2)
                .withDelays(Duration.ofMillis(10), Duration.ofMillis(100)));
    Org org = fixture.org(faulty);
    localOrg.injectFaults(
        new FaultPlan(
            SEED,
            List.of(
                new FaultPlan.Rule(FaultPlan.Kind.LOCK, 0.08),
                new FaultPlan.Rule(FaultPlan.Kind.SERVER_ERROR, 0.05),
                new FaultPlan.Rule(FaultPlan.Kind.EXPIRED_SESSION, 0.03),
                new FaultPlan.Rule(FaultPlan.Kind.DROP, 0.05))));
    Log log = new Log();
    long started = System.nanoTime();

    syncUntilClean(org, log, seed);
    Random random = new Random(SEED);
    for (int round = 0; round < 4; round++) {
      editInTheOrg(org, random, round);
      editInScopien(org, random, round);
      syncUntilClean(org, log, seed);
    }

    Map<String, Long> fired = localOrg.faultsFired();
    localOrg.injectFaults(FaultPlan.none());
    System.out.printf(
        "[%s] faulty sync: %d runs (%s), faults %s, %,d ms, %s%n",
        engine,
        log.runs.size(),
        log.statuses(),
        fired,
        (System.nanoTime() - started) / 1_000_000,
        seed);
    SalesforceClient clean = MirrorComparison.client(localOrg, 2000, RetryPolicy.none());
    List<String> objects =
        fixture.sync.objects(org.id()).stream()
            .filter(SyncObject::selected)
            .map(SyncObject::object)
            .toList();
    assertThat(objects).contains("Account", "Lead", "Project__c");
    assertThat(MirrorComparison.differences(jdbc(), org.id(), clean, objects))
        .as("mirror vs org, %s", seed)
        .isEmpty();
    assertThat(pendingChanges(org)).as("changes still queued").isZero();
    assertThat(fired)
        .as("every kind of fault struck")
        .containsKeys("lock", "server_error", "expired_session", "drop");
    assertThat(log.runs)
        .as("some runs met faults they could not retry away")
        .anyMatch(r -> r.status() != SyncRun.Status.SUCCEEDED);
    assertThat(log.retrying).as("errors the engine logged as Retrying, %s", seed).isNotEmpty();
    List<SyncError> now = fixture.sync.errors(org.id(), List.of(), Duration.ofDays(1), 500);
    for (Long id : log.retrying) {
      SyncError e = now.stream().filter(x -> x.id() == id).findFirst().orElseThrow();
      assertThat(e.status()).as("%s, %s", e, seed).isEqualTo(SyncError.Status.RESOLVED);
    }
    assertThat(now).as("open errors").allMatch(e -> e.status() == SyncError.Status.RESOLVED);
  }

  /** Runs until a run succeeds with nothing queued or parked; every run's errors are noted. */
  private void syncUntilClean(Org org, Log log, String seed) {
    for (int attempt = 0; attempt < 25; attempt++) {
      fixture.settle(org);
      SyncRun run;
      try {
        run = fixture.syncAndWait(org, List.of(), false);
      } catch (ScopienException e) {
        // Planning the run (describeGlobal) met a fault that outlived the retry.
        log.startFailures++;
        continue;
      }
      log.runs.add(run);
      for (SyncError e : fixture.sync.errors(org.id(), List.of(), Duration.ofDays(1), 500)) {
        if (e.status() == SyncError.Status.RETRYING || e.status() == SyncError.Status.WAITING) {
          log.retrying.add(e.id());
        }
      }
      if (run.status() == SyncRun.Status.SUCCEEDED
          && pendingChanges(org) == 0
          && parked(org) == 0) {
        return;
      }
    }
    throw new AssertionError("no clean run in 25 tries: " + log.statuses() + ", " + seed);
  }

  private void editInTheOrg(Org org, Random random, int round) {
    for (int i = 0; i < 20; i++) {
      String object = EDITED.get(random.nextInt(EDITED.size()));
      String id = randomLiveId(org, object, random);
      localOrg.update(object, id, Map.of("Description", "Org edit " + round + "." + i));
    }
    for (int i = 0; i < 4; i++) {
      localOrg.create("Account", Map.of("Name", "Fault Round " + round + "." + i));
      localOrg.create(
          "Lead", Map.of("LastName", "Faulty" + round + i, "Company", "Fault Co " + round));
    }
    for (int i = 0; i < 3; i++) {
      String object = List.of("Contact", "Case", "Lead").get(i);
      localOrg.delete(object, randomLiveId(org, object, random));
    }
  }

  /**
   * Scopien-side changes, queued while the test holds the org's run lock, pushed by the next run.
   */
  private void editInScopien(Org org, Random random, int round) {
    jdbc()
        .update(
            "INSERT INTO sync_locks (org_id, run_id, heartbeat_at) VALUES (?, 'held', ?)",
            org.id(),
            Instant.now());
    try {
      for (int i = 0; i < 25; i++) {
        String object = EDITED.get(random.nextInt(EDITED.size()));
        String id = randomLiveId(org, object, random);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Description", "Scopien edit " + round + "." + i);
        change(org, object, id, fields);
      }
    } finally {
      jdbc().update("DELETE FROM sync_locks WHERE org_id = ? AND run_id = 'held'", org.id());
    }
  }

  /** A Scopien-side change; its describe goes to the faulty org, so it is tried a few times. */
  private void change(Org org, String object, String id, Map<String, Object> fields) {
    for (int attempt = 1; ; attempt++) {
      try {
        fixture.changes.change(ADMIN, org.id(), object, id, fields);
        return;
      } catch (ScopienException e) {
        if (attempt == 5 || e.kind() != ScopienException.Kind.RETRIABLE) {
          throw e;
        }
      }
    }
  }

  private String randomLiveId(Org org, String object, Random random) {
    List<String> ids =
        jdbc()
            .query(
                "SELECT record_id FROM sync_records WHERE org_id = ? AND object_name = ?"
                    + " AND is_deleted = FALSE ORDER BY record_id",
                row -> row.getString("record_id"),
                org.id(),
                object);
    return ids.get(random.nextInt(ids.size()));
  }

  private long pendingChanges(Org org) {
    return count(
        "SELECT COUNT(*) AS n FROM sync_records WHERE org_id = ? AND local_changed_at IS NOT NULL",
        org);
  }

  private long parked(Org org) {
    return count("SELECT COUNT(*) AS n FROM sync_parked WHERE org_id = ?", org);
  }

  private long count(String sql, Org org) {
    return jdbc().queryOne(sql, row -> row.getLong("n"), org.id()).orElse(0L);
  }

  /** What the runs of the test did. */
  private static final class Log {
    final List<SyncRun> runs = new ArrayList<>();
    final Set<Long> retrying = new LinkedHashSet<>();
    int startFailures;

    String statuses() {
      return runs.stream().map(r -> r.status().wireName()).toList()
          + (startFailures > 0 ? " + " + startFailures + " failed starts" : "");
    }
  }
}
