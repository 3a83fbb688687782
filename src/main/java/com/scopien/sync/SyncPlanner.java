package com.scopien.sync;

import com.scopien.ScopienException;
import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.GlobalObject;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.security.FieldSecurity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what a run reads: which objects, and for each the fields (selected or all readable ones,
 * plus mapped ones). Mappings and chosen fields are checked against the object's describe; one
 * whose field has vanished is flagged "needs attention" in the error log and skipped, and the rest
 * of the sync goes on. A mapping whose field is back is marked active again.
 */
final class SyncPlanner {
  /** Field types a query cannot return as plain values, or that are too heavy to mirror. */
  private static final Set<String> SKIPPED_TYPES =
      Set.of("address", "location", "base64", "complexvalue");

  private final SyncSettingsService settings;
  private final SyncErrorLog errors;
  private final FieldSecurity security;
  private final MirrorTables tables;
  private final Clock clock;

  SyncPlanner(
      SyncSettingsService settings,
      SyncErrorLog errors,
      FieldSecurity security,
      MirrorTables tables,
      Clock clock) {
    this.settings = settings;
    this.errors = errors;
    this.security = security;
    this.tables = tables;
    this.clock = clock;
  }

  /**
   * The objects to sync, as the org spells them: the selected ones when {@code requested} is empty,
   * else the requested ones, which must be selected.
   *
   * @throws ScopienException INVALID_INPUT {@code unknown_object}, {@code object_not_selected} or
   *     {@code nothing_selected}
   */
  List<String> objects(String orgId, SalesforceClient client, List<String> requested) {
    Map<String, GlobalObject> known =
        SyncSettingsService.byKey(SyncSettingsService.syncable(client));
    Map<String, SettingsStore.ObjectRow> rows = settings.store().objects(orgId);
    List<String> result = new ArrayList<>();
    if (requested == null || requested.isEmpty()) {
      for (GlobalObject g : known.values()) {
        if (settings.isSelected(rows, g.name())) {
          result.add(g.name());
        }
      }
      if (result.isEmpty()) {
        throw ScopienException.invalid(
            "nothing_selected", "No object is selected for sync in this org; select some first.");
      }
    } else {
      for (String name : requested) {
        GlobalObject g = SyncSettingsService.requireObject(known, name);
        if (!settings.isSelected(rows, g.name())) {
          throw ScopienException.invalid(
              "object_not_selected",
              g.name() + " is not selected for sync in this org; select it first.");
        }
        if (!result.contains(g.name())) {
          result.add(g.name());
        }
      }
    }
    result.sort(Comparator.comparingInt(SyncPlanner::defaultRank).thenComparing(n -> n));
    return result;
  }

  /**
   * The fields to read of one object, checking its mappings and chosen fields; the object's typed
   * mirror table is brought to them (named by the active mappings) before the plan is used.
   */
  ObjectPlan plan(String orgId, String runId, SalesforceClient client, String object) {
    ObjectDescribe describe = client.describe(object);
    if (describe.field("Id").isEmpty() || describe.field("SystemModstamp").isEmpty()) {
      throw ScopienException.invalid(
          "not_replicable", object + " has no SystemModstamp, so it cannot be synced by changes.");
    }
    boolean softDeletes = describe.field("IsDeleted").isPresent();
    LinkedHashSet<String> fields = new LinkedHashSet<>(List.of("Id", "SystemModstamp"));
    if (softDeletes) {
      fields.add("IsDeleted");
    }
    SettingsStore.ObjectRow row = settings.store().objects(orgId).get(SyncDefaults.key(object));
    if (row == null || row.fields() == null) {
      for (FieldDescribe f : describe.fields()) {
        if (!SKIPPED_TYPES.contains(f.type().toLowerCase(Locale.ROOT))
            && !security.isHidden(describe.name(), f.name())) {
          fields.add(f.name());
        }
      }
    } else {
      for (String chosen : row.fields()) {
        present(orgId, runId, describe, chosen, "chosen field").ifPresent(fields::add);
      }
    }
    Map<String, String> mapped = new LinkedHashMap<>();
    for (FieldMapping m : settings.store().mappings(orgId)) {
      if (!m.object().equalsIgnoreCase(describe.name())) {
        continue;
      }
      Optional<String> field = present(orgId, runId, describe, m.salesforceField(), "mapping");
      field.ifPresent(f -> mapped.put(f.toLowerCase(Locale.ROOT), m.scopienField()));
      FieldMapping.Status status =
          field.isPresent() ? FieldMapping.Status.ACTIVE : FieldMapping.Status.NEEDS_ATTENTION;
      if (status != m.status()) {
        settings
            .store()
            .setMappingStatus(orgId, m.object(), m.salesforceField(), status, clock.instant());
      }
      field.ifPresent(fields::add);
    }
    SyncSettings org = settings.settings(orgId);
    ObjectPlan plan =
        new ObjectPlan(
            describe.name(),
            List.copyOf(fields),
            softDeletes,
            policyOf(row, org),
            org.inbound(),
            org.outbound(),
            describe);
    tables.ensure(orgId, plan, mapped);
    return plan;
  }

  /**
   * The plans as the org's settings now say: each object's conflict policy (its own, else the
   * org's) and the directions. Empty when the org no longer syncs in real time from Salesforce.
   */
  Map<String, ObjectPlan> realtimeNow(String orgId, Map<String, ObjectPlan> plans) {
    SyncSettings org = settings.settings(orgId);
    if (org.frequency() != SyncSettings.Frequency.REAL_TIME || !org.inbound()) {
      return Map.of();
    }
    Map<String, SettingsStore.ObjectRow> rows = settings.store().objects(orgId);
    Map<String, ObjectPlan> now = new LinkedHashMap<>();
    plans.forEach(
        (key, plan) ->
            now.put(key, plan.withSettings(policyOf(rows.get(key), org), true, org.outbound())));
    return now;
  }

  private static SyncSettings.ConflictPolicy policyOf(
      SettingsStore.ObjectRow row, SyncSettings org) {
    return row != null && row.policy() != null ? row.policy() : org.conflictPolicy();
  }

  /** The field's canonical name; logs it as needing attention when the object lacks it. */
  private Optional<String> present(
      String orgId, String runId, ObjectDescribe describe, String field, String what) {
    Optional<FieldDescribe> found = describe.field(field);
    if (found.isPresent()) {
      errors.resolve(
          orgId, describe.name(), null, field, SyncErrorLog.FIELD_MISSING, "Field is back");
      return Optional.of(found.get().name());
    }
    errors.record(
        new SyncErrorLog.Entry(
            orgId,
            runId,
            describe.name(),
            null,
            field,
            SyncErrorLog.FIELD_MISSING,
            "Invalid field: " + describe.name() + "." + field + " no longer exists in the org",
            "Skipped this " + what + "; the rest of the object syncs. Update or remove it.",
            SyncError.Status.NEEDS_ATTENTION));
    return Optional.empty();
  }

  private static int defaultRank(String object) {
    int i = SyncDefaults.SELECTED_OBJECTS.indexOf(object);
    return i < 0 ? SyncDefaults.SELECTED_OBJECTS.size() : i;
  }
}
