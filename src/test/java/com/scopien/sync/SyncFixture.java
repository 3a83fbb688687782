package com.scopien.sync;

import com.scopien.orgs.Org;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.security.AuditLog;
import com.scopien.security.FieldSecurity;
import com.scopien.security.Redactor;
import com.scopien.store.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** A real sync service over a test database, with orgs whose clients the test chooses. */
final class SyncFixture implements AutoCloseable {
  final Jdbc jdbc;
  final FakeOrgs orgs;
  final SyncSettingsService settings;
  final SyncService sync;
  final LocalChangeService changes;

  SyncFixture(Jdbc jdbc, SyncOptions options) {
    this.jdbc = jdbc;
    this.orgs = new FakeOrgs(jdbc);
    Clock clock = Clock.systemUTC();
    this.settings = new SyncSettingsService(jdbc, orgs, clock);
    this.sync = new SyncService(jdbc, orgs, settings, options, clock, orgs::markSynced);
    FieldSecurity security = FieldSecurity.defaults();
    this.changes =
        new LocalChangeService(
            jdbc,
            orgs,
            settings,
            sync,
            new AuditLog(jdbc, security, Redactor.standard(), clock),
            security,
            clock);
  }

  SyncFixture(Jdbc jdbc) {
    this(jdbc, SyncOptions.defaults());
  }

  Org org(SalesforceClient client) {
    return orgs.add("Acme", client);
  }

  /** Starts a run and waits for it to end. */
  SyncRun syncAndWait(Org org, List<String> objects, boolean full) {
    String runId = sync.start(org.id(), objects, full);
    try {
      SyncRun run = sync.await(runId, Duration.ofSeconds(60));
      if (run.status() == SyncRun.Status.RUNNING) {
        throw new AssertionError("Run did not finish: " + run);
      }
      return run;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  SyncRun syncAndWait(Org org) {
    return syncAndWait(org, List.of(), false);
  }

  long mirrorCount(Org org, String object) {
    return jdbc.queryOne(
            "SELECT COUNT(*) AS n FROM sync_records WHERE org_id = ? AND object_name = ?"
                + " AND is_deleted = FALSE",
            row -> row.getLong("n"),
            org.id(),
            object)
        .orElse(0L);
  }

  long mirrorRows(Org org) {
    return jdbc.queryOne(
            "SELECT COUNT(*) AS n FROM sync_records WHERE org_id = ?",
            row -> row.getLong("n"),
            org.id())
        .orElse(0L);
  }

  String mirrorFields(Org org, String object, String id) {
    return jdbc.queryOne(
            "SELECT fields FROM sync_records WHERE org_id = ? AND object_name = ?"
                + " AND record_id = ?",
            row -> row.getString("fields"),
            org.id(),
            object,
            id)
        .orElse(null);
  }

  /** Waits for a run started elsewhere (by a change) to end. */
  SyncRun await(String runId) {
    try {
      return sync.await(runId, Duration.ofSeconds(60));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Waits until no run of the org is working (follow-up runs included). */
  void settle(Org org) {
    for (int i = 0; i < 600; i++) {
      if (sync.runs(org.id(), 5).stream().noneMatch(r -> r.status() == SyncRun.Status.RUNNING)) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("runs did not settle");
  }

  static SyncRun.ObjectRun object(SyncRun run, String name) {
    return run.objects().stream()
        .filter(o -> o.object().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + run));
  }

  @Override
  public void close() {
    sync.close();
  }
}
