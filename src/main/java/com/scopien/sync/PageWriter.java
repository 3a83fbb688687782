package com.scopien.sync;

import com.scopien.salesforce.SObjectRecord;
import com.scopien.store.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies one page of records to the mirror in one transaction, together with the cursor that
 * covers them and the run's counters, so a crash replays the page and never skips it.
 *
 * <p>A record is new (created) when the mirror lacks its Id, changed (updated, or deleted when it
 * arrives with IsDeleted) when its SystemModstamp is newer than the mirror's, and a repeat
 * (ignored, not counted) otherwise: the lookback window and replays after a crash re-read records
 * on purpose. A record that cannot be read is parked with its error and counted as failed.
 */
final class PageWriter {
  static final String UNREADABLE = "unreadable_record";

  /** The cursor after the page and what the page changed. */
  record Result(Cursor cursor, RunStore.Counts counts) {}

  /**
   * Where a page goes: the run, the object, and the Ids of the object's parked records (which a
   * successful read takes out of the parking; the caller's set is updated).
   */
  record Target(String orgId, String runId, ObjectPlan plan, Set<String> parkedIds) {}

  private final Jdbc jdbc;
  private final SyncStores stores;
  private final ConflictHandler conflicts;
  private final RecordDecoder decoder = new RecordDecoder();
  private final Clock clock;

  PageWriter(Jdbc jdbc, SyncStores stores, ConflictHandler conflicts, Clock clock) {
    this.jdbc = jdbc;
    this.stores = stores;
    this.conflicts = conflicts;
    this.clock = clock;
  }

  /**
   * Applies the records and saves the cursor moved past them (unless {@code moveCursor} is false,
   * for records re-read out of order, such as parked ones).
   */
  Result apply(Target target, List<SObjectRecord> records, Cursor cursor, boolean moveCursor) {
    String orgId = target.orgId();
    String runId = target.runId();
    ObjectPlan plan = target.plan();
    List<MirrorRow> rows = new ArrayList<>(records.size());
    List<RecordDecoder.BadRecord> bad = new ArrayList<>();
    for (SObjectRecord r : records) {
      try {
        rows.add(decoder.decode(plan.object(), r));
      } catch (RecordDecoder.BadRecord e) {
        bad.add(e);
      }
    }
    Instant now = clock.instant();
    EchoCheck echoes = EchoCheck.of(plan);
    return jdbc.inTransaction(
        () -> {
          Map<String, MirrorStore.State> states =
              stores
                  .mirror()
                  .states(orgId, plan.object(), rows.stream().map(MirrorRow::id).toList());
          List<MirrorRow> inserts = new ArrayList<>();
          List<MirrorRow> updates = new ArrayList<>();
          List<String> seen = new ArrayList<>();
          List<MirrorRow> dropLocal = new ArrayList<>();
          long created = 0;
          long updated = 0;
          long deleted = 0;
          long both = 0;
          Cursor next = cursor;
          for (MirrorRow incoming : rows) {
            MirrorRow row = incoming;
            MirrorStore.State state = states.get(row.id());
            if (state == null) {
              if (!row.deleted()) {
                inserts.add(row);
                created++;
              }
            } else if (!row.systemModstamp().isAfter(state.systemModstamp())) {
              seen.add(row.id());
            } else if (echoes.isEcho(row, state)) {
              // Our own push read back: store Salesforce's version, count nothing. A Scopien change
              // made since stays on top of it, still pending.
              updates.add(state.locallyChanged() ? row.overlaid(state.localFields()) : row);
            } else {
              boolean apply = true;
              if (state.locallyChanged()) {
                ConflictHandler.Outcome outcome =
                    conflicts.resolve(
                        orgId, runId, plan.policy(), row, state.localFields(), state.localBase());
                both += outcome.counted() ? 1 : 0;
                apply = outcome.apply() != null;
                if (apply) {
                  row = outcome.apply();
                  if (!outcome.keepLocal()) {
                    dropLocal.add(row);
                  }
                } else {
                  seen.add(row.id());
                }
              }
              if (apply) {
                updates.add(row);
                if (row.deleted() && !state.deleted()) {
                  deleted++;
                } else if (!row.deleted() && state.deleted()) {
                  created++;
                } else if (!row.deleted()) {
                  updated++;
                }
              }
            }
            if (moveCursor) {
              next = next.advancedTo(row.systemModstamp(), row.id());
            }
          }
          String scanId = cursor.phase() == Cursor.Phase.INITIAL ? cursor.scanId() : null;
          stores.mirror().insert(orgId, inserts, scanId, now);
          stores.mirror().update(orgId, updates, scanId, now);
          for (MirrorRow row : dropLocal) {
            stores.mirror().setLocal(orgId, row.object(), row.id(), row.fields(), null, null, now);
          }
          if (scanId != null && cursor.reconcile()) {
            stores.mirror().touch(orgId, plan.object(), seen, scanId);
          }
          for (RecordDecoder.BadRecord b : bad) {
            park(orgId, runId, plan.object(), b, now);
          }
          for (MirrorRow row : rows) {
            if (target.parkedIds().remove(row.id())) {
              stores.parked().remove(orgId, plan.object(), row.id(), ParkedStore.Direction.INBOUND);
              stores
                  .errors()
                  .resolve(
                      orgId, plan.object(), row.id(), null, UNREADABLE, "Read again and stored");
            }
          }
          if (moveCursor) {
            stores.cursors().save(orgId, next, now);
          }
          RunStore.Counts counts =
              new RunStore.Counts(created, updated, deleted, bad.size(), records.size(), 0, both);
          stores.runs().add(runId, plan.object(), counts);
          return new Result(next, counts);
        });
  }

  private void park(
      String orgId, String runId, String object, RecordDecoder.BadRecord bad, Instant now) {
    boolean parkable = bad.recordId() != null;
    long errorId =
        stores
            .errors()
            .record(
                new SyncErrorLog.Entry(
                    orgId,
                    runId,
                    object,
                    bad.recordId(),
                    null,
                    UNREADABLE,
                    bad.getMessage(),
                    parkable
                        ? "Parked; read again by Id at the next run"
                        : "Skipped: a record without an Id cannot be stored",
                    parkable ? SyncError.Status.RETRYING : SyncError.Status.NEEDS_ATTENTION));
    if (parkable) {
      stores
          .parked()
          .park(
              orgId,
              object,
              bad.recordId(),
              ParkedStore.Direction.INBOUND,
              UNREADABLE,
              bad.getMessage(),
              errorId,
              now);
    }
  }
}
