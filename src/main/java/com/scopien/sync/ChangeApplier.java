package com.scopien.sync;

import com.scopien.ScopienException;
import com.scopien.salesforce.ChangeEvent;
import com.scopien.salesforce.SObjectCollections;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.salesforce.SalesforceTime;
import com.scopien.store.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies one delivery of change events to the mirror through the same {@link PageWriter} as the
 * scheduled runs, so echo suppression, conflicts and counting behave alike. Changed records are
 * read again by Id (one sObject Collections call per object and 2,000 records: the event body lacks
 * SystemModstamp and computed fields, and the mirror must hold what a poll would read); deletes
 * need no call. The rows, the run record that counts them (trigger REAL_TIME, one per delivery) and
 * the channels' replay ids commit in one transaction. Events of objects whose initial sync has not
 * finished are skipped: the scan reads them. An update event that only carries what we pushed is
 * our echo and costs no read.
 */
final class ChangeApplier {
  private static final int RETRIEVE_CHUNK = 2000;
  private static final int ATTEMPTS = 3;

  /** What a delivery did: its run (null when nothing was applied) and objects to poll. */
  record Outcome(String runId, long changed, Set<String> needPolling) {}

  private final Jdbc jdbc;
  private final SyncStores stores;
  private final PageWriter writer;
  private final ReplayStore replay;
  private final Clock clock;

  ChangeApplier(Jdbc jdbc, SyncStores stores, PageWriter writer, ReplayStore replay, Clock clock) {
    this.jdbc = jdbc;
    this.stores = stores;
    this.writer = writer;
    this.replay = replay;
    this.clock = clock;
  }

  Outcome apply(
      String orgId,
      CountingClient client,
      Map<String, ObjectPlan> plans,
      List<ChangeEvent> events) {
    Map<String, Long> replayIds = new LinkedHashMap<>();
    Map<String, Map<String, List<ChangeEvent>>> byObject = new LinkedHashMap<>();
    Set<String> needPolling = new LinkedHashSet<>();
    for (ChangeEvent e : events) {
      replayIds.merge(e.channel(), e.replayId(), Math::max);
      ObjectPlan plan = plans.get(SyncDefaults.key(e.entityName()));
      if (plan == null) {
        continue;
      }
      if (e.changeType().equals("GAP_OVERFLOW")
          || e.recordIds().stream().anyMatch(id -> id.endsWith("*"))) {
        needPolling.add(plan.object());
        continue;
      }
      Map<String, List<ChangeEvent>> byId =
          byObject.computeIfAbsent(plan.object(), o -> new LinkedHashMap<>());
      for (String id : e.recordIds()) {
        byId.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
      }
    }
    Map<String, List<SObjectRecord>> records = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, List<ChangeEvent>>> o : byObject.entrySet()) {
      Optional<Cursor> cursor = stores.cursors().get(orgId, o.getKey());
      if (cursor.isEmpty() || cursor.get().phase() != Cursor.Phase.INCREMENTAL) {
        continue;
      }
      ObjectPlan plan = plans.get(SyncDefaults.key(o.getKey()));
      Map<String, ChangeEvent> changed = withoutOurEchoes(orgId, plan, o.getValue());
      if (!changed.isEmpty()) {
        records.put(o.getKey(), read(orgId, client, plan, changed));
      }
    }
    return store(orgId, client, plans, records, replayIds, needPolling);
  }

  /**
   * Each record's latest event, less the records whose every event is our own push coming back (no
   * call is spent reading those; the push's run reads its writes back).
   */
  private Map<String, ChangeEvent> withoutOurEchoes(
      String orgId, ObjectPlan plan, Map<String, List<ChangeEvent>> byId) {
    Map<String, MirrorStore.State> states =
        stores.mirror().states(orgId, plan.object(), byId.keySet());
    EchoCheck echoes = EchoCheck.of(plan);
    Map<String, ChangeEvent> changed = new LinkedHashMap<>();
    byId.forEach(
        (id, list) -> {
          MirrorStore.State state = states.get(id);
          if (state == null || !list.stream().allMatch(e -> echoes.isEcho(e, state))) {
            changed.put(id, list.get(list.size() - 1));
          }
        });
    return changed;
  }

  /** The records as they now are; deleted ones as tombstones built from the mirror. */
  private List<SObjectRecord> read(
      String orgId, CountingClient client, ObjectPlan plan, Map<String, ChangeEvent> byId) {
    List<String> toRead = new ArrayList<>();
    for (Map.Entry<String, ChangeEvent> e : byId.entrySet()) {
      if (!isDelete(e.getValue())) {
        toRead.add(e.getKey());
      }
    }
    Map<String, SObjectRecord> found = retrieve(client, plan, toRead);
    List<SObjectRecord> out = new ArrayList<>();
    for (Map.Entry<String, ChangeEvent> e : byId.entrySet()) {
      SObjectRecord record = found.get(e.getKey());
      if (record != null) {
        out.add(record);
      } else {
        // Deleted, or gone again before we read it: a tombstone if the mirror holds it live.
        tombstone(orgId, plan.object(), e.getKey(), e.getValue().commitTimestamp())
            .ifPresent(out::add);
      }
    }
    return out;
  }

  /** A delete (or a gap's delete); an UNDELETE brings the record back and is read like a change. */
  private static boolean isDelete(ChangeEvent e) {
    return e.changeType().equals("DELETE") || e.changeType().equals("GAP_DELETE");
  }

  private Map<String, SObjectRecord> retrieve(
      CountingClient client, ObjectPlan plan, List<String> ids) {
    Map<String, SObjectRecord> found = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    Optional<SObjectCollections> collections = client.collections();
    for (int from = 0; from < ids.size(); from += RETRIEVE_CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + RETRIEVE_CHUNK));
      if (collections.isPresent()) {
        List<Optional<SObjectRecord>> read =
            collections.get().retrieve(plan.object(), chunk, plan.fields());
        for (int i = 0; i < chunk.size() && i < read.size(); i++) {
          read.get(i).ifPresent(r -> found.put(String.valueOf(r.fields().get("Id")), r));
        }
      } else {
        for (String id : chunk) {
          try {
            found.put(id, client.retrieve(plan.object(), id, plan.fields()));
          } catch (ScopienException e) {
            if (e.kind() != ScopienException.Kind.NOT_FOUND) {
              throw e;
            }
          }
        }
      }
    }
    return found;
  }

  private Optional<SObjectRecord> tombstone(
      String orgId, String object, String id, Instant committed) {
    return stores
        .mirror()
        .get(orgId, object, id)
        .filter(s -> !s.row().deleted())
        .map(
            s -> {
              Instant after = s.row().systemModstamp().plusMillis(1);
              Instant stamp = committed == null || committed.isBefore(after) ? after : committed;
              Map<String, Object> fields = new LinkedHashMap<>(s.row().fields());
              fields.put("Id", id);
              fields.put("IsDeleted", true);
              fields.put("SystemModstamp", SalesforceTime.formatDateTime(stamp));
              return new SObjectRecord(object, fields);
            });
  }

  private Outcome store(
      String orgId,
      CountingClient client,
      Map<String, ObjectPlan> plans,
      Map<String, List<SObjectRecord>> records,
      Map<String, Long> replayIds,
      Set<String> needPolling) {
    boolean anything = records.values().stream().anyMatch(l -> !l.isEmpty());
    for (int attempt = 1; ; attempt++) {
      try {
        return jdbc.inTransaction(
            () -> {
              Instant now = clock.instant();
              String runId = anything ? Jdbc.newId() : null;
              long changed = 0;
              if (anything) {
                stores.runs().create(run(runId, orgId, records, client.calls(), now), now);
                for (Map.Entry<String, List<SObjectRecord>> o : records.entrySet()) {
                  if (o.getValue().isEmpty()) {
                    continue;
                  }
                  ObjectPlan plan = plans.get(SyncDefaults.key(o.getKey()));
                  Cursor cursor = stores.cursors().get(orgId, o.getKey()).orElseThrow();
                  RunStore.Counts c =
                      writer
                          .apply(
                              new PageWriter.Target(orgId, runId, plan, new HashSet<>()),
                              o.getValue(),
                              cursor,
                              false)
                          .counts();
                  changed += c.created() + c.updated() + c.deleted();
                }
              }
              replayIds.forEach((channel, id) -> replay.save(orgId, channel, id, now));
              if (runId != null) {
                stores.runs().finish(runId, SyncRun.Status.SUCCEEDED, null, client.calls(), now);
              }
              return new Outcome(runId, changed, needPolling);
            });
      } catch (ScopienException e) {
        // A scheduled run may have stored the same new record a moment ago: read again, retry.
        boolean raced =
            e.kind() == ScopienException.Kind.CONFLICT
                || e.kind() == ScopienException.Kind.RETRIABLE;
        if (!raced || attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static SyncRun run(
      String runId,
      String orgId,
      Map<String, List<SObjectRecord>> records,
      long apiCalls,
      Instant now) {
    List<SyncRun.ObjectRun> objects = new ArrayList<>();
    records.forEach(
        (object, rows) -> {
          if (!rows.isEmpty()) {
            objects.add(
                new SyncRun.ObjectRun(
                    object, "realtime", "succeeded", 0, 0, 0, 0, 0, 0, 0, rows.size(), null));
          }
        });
    return new SyncRun(
        runId,
        orgId,
        SyncRun.Trigger.REAL_TIME,
        false,
        SyncRun.Status.RUNNING,
        null,
        apiCalls,
        now,
        null,
        objects);
  }
}
