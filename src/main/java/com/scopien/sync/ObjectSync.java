package com.scopien.sync;

import com.scopien.ScopienException;
import com.scopien.salesforce.ApiUsage;
import com.scopien.salesforce.QueryPage;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.soql.Condition;
import com.scopien.soql.QueryBuilder;
import com.scopien.soql.Soql;
import com.scopien.store.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Syncs one object within a run. A full scan ({@code initial}, or {@code reconcile} when it must
 * also delete what Salesforce no longer has) reads {@code ORDER BY SystemModstamp, Id} from its
 * checkpoint; an incremental pass reads the changes after the cursor, deleted records included
 * (queryAll), from a short lookback before it. Each page is committed with its cursor; between
 * pages the run's stop flag and the API allowance are checked. A full scan of an object above the
 * Bulk threshold reads through {@link BulkObjectScan} instead, falling back to REST paging.
 */
final class ObjectSync {
  private static final int PARKED_PER_RUN = 200;

  /** How the object's part of the run ended. */
  enum Outcome {
    DONE,
    STOPPED,
    PAUSED
  }

  /** The outcome, and the API reading that paused it (when paused). */
  record Report(Outcome outcome, String phase, ApiUsage usage) {}

  private final Jdbc jdbc;
  private final SyncStores stores;
  private final PageWriter writer;
  private final PushPass push;
  private final CreatePass creates;
  private final ApiBudget budget;
  private final SyncOptions options;
  private final Clock clock;
  private final BulkObjectScan bulk;
  private final ChangeLinger linger;

  ObjectSync(
      Jdbc jdbc,
      SyncStores stores,
      PageWriter writer,
      PushPass push,
      CreatePass creates,
      ApiBudget budget,
      SyncOptions options,
      Clock clock) {
    this.jdbc = jdbc;
    this.stores = stores;
    this.writer = writer;
    this.push = push;
    this.creates = creates;
    this.budget = budget;
    this.options = options;
    this.clock = clock;
    this.bulk = new BulkObjectScan(jdbc, stores, writer, budget, options.bulk(), clock);
    this.linger = new ChangeLinger(stores, options.pushLinger(), clock);
  }

  /** The phase the object's next run will be in, for the run's plan. */
  String phaseOf(String orgId, String object, boolean full) {
    Optional<Cursor> cursor = stores.cursors().get(orgId, object);
    if (cursor.isEmpty()) {
      return "initial";
    }
    Cursor c = cursor.get();
    if (c.phase() == Cursor.Phase.INITIAL) {
      return c.reconcile() ? "reconcile" : "initial";
    }
    return full || gapTooOld(c) ? "reconcile" : "incremental";
  }

  /**
   * How many records the object's next pass will read, by a {@code COUNT()} with the pass's own
   * condition, for progress before the object starts.
   */
  long remaining(RunState run, String object) {
    Cursor cursor = stores.cursors().get(run.orgId, object).orElse(Cursor.fresh(object, null));
    boolean scanning = cursor.phase() == Cursor.Phase.INITIAL;
    if (!scanning && (run.full || gapTooOld(cursor))) {
      cursor = cursor.restartScan(null, true);
      scanning = true;
    }
    QueryBuilder q = Soql.selectCount().from(object);
    Condition where = where(cursor, !scanning);
    if (where != null) {
      q.where(where);
    }
    String soql = q.toSoql();
    return (scanning ? run.client.query(soql) : run.client.queryAll(soql)).totalSize();
  }

  /**
   * Waits a moment while Scopien changes still arrive one by one, then creates the object's new
   * Scopien records, reads Salesforce's changes, pushes the pending Scopien changes and reads back
   * what the push wrote; each direction only when it is on. Reading before pushing lets the push
   * trust the mirror: a record that Salesforce changed too has met the conflict policy by then, so
   * a batch of 200 changes costs one write and no read. Reading after it leaves the mirror with the
   * versions Salesforce stamped on our writes (taken as echoes, not counted), and counts whatever
   * else changed meanwhile.
   */
  Report run(RunState run, ObjectPlan plan) {
    String phase = phaseOf(run.orgId, plan.object(), run.full);
    Instant quietAt = plan.outbound() ? linger.awaitQuiet(run, plan) : null;
    if (plan.outbound() && !creates.push(run, plan, () -> mayContinue(run))) {
      return interrupted(run, phase);
    }
    if (plan.inbound()) {
      Report pulled = pull(run, plan, false);
      if (pulled.outcome() != Outcome.DONE) {
        return pulled;
      }
      phase = pulled.phase();
    } else {
      stores
          .runs()
          .finishObject(
              run.runId, plan.object(), "succeeded", "Salesforce to Scopien is off: push only");
    }
    if (!plan.outbound()) {
      return new Report(Outcome.DONE, phase, null);
    }
    PushPass.Outcome pushed =
        push.push(run, plan, !plan.inbound(), quietAt, () -> mayContinue(run));
    if (!pushed.complete()) {
      return interrupted(run, phase);
    }
    if (pushed.leftForNextRun()) {
      run.followUp(plan.object());
    }
    if (plan.inbound() && pushed.written() > 0) {
      Report readBack = pull(run, plan, true);
      if (readBack.outcome() != Outcome.DONE) {
        return new Report(readBack.outcome(), phase, readBack.usage());
      }
    }
    return new Report(Outcome.DONE, phase, null);
  }

  private boolean mayContinue(RunState run) {
    return !run.stopRequested() && budget.exhausted(run.client).isEmpty();
  }

  private Report interrupted(RunState run, String phase) {
    if (run.stopRequested()) {
      return new Report(Outcome.STOPPED, phase, null);
    }
    return new Report(Outcome.PAUSED, phase, budget.exhausted(run.client).orElse(null));
  }

  /**
   * Reads Salesforce's changes of the object into the mirror. A {@code readBack} after the push
   * reads on from the cursor the first read left (never a new full scan) and adds to the object's
   * total instead of replacing it.
   */
  private Report pull(RunState run, ObjectPlan plan, boolean readBack) {
    Cursor cursor =
        readBack
            ? stores.cursors().get(run.orgId, plan.object()).orElseThrow()
            : start(run, plan.object());
    boolean scanning = cursor.phase() == Cursor.Phase.INITIAL;
    String phase = scanning ? (cursor.reconcile() ? "reconcile" : "initial") : "incremental";
    Set<String> parked = new HashSet<>();
    PageWriter.Target target = new PageWriter.Target(run.orgId, run.runId, plan, parked);
    if (!readBack) {
      retryParked(run, target);
    }

    if (scanning && bulk.applies(run, plan, cursor)) {
      BulkObjectScan.Result read = bulk.scan(run, plan, cursor, target, phase);
      switch (read.outcome()) {
        case DONE -> {
          finish(run, plan, read.cursor(), true);
          bulk.finished(run.orgId, plan.object());
          return new Report(Outcome.DONE, phase, null);
        }
        case STOPPED -> {
          return new Report(Outcome.STOPPED, phase, null);
        }
        case PAUSED -> {
          return new Report(Outcome.PAUSED, phase, read.usage());
        }
        case FALLBACK -> {
          // Read below with REST paging, as for a small object.
        }
      }
    }
    String soql = soql(plan, cursor, !scanning);
    QueryPage page = scanning ? run.client.query(soql) : run.client.queryAll(soql);
    if (readBack) {
      stores.runs().addToTotal(run.runId, plan.object(), page.totalSize());
    } else {
      stores.runs().startObject(run.runId, plan.object(), phase, page.totalSize());
    }
    while (true) {
      cursor = writer.apply(target, page.records(), cursor, true).cursor();
      run.heartbeat();
      if (page.done()) {
        break;
      }
      if (run.stopRequested()) {
        return new Report(Outcome.STOPPED, phase, null);
      }
      Optional<ApiUsage> spent = budget.exhausted(run.client);
      if (spent.isPresent()) {
        return new Report(Outcome.PAUSED, phase, spent.get());
      }
      page = run.client.queryMore(page.nextRecordsUrl());
    }
    finish(run, plan, cursor, scanning);
    return new Report(Outcome.DONE, phase, null);
  }

  /** The object's cursor, restarted as a full scan when the run or a long gap asks for one. */
  private Cursor start(RunState run, String object) {
    Optional<Cursor> stored = stores.cursors().get(run.orgId, object);
    if (stored.isEmpty()) {
      Cursor fresh = Cursor.fresh(object, Jdbc.newId());
      boolean hasRows = stores.mirror().hasRows(run.orgId, object);
      return hasRows ? fresh.restartScan(fresh.scanId(), true) : fresh;
    }
    Cursor cursor = stored.get();
    if (cursor.phase() == Cursor.Phase.INCREMENTAL && (run.full || gapTooOld(cursor))) {
      Cursor restarted = cursor.restartScan(Jdbc.newId(), true);
      stores.cursors().save(run.orgId, restarted, clock.instant());
      return restarted;
    }
    return cursor;
  }

  private boolean gapTooOld(Cursor cursor) {
    return cursor.lastSyncedAt() != null
        && cursor.lastSyncedAt().plus(options.deletedRetention()).isBefore(clock.instant());
  }

  /** Reads parked records again by Id; those that still fail stay parked. */
  private void retryParked(RunState run, PageWriter.Target target) {
    String object = target.plan().object();
    List<ParkedStore.Parked> waiting =
        stores.parked().list(run.orgId, object, ParkedStore.Direction.INBOUND, PARKED_PER_RUN);
    for (ParkedStore.Parked p : waiting) {
      target.parkedIds().add(p.recordId());
    }
    for (ParkedStore.Parked p : waiting) {
      SObjectRecord record;
      try {
        record = run.client.retrieve(object, p.recordId(), target.plan().fields());
      } catch (ScopienException e) {
        if (e.kind() == ScopienException.Kind.NOT_FOUND) {
          jdbc.inTransaction(
              () -> {
                stores
                    .parked()
                    .remove(run.orgId, object, p.recordId(), ParkedStore.Direction.INBOUND);
                stores
                    .errors()
                    .resolve(
                        run.orgId,
                        object,
                        p.recordId(),
                        null,
                        p.code(),
                        "The record no longer exists in Salesforce");
              });
          target.parkedIds().remove(p.recordId());
          continue;
        }
        throw e;
      }
      // Out of scan order: the cursor stays where it is.
      writer.apply(target, List.of(record), Cursor.fresh(object, null), false);
    }
  }

  private void finish(RunState run, ObjectPlan plan, Cursor cursor, boolean scanning) {
    Instant now = clock.instant();
    jdbc.inTransaction(
        () -> {
          Cursor done = cursor;
          if (scanning) {
            if (cursor.reconcile()) {
              int gone =
                  stores.mirror().deleteUnseen(run.orgId, plan.object(), cursor.scanId(), now);
              stores.runs().add(run.runId, plan.object(), RunStore.Counts.read(0, 0, gone, 0, 0));
            }
            done = cursor.caughtUp(now);
          } else {
            done = cursor.synced(now);
          }
          stores.cursors().save(run.orgId, done, now);
          stores.runs().finishObject(run.runId, plan.object(), "succeeded", null);
          stores.errors().resolveObject(run.orgId, plan.object(), "Synced successfully");
        });
    if (scanning) {
      stores.tables().index(run.orgId, plan.object());
    }
  }

  /** The query of a pass: keyset from the cursor, with the lookback when incremental. */
  String soql(ObjectPlan plan, Cursor cursor, boolean incremental) {
    QueryBuilder q = Soql.select(plan.fields().toArray(String[]::new)).from(plan.object());
    Condition where = where(cursor, incremental);
    if (where != null) {
      q.where(where);
    }
    return q.orderBy("SystemModstamp").orderBy("Id").toSoql();
  }

  private Condition where(Cursor cursor, boolean incremental) {
    Instant stamp = cursor.modstamp();
    if (stamp == null) {
      return null;
    }
    Duration lookback = options.lookback();
    if (incremental && !lookback.isZero()) {
      return Condition.ge("SystemModstamp", stamp.minus(lookback));
    }
    return Condition.or(
        Condition.gt("SystemModstamp", stamp),
        Condition.and(Condition.eq("SystemModstamp", stamp), Condition.gt("Id", cursor.lastId())));
  }
}
