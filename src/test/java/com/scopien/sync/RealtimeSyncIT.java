package com.scopien.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.localorg.FaultPlan;
import com.scopien.localorg.LocalOrg;
import com.scopien.localorg.LocalOrgOptions;
import com.scopien.orgs.Org;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.security.Role;
import com.scopien.security.User;
import com.scopien.store.Database;
import com.scopien.store.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Real-time sync end to end: local orgs over HTTP publishing change events, Scopien's store on H2,
 * the Streaming API subscription applying them to the mirror.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealtimeSyncIT {
  private static final Duration POLL_EVERY = Duration.ofSeconds(2);
  private static final List<String> OBJECTS = List.of("Account", "Contact", "Case");

  private Database database;
  private SyncFixture fixture;
  private LocalOrg streamingOrg;
  private LocalOrg caseWithoutEvents;
  private SalesforceClient people;
  private Org org;
  private Org fallbackOrg;
  private RealtimeSync realtime;

  @BeforeAll
  void start() {
    database = TestDatabases.open(TestDatabases.Engine.H2);
    fixture = new SyncFixture(database.jdbc());
    LocalOrgOptions small =
        LocalOrgOptions.sandbox()
            .withScale(new LocalOrgOptions.Scale(0.01))
            // Long-polls are held this long: events must arrive without the poll ending first.
            .withStreamingTimeout(Duration.ofSeconds(30));
    streamingOrg = LocalOrg.start(small);
    caseWithoutEvents = LocalOrg.start(small.withSeed(7).withoutChangeEvents(Set.of("Case")));
    org = connect(streamingOrg);
    fallbackOrg = connect(caseWithoutEvents);
    // Someone working in the org, through its REST API.
    people = LocalOrgConnection.renewing(streamingOrg, 2000);
    realtime = newRealtime();
    realtime.start();
    awaitStreaming(org, 3);
    awaitStreaming(fallbackOrg, 2);
    // Subscribed for new events only, each object is read once by a catch-up poll.
    awaitScheduledRun(org);
    fixture.settle(org);
  }

  @AfterAll
  void stop() {
    realtime.close();
    fixture.close();
    streamingOrg.close();
    caseWithoutEvents.close();
    database.close();
  }

  @Test
  @Order(1)
  void aChangeInTheOrgReachesTheMirrorWithinTwoSecondsWithoutAQuery() throws Exception {
    long queries = streamingOrg.queryCallsUsed();
    String account = people.create("Account", Map.of("Name", "Realtime Rocket"));
    long createdIn = millisUntil(() -> fields(org, "Account", account).contains("Realtime Rocket"));

    people.update("Account", account, Map.of("Industry", "Aerospace"));
    long updatedIn = millisUntil(() -> fields(org, "Account", account).contains("Aerospace"));

    String contact = anyId(org, "Contact");
    people.update("Contact", contact, Map.of("Title", "Chief Streamer"));
    long contactIn = millisUntil(() -> fields(org, "Contact", contact).contains("Chief Streamer"));

    people.delete("Account", account);
    long deletedIn = millisUntil(() -> deleted(org, "Account", account));
    streamingOrg.undelete("Account", account);
    long restoredIn = millisUntil(() -> !deleted(org, "Account", account));
    people.delete("Account", account);
    millisUntil(() -> deleted(org, "Account", account));

    System.out.printf(
        "real-time: create %d ms, update %d ms, other object %d ms, delete %d ms, undelete %d ms%n",
        createdIn, updatedIn, contactIn, deletedIn, restoredIn);
    assertThat(List.of(createdIn, updatedIn, contactIn, deletedIn, restoredIn))
        .allMatch(ms -> ms < 2000);
    assertThat(streamingOrg.queryCallsUsed()).as("no polling query").isEqualTo(queries);
    assertThat(fixture.mirrorCount(org, "Account")).isEqualTo(streamingOrg.count("Account"));
    RealtimeStatus status = realtime.status(org.id()).orElseThrow();
    assertThat(status.connected()).isTrue();
    assertThat(status.pollingObjects()).isEmpty();
    assertThat(status.lastEventAt()).isNotNull();
    // A streamed object counts as fresh for mirror reads whatever the age of its last run.
    assertThat(realtime.syncedThrough(org.id(), "account")).isPresent();
  }

  @Test
  @Order(4)
  void aRestartResumesFromTheStoredReplayIdAndMissesNothing() throws Exception {
    realtime.close();
    String kept = people.create("Account", Map.of("Name", "While Away 1"));
    String gone = people.create("Account", Map.of("Name", "While Away 2"));
    people.update("Account", kept, Map.of("Industry", "Retail"));
    people.delete("Account", gone);
    Map<String, Long> before = realtimeTotals(org, "Account");

    realtime = newRealtime();
    realtime.start();

    assertThat(millisUntil(() -> fields(org, "Account", kept).contains("Retail"))).isLessThan(5000);
    fixture.settle(org);
    // Replayed from the stored replay id (a poll would count them in a SCHEDULED run), each
    // change once: the record created and deleted while away never reaches the mirror.
    Map<String, Long> after = realtimeTotals(org, "Account");
    assertThat(after.get("created") - before.get("created")).isEqualTo(1);
    assertThat(after.get("deleted") - before.get("deleted")).isZero();
    assertThat(rows(org, kept)).isEqualTo(1);
    assertThat(rows(org, gone)).isZero();
    assertThat(fixture.mirrorCount(org, "Account")).isEqualTo(streamingOrg.count("Account"));
    assertThat(fixture.sync.runs(org.id(), 5))
        .filteredOn(r -> r.trigger() == SyncRun.Trigger.SCHEDULED)
        .allSatisfy(
            r ->
                assertThat(r.objects())
                    .allSatisfy(o -> assertThat(o.created() + o.updated()).isZero()));
  }

  @Test
  @Order(5)
  void ourOwnPushesComingBackAsEventsCostNoReadAndMakeNoConflict() throws Exception {
    awaitStreaming(org, 3);
    fixture.settle(org);
    fixture.settings.setConflictPolicy(
        org.id(), "Account", SyncSettings.ConflictPolicy.MANUAL_REVIEW);
    // Every read of records by Id (collections retrieve or one record) meets a 1 ms delay.
    streamingOrg.injectFaults(
        new FaultPlan(
            1,
            List.of(
                new FaultPlan.Rule(
                    FaultPlan.Kind.SLOW,
                    1.0,
                    "/composite/sobjects/Account|/sobjects/Account/",
                    1))));
    try {
      User admin = new User("u-admin", "Ada", "ada@acme.com", Role.ADMIN);
      List<String> ids =
          database
              .jdbc()
              .query(
                  "SELECT record_id FROM sync_records WHERE org_id = ? AND object_name = 'Account'"
                      + " AND is_deleted = FALSE ORDER BY record_id LIMIT 20",
                  r -> r.getString("record_id"),
                  org.id());
      for (String id : ids) {
        fixture.changes.change(admin, org.id(), "Account", id, Map.of("Description", "Ours " + id));
      }
      fixture.settle(org);
      // Every change event the org has published, our echoes included, has been handled.
      long published = streamingOrg.lastReplayId();
      millisUntil(() -> storedReplayId(org) >= published);

      assertThat(streamingOrg.record("Account", ids.get(19)).orElseThrow())
          .containsEntry("Description", "Ours " + ids.get(19));
      assertThat(streamingOrg.faultsFired().getOrDefault("slow", 0L)).as("reads by Id").isZero();
      assertThat(fixture.changes.conflicts(admin, org.id())).isEmpty();
    } finally {
      streamingOrg.injectFaults(FaultPlan.none());
      fixture.settings.setConflictPolicy(org.id(), "Account", null);
    }
  }

  @Test
  @Order(6)
  void anOrgSetToManualIsNoLongerFreshThroughItsSubscription() {
    awaitStreaming(org, 3);
    assertThat(realtime.syncedThrough(org.id(), "Account")).isPresent();

    fixture.settings.update(
        org.id(), new SettingsChange(SyncSettings.Frequency.MANUAL, null, null, null));

    // At once, not at the next check that closes the subscription.
    assertThat(realtime.syncedThrough(org.id(), "Account")).isEmpty();
  }

  private long storedReplayId(Org target) {
    return database
        .jdbc()
        .queryOne(
            "SELECT COALESCE(MAX(replay_id), 0) AS n FROM sync_replay WHERE org_id = ?",
            r -> r.getLong("n"),
            target.id())
        .orElseThrow();
  }

  private long rows(Org target, String id) {
    return database
        .jdbc()
        .queryOne(
            "SELECT COUNT(*) AS n FROM sync_records WHERE org_id = ? AND record_id = ?",
            r -> r.getLong("n"),
            target.id(),
            id)
        .orElseThrow();
  }

  private void awaitScheduledRun(Org target) {
    try {
      millisUntil(
          () ->
              fixture.sync.runs(target.id(), 10).stream()
                  .anyMatch(r -> r.trigger() == SyncRun.Trigger.SCHEDULED),
          Duration.ofSeconds(20));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  @Order(2)
  void anObjectWithoutChangeEventsIsPolledAndSaysSo() throws Exception {
    RealtimeStatus status = realtime.status(fallbackOrg.id()).orElseThrow();
    assertThat(status.pollingObjects()).containsOnlyKeys("Case");
    assertThat(status.pollingObjects().get("Case")).contains("does not exist");
    assertThat(status.streamedObjects()).containsExactlyInAnyOrder("Account", "Contact");
    assertThat(status.summary()).contains("real-time unavailable for Case").contains("every 2 s");
    assertThat(realtime.syncedThrough(fallbackOrg.id(), "Account")).isPresent();
    assertThat(realtime.syncedThrough(fallbackOrg.id(), "Case"))
        .as("a polled object's freshness comes from its runs")
        .isEmpty();
    List<SyncError> errors =
        fixture.sync.errors(fallbackOrg.id(), List.of("Case"), Duration.ofHours(1), 10);
    assertThat(errors)
        .anySatisfy(
            e -> {
              assertThat(e.message())
                  .startsWith("Real-time unavailable for Case")
                  .endsWith("polling every 2 s");
              assertThat(e.status()).isEqualTo(SyncError.Status.WAITING);
            });

    SalesforceClient caseWorker = LocalOrgConnection.renewing(caseWithoutEvents, 2000);
    String caseId = anyId(fallbackOrg, "Case");
    caseWorker.update("Case", caseId, Map.of("Subject", "Polled, not streamed"));
    long polledIn = millisUntil(() -> fields(fallbackOrg, "Case", caseId).contains("Polled, not"));
    assertThat(polledIn).isLessThan(POLL_EVERY.toMillis() * 3);
  }

  @Test
  @Order(3)
  void theRunsOfTheOrgAddUpToWhatTheMirrorHolds() throws Exception {
    people.create("Contact", Map.of("LastName", "Summed"));
    String contact = people.create("Contact", Map.of("LastName", "Summed Again"));
    millisUntil(() -> fields(org, "Contact", contact).contains("Summed Again"));
    people.delete("Contact", contact);
    millisUntil(() -> deleted(org, "Contact", contact));
    for (String object : List.of("Account", "Contact")) {
      long net =
          database
              .jdbc()
              .queryOne(
                  "SELECT COALESCE(SUM(o.created - o.deleted), 0) AS n FROM sync_run_objects o"
                      + " JOIN sync_runs r ON r.id = o.run_id WHERE r.org_id = ?"
                      + " AND o.object_name = ?",
                  r -> r.getLong("n"),
                  org.id(),
                  object)
              .orElseThrow();
      assertThat(net).as(object).isEqualTo(fixture.mirrorCount(org, object));
      assertThat(fixture.mirrorCount(org, object)).isEqualTo(streamingOrg.count(object));
    }
    assertThat(fixture.sync.runs(org.id()))
        .anySatisfy(r -> assertThat(r.trigger()).isEqualTo(SyncRun.Trigger.REAL_TIME))
        .allSatisfy(r -> assertThat(r.status()).isNotEqualTo(SyncRun.Status.RUNNING));
  }

  private RealtimeSync newRealtime() {
    return new RealtimeSync(
        database.jdbc(),
        fixture.orgs,
        fixture.settings,
        fixture.sync,
        SyncOptions.defaults(),
        Clock.systemUTC(),
        POLL_EVERY,
        Duration.ofMillis(200));
  }

  private Org connect(LocalOrg local) {
    Org added = fixture.org(LocalOrgConnection.renewing(local, 2000));
    Map<String, Boolean> selection = new LinkedHashMap<>();
    SyncDefaults.SELECTED_OBJECTS.forEach(o -> selection.put(o, OBJECTS.contains(o)));
    fixture.settings.select(added.id(), selection);
    fixture.settings.update(
        added.id(), new SettingsChange(SyncSettings.Frequency.REAL_TIME, true, true, null));
    SyncRun initial = fixture.syncAndWait(added);
    assertThat(initial.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    return added;
  }

  private void awaitStreaming(Org target, int objects) {
    try {
      millisUntil(
          () ->
              realtime
                  .status(target.id())
                  .filter(s -> s.connected() && s.streamedObjects().size() == objects)
                  .isPresent(),
          Duration.ofSeconds(20));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private Map<String, Long> realtimeTotals(Org target, String object) {
    return database
        .jdbc()
        .queryOne(
            "SELECT COALESCE(SUM(o.created), 0) AS c, COALESCE(SUM(o.deleted), 0) AS d"
                + " FROM sync_run_objects o JOIN sync_runs r ON r.id = o.run_id"
                + " WHERE r.org_id = ? AND r.run_trigger = 'REAL_TIME' AND o.object_name = ?",
            r -> Map.of("created", r.getLong("c"), "deleted", r.getLong("d")),
            target.id(),
            object)
        .orElseThrow();
  }

  private String fields(Org target, String object, String id) {
    String found = fixture.mirrorFields(target, object, id);
    return found == null ? "" : found;
  }

  private boolean deleted(Org target, String object, String id) {
    return database
        .jdbc()
        .queryOne(
            "SELECT is_deleted FROM sync_records WHERE org_id = ? AND object_name = ?"
                + " AND record_id = ?",
            r -> r.getBoolean("is_deleted"),
            target.id(),
            object,
            id)
        .orElse(false);
  }

  private String anyId(Org target, String object) {
    return database
        .jdbc()
        .queryOne(
            "SELECT record_id FROM sync_records WHERE org_id = ? AND object_name = ?"
                + " AND is_deleted = FALSE ORDER BY record_id LIMIT 1",
            r -> r.getString("record_id"),
            target.id(),
            object)
        .orElseThrow();
  }

  private static long millisUntil(BooleanSupplier condition) throws InterruptedException {
    return millisUntil(condition, Duration.ofSeconds(10));
  }

  private static long millisUntil(BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long started = System.nanoTime();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - started > timeout.toNanos()) {
        throw new AssertionError("not within " + timeout);
      }
      Thread.sleep(10);
    }
    return (System.nanoTime() - started) / 1_000_000;
  }
}
