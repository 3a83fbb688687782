package com.scopien.sync;

import com.scopien.ScopienException;
import com.scopien.salesforce.SObjectCollections;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.salesforce.SaveResult;
import com.scopien.store.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The create phase of one object: records made on the Scopien side written to Salesforce, 200 at a
 * time. Rows with an External Id go as one sObject Collections upsert per External Id field (so a
 * replay after a lost reply matches instead of duplicating); the others as one collections create.
 * Each created record lands in the mirror with its new Id, as our own write (echo suppression). A
 * row Salesforce refuses keeps its error and is tried again at the next run; it is never dropped.
 *
 * <p>Without collections on the org's client, each row is one create call.
 */
final class CreatePass {
  static final String CREATE_FAILED = "create_failed";

  private final Jdbc jdbc;
  private final SyncStores stores;
  private final PendingCreateStore creates;
  private final Clock clock;

  CreatePass(Jdbc jdbc, SyncStores stores, PendingCreateStore creates, Clock clock) {
    this.jdbc = jdbc;
    this.stores = stores;
    this.creates = creates;
    this.clock = clock;
  }

  /**
   * Writes every record of the object waiting to be created; returns false when the run was asked
   * to stop (or the allowance was spent) before all were tried.
   */
  boolean push(RunState run, ObjectPlan plan, BooleanSupplier mayContinue) {
    long after = 0;
    while (true) {
      List<PendingCreateStore.Queued> batch =
          creates.due(run.orgId, plan.object(), after, PushPass.BATCH);
      if (batch.isEmpty()) {
        return true;
      }
      after = batch.get(batch.size() - 1).seq();
      Map<String, List<PendingCreateStore.Queued>> byKey = new LinkedHashMap<>();
      for (PendingCreateStore.Queued q : batch) {
        byKey
            .computeIfAbsent(
                q.externalIdField() == null ? "" : q.externalIdField(), k -> new ArrayList<>())
            .add(q);
      }
      for (Map.Entry<String, List<PendingCreateStore.Queued>> group : byKey.entrySet()) {
        write(run, plan, group.getKey().isEmpty() ? null : group.getKey(), group.getValue());
      }
      run.heartbeat();
      if (!mayContinue.getAsBoolean()) {
        return false;
      }
    }
  }

  private void write(
      RunState run, ObjectPlan plan, String externalIdField, List<PendingCreateStore.Queued> rows) {
    Optional<SObjectCollections> collections = run.client.collections();
    if (collections.isEmpty()) {
      for (PendingCreateStore.Queued q : rows) {
        try {
          created(run, plan, q, run.client.create(plan.object(), q.fields()));
        } catch (ScopienException e) {
          if (RunCoordinator.isFatal(e)) {
            throw e;
          }
          failed(run, plan, q, e.code(), e.getMessage());
        }
      }
      return;
    }
    List<SObjectRecord> records = new ArrayList<>(rows.size());
    for (PendingCreateStore.Queued q : rows) {
      records.add(new SObjectRecord(plan.object(), q.fields()));
    }
    List<SaveResult> results;
    try {
      results =
          externalIdField == null
              ? collections.get().create(records, false)
              : collections.get().upsert(plan.object(), externalIdField, records, false);
    } catch (ScopienException e) {
      if (RunCoordinator.isFatal(e)) {
        throw e;
      }
      for (PendingCreateStore.Queued q : rows) {
        failed(run, plan, q, e.code(), e.getMessage());
      }
      return;
    }
    jdbc.inTransaction(
        () -> {
          for (int i = 0; i < rows.size(); i++) {
            PendingCreateStore.Queued q = rows.get(i);
            SaveResult result = i < results.size() ? results.get(i) : null;
            if (result != null && result.success() && result.id() != null) {
              created(run, plan, q, result.id());
            } else {
              SaveResult.RecordError error = SaveResult.firstError(results, i);
              failed(
                  run,
                  plan,
                  q,
                  "salesforce_" + error.statusCode().toLowerCase(Locale.ROOT),
                  error.message());
            }
          }
        });
  }

  /** Notes the row as created and lands it in the mirror; joins the caller's transaction. */
  private void created(RunState run, ObjectPlan plan, PendingCreateStore.Queued q, String id) {
    jdbc.inTransaction(
        () -> {
          Instant now = clock.instant();
          creates.markCreated(q.seq(), id, now);
          creates.land(run.orgId, plan.object(), id, mirrored(plan, q.fields()), now);
          stores.mirror().copyToTable(run.orgId, plan.object(), id, now);
          if (q.attempts() > 0) {
            stores
                .errors()
                .resolve(
                    run.orgId,
                    plan.object(),
                    null,
                    subject(q),
                    CREATE_FAILED,
                    "Created in Salesforce as " + id);
          }
          stores.runs().add(run.runId, plan.object(), RunStore.Counts.push(1, 0, 0));
        });
  }

  /** Keeps the row queued with its error, logged; joins the caller's transaction. */
  private void failed(
      RunState run, ObjectPlan plan, PendingCreateStore.Queued q, String code, String message) {
    jdbc.inTransaction(
        () -> {
          creates.markFailed(q.seq(), code, message, clock.instant());
          stores
              .errors()
              .record(
                  new SyncErrorLog.Entry(
                      run.orgId,
                      run.runId,
                      plan.object(),
                      null,
                      subject(q),
                      CREATE_FAILED,
                      "Salesforce refused a new record (" + q.localKey() + "): " + message,
                      "Kept it queued; it is tried again at every run. Fix the value or the rule"
                          + " in Salesforce",
                      SyncError.Status.NEEDS_ATTENTION));
          stores.runs().add(run.runId, plan.object(), RunStore.Counts.push(0, 0, 1));
        });
  }

  /**
   * The written fields the mirror keeps: those the object's runs read (hidden and unselected fields
   * are not mirrored, and an echo is recognised on what is read back).
   */
  private static Map<String, Object> mirrored(ObjectPlan plan, Map<String, Object> written) {
    Map<String, Object> kept = new LinkedHashMap<>();
    written.forEach(
        (field, value) -> {
          if (plan.fields().contains(field)) {
            kept.put(field, value);
          }
        });
    return kept;
  }

  /** What the error log names the row by: its batch and its key ("import 1f2e… line 17"). */
  private static String subject(PendingCreateStore.Queued q) {
    String text = "import " + q.batchId().substring(0, 8) + " " + q.localKey();
    return text.length() <= 120 ? text : text.substring(0, 120);
  }
}
