package com.scopien.sync;

import com.scopien.ScopienException;
import com.scopien.salesforce.QueryPage;
import com.scopien.salesforce.SObjectCollections;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.salesforce.SaveResult;
import com.scopien.soql.Condition;
import com.scopien.soql.Soql;
import com.scopien.store.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The push phase of one object: Scopien-side changes written to Salesforce, 200 records at a time,
 * one sObject Collections update per batch (one API call per 200 records) when the org's client
 * offers it, else one PATCH per record.
 *
 * <p>When the run has just read Salesforce's changes of the object, a record Salesforce changed too
 * has met the conflict policy in that read, so the batch is written as it is. When the run does not
 * read Salesforce (that direction is off), each batch first reads the records' current versions
 * (one query) and a record changed there since the last sync goes to the conflict policy. A record
 * found deleted in Salesforce ends its change as a deletion would. A write Salesforce refuses is
 * parked with its error and tried again at the next run; the change stays pending, never dropped.
 * What was pushed is remembered so that it is not read back as a change (echo suppression).
 */
final class PushPass {
  static final int BATCH = 200;
  static final String PUSH_FAILED = "push_failed";

  /** Per-record errors that a later attempt may get past. */
  private static final Set<String> RETRIABLE_CODES = Set.of("UNABLE_TO_LOCK_ROW");

  /** Per-record error of a record deleted in Salesforce. */
  private static final String DELETED = "ENTITY_IS_DELETED";

  /**
   * How the pass ended: whether every pending change was tried (or {@code leftForNextRun}), and how
   * many were written.
   */
  record Outcome(boolean complete, long written, boolean leftForNextRun) {}

  private final Jdbc jdbc;
  private final SyncStores stores;
  private final ConflictHandler conflicts;
  private final RecordDecoder decoder = new RecordDecoder();
  private final Clock clock;

  PushPass(Jdbc jdbc, SyncStores stores, ConflictHandler conflicts, Clock clock) {
    this.jdbc = jdbc;
    this.stores = stores;
    this.conflicts = conflicts;
    this.clock = clock;
  }

  /**
   * Pushes the object's pending changes, first reading their current Salesforce versions when
   * {@code readFirst}; stops early when the run was asked to stop (or the allowance was spent, as
   * {@code mayContinue} says). After a full batch, a batch that is not full and holds changes made
   * after {@code quietAt} (changes still trickling in) is left for the next run, which waits for it
   * to fill; the first batch is always written, so a steady trickle cannot hold changes back.
   *
   * @param quietAt when {@link ChangeLinger#awaitQuiet} found no more changes coming; null never
   *     leaves any
   */
  Outcome push(
      RunState run,
      ObjectPlan plan,
      boolean readFirst,
      Instant quietAt,
      BooleanSupplier mayContinue) {
    String after = "";
    long written = 0;
    while (true) {
      List<MirrorStore.Pending> batch =
          stores.mirror().pending(run.orgId, plan.object(), after, null, BATCH);
      if (batch.isEmpty()) {
        return new Outcome(true, written, false);
      }
      if (written > 0 && ChangeLinger.stillFed(batch, quietAt)) {
        return new Outcome(true, written, true);
      }
      after = batch.get(batch.size() - 1).id();
      List<MirrorStore.Pending> writes = batch;
      if (readFirst) {
        writes = new ArrayList<>();
        Map<String, MirrorRow> remote = new HashMap<>();
        Set<String> unreadable = new HashSet<>();
        current(
            run, plan, batch.stream().map(MirrorStore.Pending::id).toList(), remote, unreadable);
        for (MirrorStore.Pending p : batch) {
          if (!unreadable.contains(p.id())
              && one(run, plan, p, remote.getOrDefault(p.id(), gone(plan, p)))) {
            writes.add(p);
          }
        }
      }
      written += write(run, plan, writes);
      run.heartbeat();
      if (!mayContinue.getAsBoolean()) {
        return new Outcome(false, written, false);
      }
    }
  }

  /** The version of a record that Salesforce no longer has. */
  private static MirrorRow gone(ObjectPlan plan, MirrorStore.Pending p) {
    return new MirrorRow(plan.object(), p.id(), p.systemModstamp(), true, p.fields());
  }

  /** Handles a record changed on both sides; true when its change is to be written now. */
  private boolean one(RunState run, ObjectPlan plan, MirrorStore.Pending p, MirrorRow current) {
    if (current.deleted() || current.systemModstamp().isAfter(p.systemModstamp())) {
      boolean pushNow =
          jdbc.inTransaction(
              () -> {
                ConflictHandler.Outcome outcome =
                    conflicts.resolve(
                        run.orgId,
                        run.runId,
                        plan.policy(),
                        current,
                        p.localFields(),
                        p.localBase());
                long updated = 0;
                long deleted = 0;
                if (outcome.apply() != null) {
                  MirrorRow row = outcome.apply();
                  Instant now = clock.instant();
                  stores.mirror().update(run.orgId, List.of(row), null, now);
                  if (!outcome.keepLocal()) {
                    stores
                        .mirror()
                        .setLocal(run.orgId, row.object(), row.id(), row.fields(), null, null, now);
                  }
                  deleted = row.deleted() ? 1 : 0;
                  updated = row.deleted() ? 0 : 1;
                }
                stores
                    .runs()
                    .add(
                        run.runId,
                        plan.object(),
                        new RunStore.Counts(
                            0, updated, deleted, 0, 0, 0, outcome.counted() ? 1 : 0));
                return outcome.apply() != null && outcome.keepLocal();
              });
      return pushNow;
    }
    return true;
  }

  /**
   * Writes the changes: one sObject Collections call for the batch when the client offers it, else
   * one PATCH per record. Each record that Salesforce refuses is parked on its own; one it no
   * longer has ends its change. Returns how many were written.
   */
  private long write(RunState run, ObjectPlan plan, List<MirrorStore.Pending> writes) {
    if (writes.isEmpty()) {
      return 0;
    }
    long written = 0;
    Map<String, Map<String, Object>> expected = new LinkedHashMap<>();
    writes.forEach(p -> expected.put(p.id(), p.localFields()));
    jdbc.inTransaction(() -> stores.mirror().expectEcho(run.orgId, plan.object(), expected));
    Optional<SObjectCollections> collections = run.client.collections();
    if (collections.isEmpty()) {
      for (MirrorStore.Pending p : writes) {
        try {
          run.client.update(plan.object(), p.id(), p.localFields());
        } catch (ScopienException e) {
          if (RunCoordinator.isFatal(e)) {
            throw e;
          }
          if (e.kind() == ScopienException.Kind.NOT_FOUND) {
            one(run, plan, p, gone(plan, p));
          } else {
            park(
                run,
                plan,
                p,
                e.kind() == ScopienException.Kind.RETRIABLE,
                e.code(),
                e.getMessage());
          }
          continue;
        }
        pushed(run, plan, p);
        written++;
      }
      return written;
    }
    List<SObjectRecord> records = new ArrayList<>();
    for (MirrorStore.Pending p : writes) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("Id", p.id());
      fields.putAll(p.localFields());
      records.add(new SObjectRecord(plan.object(), fields));
    }
    List<SaveResult> results;
    try {
      results = collections.get().update(records, false);
    } catch (ScopienException e) {
      if (RunCoordinator.isFatal(e)) {
        throw e;
      }
      for (MirrorStore.Pending p : writes) {
        park(run, plan, p, e.kind() == ScopienException.Kind.RETRIABLE, e.code(), e.getMessage());
      }
      return 0;
    }
    for (int i = 0; i < writes.size(); i++) {
      MirrorStore.Pending p = writes.get(i);
      SaveResult result = i < results.size() ? results.get(i) : null;
      if (result != null && result.success()) {
        pushed(run, plan, p);
        written++;
      } else if (DELETED.equals(SaveResult.firstError(results, i).statusCode())) {
        one(run, plan, p, gone(plan, p));
      } else {
        SaveResult.RecordError error = SaveResult.firstError(results, i);
        park(
            run,
            plan,
            p,
            RETRIABLE_CODES.contains(error.statusCode()),
            "salesforce_" + error.statusCode().toLowerCase(java.util.Locale.ROOT),
            error.message());
      }
    }
    return written;
  }

  private void pushed(RunState run, ObjectPlan plan, MirrorStore.Pending p) {
    jdbc.inTransaction(
        () -> {
          Instant now = clock.instant();
          stores
              .mirror()
              .markPushed(
                  run.orgId, plan.object(), p.id(), p.localFields(), p.localChangedAt(), now);
          stores.parked().remove(run.orgId, plan.object(), p.id(), ParkedStore.Direction.OUTBOUND);
          stores
              .errors()
              .resolve(run.orgId, plan.object(), p.id(), null, PUSH_FAILED, "Pushed to Salesforce");
          stores.runs().add(run.runId, plan.object(), RunStore.Counts.push(1, 0, 0));
        });
  }

  private void park(
      RunState run,
      ObjectPlan plan,
      MirrorStore.Pending p,
      boolean passing,
      String code,
      String message) {
    jdbc.inTransaction(
        () -> {
          long errorId =
              stores
                  .errors()
                  .record(
                      new SyncErrorLog.Entry(
                          run.orgId,
                          run.runId,
                          plan.object(),
                          p.id(),
                          null,
                          PUSH_FAILED,
                          (passing ? "Record locked or Salesforce busy: " : "Salesforce refused: ")
                              + message,
                          passing
                              ? "Retry in progress: the change stays queued for the next run"
                              : "Kept the change queued; fix the value or the rule in Salesforce",
                          passing ? SyncError.Status.RETRYING : SyncError.Status.NEEDS_ATTENTION));
          stores
              .parked()
              .park(
                  run.orgId,
                  plan.object(),
                  p.id(),
                  ParkedStore.Direction.OUTBOUND,
                  code,
                  message,
                  errorId,
                  clock.instant());
          stores.runs().add(run.runId, plan.object(), RunStore.Counts.push(0, 0, 1));
        });
  }

  /**
   * The records' current versions in Salesforce, deleted ones included; an Id missing from both
   * results is gone for good (hard-deleted).
   */
  private void current(
      RunState run,
      ObjectPlan plan,
      List<String> ids,
      Map<String, MirrorRow> rows,
      Set<String> unreadable) {
    String soql =
        Soql.select(plan.fields().toArray(String[]::new))
            .from(plan.object())
            .where(Condition.in("Id", ids))
            .toSoql();
    QueryPage page = run.client.queryAll(soql);
    while (true) {
      for (SObjectRecord r : page.records()) {
        try {
          MirrorRow row = decoder.decode(plan.object(), r);
          rows.put(row.id(), row);
        } catch (RecordDecoder.BadRecord bad) {
          // Unreadable now: its change waits for a run that can read it.
          if (bad.recordId() != null) {
            unreadable.add(bad.recordId());
          }
        }
      }
      if (page.done()) {
        return;
      }
      page = run.client.queryMore(page.nextRecordsUrl());
    }
  }
}
