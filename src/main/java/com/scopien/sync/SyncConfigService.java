package com.scopien.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.scopien.ScopienException;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import com.scopien.salesforce.GlobalObject;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.store.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An org's whole sync configuration as one JSON document (the config file): frequency, directions,
 * conflict policy, object selection with per-object conflict policy and chosen fields, and field
 * mappings. {@link #export} writes it; {@link #apply} reads one back, checks all of it first (the
 * allowed values, the org's objects and fields) and stores all of it in one transaction, or
 * nothing. Exporting then applying the result changes nothing.
 *
 * <p>Thread-safe. Calls the org (describeGlobal, describe), so both fail with the client's errors
 * when it cannot be reached.
 */
public final class SyncConfigService {
  /** What applying a file did: one line per part it set. */
  public record Applied(List<String> changes) {
    public Applied {
      changes = List.copyOf(changes);
    }
  }

  private final Jdbc jdbc;
  private final OrgDirectory orgs;
  private final SyncSettingsService settings;
  private final SyncErrorLog errors;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public SyncConfigService(
      Jdbc jdbc, OrgDirectory orgs, SyncSettingsService settings, Clock clock) {
    this.jdbc = jdbc;
    this.orgs = orgs;
    this.settings = settings;
    this.errors = new SyncErrorLog(jdbc, clock);
    this.clock = clock;
  }

  /**
   * The org's configuration as the config file writes it: every syncable object with its selection,
   * and its conflict policy and fields when it has its own.
   *
   * @throws ScopienException NOT_FOUND {@code unknown_org}
   */
  public String export(String orgId) {
    SyncSettings s = settings.settings(orgId);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("frequency", s.frequency().wireName());
    doc.put(
        "directions",
        Map.of("salesforceToScopien", s.inbound(), "scopienToSalesforce", s.outbound()));
    doc.put("conflictPolicy", s.conflictPolicy().wireName());
    Map<String, Object> objects = new LinkedHashMap<>();
    for (SyncObject o : settings.objects(orgId)) {
      objects.put(
          o.object(), SyncConfigFile.objectEntry(o.selected(), o.conflictPolicy(), o.fields()));
    }
    doc.put("objects", objects);
    List<Map<String, Object>> mappings = new ArrayList<>();
    for (FieldMapping m : settings.mappings(orgId)) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("object", m.object());
      entry.put("salesforceField", m.salesforceField());
      entry.put("scopienField", m.scopienField());
      mappings.add(entry);
    }
    doc.put("mappings", mappings);
    try {
      return json.writeValueAsString(doc) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new ScopienException(
          ScopienException.Kind.INTERNAL, "json_write_failed", "The export failed", e);
    }
  }

  /**
   * Checks the file whole, then stores it (unless {@code dryRun}). Parts the file leaves out stay
   * as they are; objects it does not name keep their selection; {@code mappings}, when present, is
   * the whole list (mappings not in it are removed).
   *
   * @throws ValidationProblems {@code invalid_sync_config} listing every problem; nothing changed
   * @throws ScopienException NOT_FOUND {@code unknown_org}
   */
  public Applied apply(String orgId, String file, boolean dryRun) {
    Org org = settings.requireOrg(orgId);
    SyncSettings before = settings.settings(orgId);
    SalesforceClient client = orgs.client(org);
    Map<String, GlobalObject> known =
        SyncSettingsService.byKey(SyncSettingsService.syncable(client));
    SyncConfigFile.Plan plan = new SyncConfigFile(known, client::describe).read(file);
    List<String> changes = new ArrayList<>();
    SyncSettings after = plan.settings().applyTo(before);
    if (!after.equals(before)) {
      changes.add(
          "settings: "
              + after.frequency().wireName()
              + ", Salesforce to Scopien "
              + (after.inbound() ? "on" : "off")
              + ", Scopien to Salesforce "
              + (after.outbound() ? "on" : "off")
              + ", "
              + after.conflictPolicy().wireName());
    }
    if (plan.objects() != null) {
      changes.add("objects: " + plan.objects().size() + " set");
    }
    if (plan.mappings() != null) {
      changes.add("mappings: " + plan.mappings().size() + " in place");
    }
    if (dryRun) {
      return new Applied(changes);
    }
    jdbc.inTransaction(
        () -> {
          Instant now = clock.instant();
          SettingsStore store = settings.store();
          store.saveSettings(after, now);
          if (plan.objects() != null) {
            plan.objects().forEach(row -> store.saveObject(orgId, row, now));
          }
          if (plan.mappings() != null) {
            replaceMappings(orgId, store, plan.mappings(), now);
          }
        });
    return new Applied(changes);
  }

  private void replaceMappings(
      String orgId, SettingsStore store, List<FieldMapping> wanted, Instant now) {
    Map<String, FieldMapping> current = new LinkedHashMap<>();
    store.mappings(orgId).forEach(m -> current.put(key(m), m));
    for (FieldMapping m : current.values()) {
      store.deleteMapping(orgId, m.object(), m.salesforceField());
    }
    for (FieldMapping m : wanted) {
      FieldMapping old = current.remove(key(m));
      FieldMapping.Status status = old == null ? FieldMapping.Status.ACTIVE : old.status();
      store.insertMapping(
          orgId,
          new FieldMapping(m.object(), m.salesforceField(), m.scopienField(), m.custom(), status),
          now);
    }
    for (FieldMapping gone : current.values()) {
      errors.resolve(
          orgId,
          gone.object(),
          null,
          gone.salesforceField(),
          SyncErrorLog.FIELD_MISSING,
          "Field mapping removed");
    }
  }

  private static String key(FieldMapping m) {
    return SyncDefaults.key(m.object() + "." + m.salesforceField());
  }
}
