package com.scopien.sync;

import static com.scopien.sync.SyncFixture.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import com.scopien.orgs.Org;
import com.scopien.salesforce.SalesforceException;
import com.scopien.security.Role;
import com.scopien.security.User;
import com.scopien.store.DatabaseTestBase;
import com.scopien.sync.SyncSettings.ConflictPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncPushTest extends DatabaseTestBase {
  private static final User ADMIN = new User("u-a", "Ada", "ada@acme.com", Role.ADMIN);
  private static final User GUEST = new User("u-g", "Gus", "gus@acme.com", Role.GUEST);

  private FakeSalesforceClient salesforce;
  private SyncFixture fixture;
  private Org org;
  private List<String> accounts;

  @BeforeEach
  void setUp() {
    salesforce = new FakeSalesforceClient();
    fixture = new SyncFixture(jdbc(), SyncOptions.defaults().withLookback(Duration.ZERO));
    org = fixture.org(salesforce);
    accounts = salesforce.seed("Account", 5);
    fixture.syncAndWait(org, List.of("Account"), false);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void aScopienChangeReachesSalesforceAndIsNotReadBackAsAChange() {
    String id = accounts.get(1);

    LocalChangeService.Change change =
        fixture.changes.change(ADMIN, org.id(), "account", id, Map.of("name", "Acme Renamed"));

    assertThat(change.object()).isEqualTo("Account");
    assertThat(change.pending()).containsExactly("Name");
    assertThat(change.fields()).containsEntry("Name", "Acme Renamed");
    SyncRun run = runOf(change);
    assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    assertThat(object(run, "Account").pushed()).isEqualTo(1);
    assertThat(object(run, "Account").updated()).isZero();
    assertThat(salesforce.stored("Account", id)).containsEntry("Name", "Acme Renamed");

    SyncRun next = fixture.syncAndWait(org, List.of("Account"), false);
    assertThat(object(next, "Account").updated()).isZero();
    assertThat(object(next, "Account").pushed()).isZero();
    assertThat(fixture.mirrorFields(org, "Account", id)).contains("Acme Renamed");
  }

  @Test
  void badChangesAreRefusedAndChangeNothing() {
    String id = accounts.get(0);
    assertThatThrownBy(
            () -> fixture.changes.change(GUEST, org.id(), "Account", id, Map.of("Name", "x")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("forbidden"));
    assertThatThrownBy(
            () ->
                fixture.changes.change(
                    ADMIN, org.id(), "Account", id, Map.of("Name", "x", "Nope__c", 1)))
        .satisfies(e -> assertThat(code(e)).isEqualTo("unknown_field"));
    assertThatThrownBy(
            () ->
                fixture.changes.change(
                    ADMIN,
                    org.id(),
                    "Account",
                    id,
                    Map.of("SystemModstamp", "2020-01-01T00:00:00Z")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("read_only_field"));
    assertThatThrownBy(
            () ->
                fixture.changes.change(
                    ADMIN, org.id(), "Account", "001000000000999AAA", Map.of("Name", "x")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("unknown_record"));
    assertThatThrownBy(
            () -> fixture.changes.change(ADMIN, org.id(), "Contact", id, Map.of("SSN__c", "1")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("hidden_field"));
    assertThatThrownBy(() -> fixture.changes.change(ADMIN, org.id(), "Account", id, Map.of()))
        .satisfies(e -> assertThat(code(e)).isEqualTo("missing_fields"));
    fixture.settings.update(org.id(), new SettingsChange(null, null, false, null));
    assertThatThrownBy(
            () -> fixture.changes.change(ADMIN, org.id(), "Account", id, Map.of("Name", "x")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("outbound_off"));

    assertThat(fixture.mirrorFields(org, "Account", id)).doesNotContain("\"x\"");
    assertThat(pendingCount()).isZero();
  }

  @Test
  void salesforceWinsByDefaultWhenBothSidesChanged() {
    String id = accounts.get(2);
    salesforce.update("Account", id, Map.of("Name", "Salesforce Name"));

    SyncRun run = changeAndWait(id, Map.of("Name", "Scopien Name"));

    assertThat(object(run, "Account").conflicts()).isEqualTo(1);
    assertThat(object(run, "Account").pushed()).isZero();
    assertThat(salesforce.stored("Account", id)).containsEntry("Name", "Salesforce Name");
    assertThat(fixture.mirrorFields(org, "Account", id)).contains("Salesforce Name");
    assertThat(pendingCount()).isZero();
    assertThat(fixture.sync.errors(org.id(), List.of("Account"), Duration.ofHours(1), 10))
        .anySatisfy(
            e -> {
              assertThat(e.code()).isEqualTo("conflict");
              assertThat(e.action()).contains("Salesforce wins");
            });
  }

  @Test
  void scopienWinsWhereTheObjectSaysSo() {
    fixture.settings.setConflictPolicy(org.id(), "Account", ConflictPolicy.SCOPIEN_WINS);
    String id = accounts.get(3);
    salesforce.update("Account", id, Map.of("Name", "Salesforce Name", "Industry", "Energy"));

    SyncRun run = changeAndWait(id, Map.of("Name", "Scopien Name"));

    assertThat(object(run, "Account").conflicts()).isEqualTo(1);
    assertThat(object(run, "Account").pushed()).isEqualTo(1);
    assertThat(salesforce.stored("Account", id))
        .containsEntry("Name", "Scopien Name")
        .containsEntry("Industry", "Energy");
    assertThat(fixture.mirrorFields(org, "Account", id)).contains("Scopien Name", "Energy");
  }

  @Test
  void manualReviewKeepsBothVersionsUntilSomeoneChoosesPerField() {
    fixture.settings.update(
        org.id(), new SettingsChange(null, null, null, ConflictPolicy.MANUAL_REVIEW));
    String id = accounts.get(4);
    String before = (String) salesforce.stored("Account", id).get("Name");
    salesforce.update("Account", id, Map.of("Name", "Salesforce Name"));

    SyncRun run = changeAndWait(id, Map.of("Name", "Scopien Name", "Industry", "Retail"));

    assertThat(object(run, "Account").conflicts()).isEqualTo(1);
    assertThat(object(run, "Account").pushed()).isZero();
    assertThat(salesforce.stored("Account", id)).containsEntry("Name", "Salesforce Name");
    List<SyncConflict> open = fixture.changes.conflicts(ADMIN, org.id());
    assertThat(open)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.recordId()).isEqualTo(id);
              assertThat(c.fields())
                  .contains(
                      new SyncConflict.FieldDiff("Name", before, "Scopien Name", "Salesforce Name"),
                      new SyncConflict.FieldDiff("Industry", null, "Retail", null));
            });
    // Nothing is pushed while the conflict waits, however often the org syncs.
    assertThat(object(fixture.syncAndWait(org, List.of("Account"), false), "Account").pushed())
        .isZero();

    SyncConflict resolved =
        fixture.changes.resolve(
            ADMIN,
            org.id(),
            open.get(0).id(),
            Map.of("name", SyncConflict.Side.SALESFORCE),
            SyncConflict.Side.SCOPIEN);
    fixture.settle(org);

    assertThat(resolved.open()).isFalse();
    assertThat(fixture.changes.conflicts(ADMIN, org.id())).isEmpty();
    assertThat(salesforce.stored("Account", id))
        .containsEntry("Name", "Salesforce Name")
        .containsEntry("Industry", "Retail");
    assertThat(pendingCount()).isZero();
  }

  @Test
  void aRefusedWriteIsParkedAndPushedByALaterRun() {
    String id = accounts.get(0);
    salesforce.fault(
        call ->
            call.startsWith("update#")
                ? new SalesforceException(
                    ScopienException.Kind.RETRIABLE,
                    "UNABLE_TO_LOCK_ROW",
                    400,
                    "unable to obtain exclusive access to this record")
                : null);

    LocalChangeService.Change change =
        fixture.changes.change(ADMIN, org.id(), "Account", id, Map.of("Name", "Later"));
    SyncRun failed = runOf(change);

    assertThat(failed.status()).isEqualTo(SyncRun.Status.PARTIAL);
    assertThat(object(failed, "Account").failed()).isEqualTo(1);
    assertThat(pendingCount()).isEqualTo(1);
    assertThat(fixture.sync.errors(org.id(), List.of(), Duration.ofHours(1), 10))
        .anySatisfy(
            e -> {
              assertThat(e.code()).isEqualTo("push_failed");
              assertThat(e.status()).isEqualTo(SyncError.Status.RETRYING);
            });

    salesforce.fault(call -> null);
    SyncRun retried = fixture.syncAndWait(org, List.of("Account"), false);

    assertThat(object(retried, "Account").pushed()).isEqualTo(1);
    assertThat(salesforce.stored("Account", id)).containsEntry("Name", "Later");
    assertThat(pendingCount()).isZero();
    assertThat(fixture.sync.errors(org.id(), List.of(), Duration.ofHours(1), 10))
        .filteredOn(e -> e.code().equals("push_failed"))
        .singleElement()
        .satisfies(e -> assertThat(e.status()).isEqualTo(SyncError.Status.RESOLVED));
  }

  @Test
  void ourPushReadBackWithSomeoneElsesLaterEditIsAChangeNotAnEcho() {
    // Push only: the push is not read back in its run, so the next read meets it with the edit.
    fixture.settings.update(org.id(), new SettingsChange(null, false, null, null));
    String id = accounts.get(1);
    SyncRun pushed =
        runOf(fixture.changes.change(ADMIN, org.id(), "Account", id, Map.of("Name", "Ours")));
    assertThat(object(pushed, "Account").pushed()).isEqualTo(1);
    salesforce.update("Account", id, Map.of("Industry", "Energy"));
    fixture.settings.update(org.id(), new SettingsChange(null, true, null, null));

    SyncRun read = fixture.syncAndWait(org, List.of("Account"), false);

    assertThat(object(read, "Account").updated()).isEqualTo(1);
    assertThat(fixture.mirrorFields(org, "Account", id)).contains("Ours", "Energy");
    // Read once more: the same version again is no change at all.
    assertThat(object(fixture.syncAndWait(org, List.of("Account"), false), "Account").updated())
        .isZero();
  }

  @Test
  void aNewScopienChangeOnTopOfOurPushMeetsTheConflictPolicyWhenSalesforceEditedToo() {
    fixture.settings.update(org.id(), new SettingsChange(null, false, null, null));
    fixture.settings.setConflictPolicy(org.id(), "Account", ConflictPolicy.MANUAL_REVIEW);
    String id = accounts.get(2);
    runOf(fixture.changes.change(ADMIN, org.id(), "Account", id, Map.of("Name", "Ours")));
    salesforce.update("Account", id, Map.of("Industry", "Energy"));
    // Hold the org so that the second change waits instead of being pushed by a run of its own.
    fixture.settle(org);
    jdbc()
        .update(
            "INSERT INTO sync_locks (org_id, run_id, heartbeat_at) VALUES (?, 'held', ?)",
            org.id(),
            java.time.Instant.now());
    assertThat(
            fixture
                .changes
                .change(ADMIN, org.id(), "Account", id, Map.of("AnnualRevenue", 555))
                .runId())
        .isNull();
    jdbc().update("DELETE FROM sync_locks WHERE org_id = ?", org.id());
    fixture.settings.update(org.id(), new SettingsChange(null, true, null, null));

    SyncRun run = fixture.syncAndWait(org, List.of("Account"), false);

    assertThat(object(run, "Account").conflicts()).isEqualTo(1);
    assertThat(object(run, "Account").pushed()).isZero();
    assertThat(salesforce.stored("Account", id)).doesNotContainEntry("AnnualRevenue", 555);
    assertThat(fixture.changes.conflicts(ADMIN, org.id()))
        .singleElement()
        .satisfies(c -> assertThat(c.recordId()).isEqualTo(id));
  }

  @Test
  void aChangeToARecordSalesforceNoLongerHasEndsWithTheRecord() {
    String id = accounts.get(3);
    salesforce.purge("Account", id);

    SyncRun run = changeAndWait(id, Map.of("Name", "Too late"));

    assertThat(object(run, "Account").pushed()).isZero();
    assertThat(object(run, "Account").failed()).isZero();
    assertThat(object(run, "Account").deleted()).isEqualTo(1);
    assertThat(pendingCount()).isZero();
    assertThat(fixture.sync.errors(org.id(), List.of("Account"), Duration.ofHours(1), 10))
        .anySatisfy(e -> assertThat(e.message()).contains("Record deleted in Salesforce"));
  }

  /**
   * Changes the record in Scopien after the test changed it in Salesforce behind the mirror's back,
   * and waits for the run the change starts: both sides changed since the last sync.
   */
  private SyncRun changeAndWait(String id, Map<String, Object> fields) {
    LocalChangeService.Change change =
        fixture.changes.change(ADMIN, org.id(), "Account", id, fields);
    SyncRun run = runOf(change);
    fixture.settle(org);
    return run;
  }

  /**
   * The run that pushes a change: the one it started, or, when a run (an earlier step's follow-up)
   * still held the org and the change was only queued, the follow-up that run starts (the newest).
   */
  private SyncRun runOf(LocalChangeService.Change change) {
    if (change.runId() == null) {
      fixture.settle(org);
      return fixture.sync.runs(org.id()).get(0);
    }
    return fixture.await(change.runId());
  }

  private long pendingCount() {
    return jdbc()
        .queryOne(
            "SELECT COUNT(*) AS n FROM sync_records WHERE org_id = ? AND local_changed_at IS NOT"
                + " NULL",
            row -> row.getLong("n"),
            org.id())
        .orElse(0L);
  }

  private static String code(Throwable e) {
    return ((ScopienException) e).code();
  }
}
