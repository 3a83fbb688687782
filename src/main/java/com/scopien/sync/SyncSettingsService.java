package com.scopien.sync;

import com.scopien.ScopienException;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.GlobalObject;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.store.Jdbc;
import com.scopien.sync.SyncSettings.ConflictPolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Per-org sync configuration: settings (frequency, directions, conflict policy), which objects are
 * synced, which fields of each, and field mappings. Orgs start with the product's defaults.
 *
 * <p>Every change is validated first, against the org's describe where it names objects or fields,
 * and stored whole or not at all: bad input is a {@link ScopienException} of kind INVALID_INPUT
 * that says which value and why, and nothing is stored. Changes naming objects or fields call the
 * org (describeGlobal, describe), so they fail with the client's errors when it is unreachable.
 * Thread-safe.
 */
public final class SyncSettingsService {
  private static final Pattern SCOPIEN_NAME =
      Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.-]{0,79}");

  private final Jdbc jdbc;
  private final OrgDirectory orgs;
  private final Clock clock;
  private final SettingsStore store;
  private final MirrorStore mirror;
  private final CursorStore cursors;
  private final SyncErrorLog errors;

  public SyncSettingsService(Jdbc jdbc, OrgDirectory orgs, Clock clock) {
    this.jdbc = jdbc;
    this.orgs = orgs;
    this.clock = clock;
    JsonCodec json = new JsonCodec();
    this.store = new SettingsStore(jdbc, json);
    this.mirror =
        new MirrorStore(jdbc, json, new MirrorTableWriter(jdbc, new MirrorTables(jdbc, clock)));
    this.cursors = new CursorStore(jdbc);
    this.errors = new SyncErrorLog(jdbc, clock);
  }

  /**
   * The org's settings, the defaults when nobody changed them.
   *
   * @throws ScopienException NOT_FOUND {@code unknown_org}
   */
  public SyncSettings settings(String orgId) {
    requireOrg(orgId);
    return store
        .settings(orgId)
        .orElseGet(
            () -> {
              store.insertDefaults(orgId, clock.instant());
              return store.settings(orgId).orElseThrow();
            });
  }

  /** Changes the settings the change names, keeping the others; returns the result. */
  public SyncSettings update(String orgId, SettingsChange change) {
    if (change == null) {
      throw ScopienException.invalid("missing_settings", "Say which settings to change.");
    }
    SyncSettings updated = change.applyTo(settings(orgId));
    store.saveSettings(updated, clock.instant());
    return updated;
  }

  /**
   * Every object the org exposes for sync (queryable and replicateable, from describeGlobal), with
   * whether it is selected, its field choice and conflict override, its local count and when it
   * last synced; by name.
   */
  public List<SyncObject> objects(String orgId) {
    Org org = requireOrg(orgId);
    settings(orgId);
    Map<String, SettingsStore.ObjectRow> rows = store.objects(orgId);
    Map<String, Long> counts = lowerKeys(mirror.counts(orgId));
    Map<String, Cursor> synced = cursors.all(orgId);
    List<SyncObject> result = new ArrayList<>();
    for (GlobalObject g : syncable(org)) {
      String key = SyncDefaults.key(g.name());
      SettingsStore.ObjectRow row = rows.get(key);
      Cursor cursor = synced.get(key);
      result.add(
          new SyncObject(
              g.name(),
              g.label(),
              g.custom(),
              row == null ? SyncDefaults.selectedByDefault(g.name()) : row.selected(),
              row == null ? null : row.policy(),
              row == null ? null : row.fields(),
              counts.getOrDefault(key, 0L),
              cursor == null ? null : cursor.lastSyncedAt()));
    }
    result.sort(java.util.Comparator.comparing(SyncObject::object));
    return result;
  }

  /**
   * Selects or deselects objects by API name (any case). Deselecting keeps the mirror's rows.
   *
   * @throws ScopienException INVALID_INPUT {@code unknown_object} for a name the org does not
   *     expose for sync; nothing is changed then
   */
  public void select(String orgId, Map<String, Boolean> selection) {
    Org org = requireOrg(orgId);
    if (selection == null || selection.isEmpty()) {
      throw ScopienException.invalid("missing_objects", "Name at least one object to select.");
    }
    settings(orgId);
    Map<String, GlobalObject> known = byKey(syncable(org));
    Map<String, SettingsStore.ObjectRow> rows = store.objects(orgId);
    List<SettingsStore.ObjectRow> changed = new ArrayList<>();
    selection.forEach(
        (name, selected) -> {
          GlobalObject g = requireObject(known, name);
          if (selected == null) {
            throw ScopienException.invalid(
                "invalid_selection", "Say true or false for object '" + g.name() + "'.");
          }
          SettingsStore.ObjectRow row = rows.get(SyncDefaults.key(g.name()));
          changed.add(
              new SettingsStore.ObjectRow(
                  g.name(),
                  selected,
                  row == null ? null : row.policy(),
                  row == null ? null : row.fields()));
        });
    jdbc.inTransaction(() -> changed.forEach(r -> store.saveObject(orgId, r, clock.instant())));
  }

  /** Sets the object's own conflict policy; null returns it to the org's policy. */
  public void setConflictPolicy(String orgId, String object, ConflictPolicy policy) {
    Map<String, ConflictPolicy> one = new HashMap<>();
    one.put(object, policy);
    setConflictPolicies(orgId, one);
  }

  /**
   * Sets several per-object overrides at once (null value: back to the org's policy). Every object
   * name is checked before anything is saved, so a bad name changes nothing.
   *
   * @throws ScopienException INVALID_INPUT {@code unknown_object} naming the first unknown object
   */
  public void setConflictPolicies(String orgId, Map<String, ConflictPolicy> policies) {
    Org org = requireOrg(orgId);
    settings(orgId);
    Map<String, GlobalObject> known = byKey(syncable(org));
    Map<GlobalObject, ConflictPolicy> checked = new LinkedHashMap<>();
    policies.forEach((object, policy) -> checked.put(requireObject(known, object), policy));
    checked.forEach(
        (g, policy) -> {
          SettingsStore.ObjectRow row = currentRow(orgId, g.name());
          store.saveObject(
              orgId,
              new SettingsStore.ObjectRow(g.name(), row.selected(), policy, row.fields()),
              clock.instant());
        });
  }

  /**
   * Chooses the fields read for the object (selective sync), besides Id, SystemModstamp, IsDeleted
   * and mapped fields, which are always read; null reads every readable field.
   *
   * @throws ScopienException INVALID_INPUT {@code unknown_field} naming the first field the object
   *     does not have
   */
  public void chooseFields(String orgId, String object, List<String> fields) {
    Org org = requireOrg(orgId);
    settings(orgId);
    GlobalObject g = requireObject(byKey(syncable(org)), object);
    List<String> canonical = null;
    if (fields != null) {
      ObjectDescribe describe = orgs.client(org).describe(g.name());
      LinkedHashSet<String> names = new LinkedHashSet<>();
      for (String f : fields) {
        names.add(requireField(describe, f).name());
      }
      canonical = List.copyOf(names);
    }
    SettingsStore.ObjectRow row = currentRow(orgId, g.name());
    store.saveObject(
        orgId,
        new SettingsStore.ObjectRow(g.name(), row.selected(), row.policy(), canonical),
        clock.instant());
  }

  /** The org's field mappings, by object. */
  public List<FieldMapping> mappings(String orgId) {
    settings(orgId);
    return store.mappings(orgId);
  }

  /**
   * Maps a Salesforce field to a Scopien name.
   *
   * @throws ScopienException INVALID_INPUT {@code unknown_object}, {@code unknown_field} or {@code
   *     invalid_scopien_field}; CONFLICT {@code mapping_exists} when the field or the name is
   *     already mapped on that object
   */
  public FieldMapping map(
      String orgId, String object, String salesforceField, String scopienField) {
    Org org = requireOrg(orgId);
    settings(orgId);
    String name = scopienField == null ? "" : scopienField.trim();
    if (!SCOPIEN_NAME.matcher(name).matches()) {
      throw ScopienException.invalid(
          "invalid_scopien_field",
          "The Scopien field name must be 1 to 80 letters, digits, spaces or . _ -,"
              + " starting with a letter or digit.");
    }
    GlobalObject g = requireObject(byKey(syncable(org)), object);
    FieldDescribe field = requireField(orgs.client(org).describe(g.name()), salesforceField);
    for (FieldMapping m : store.mappings(orgId)) {
      boolean sameObject = m.object().equalsIgnoreCase(g.name());
      if (sameObject && m.salesforceField().equalsIgnoreCase(field.name())) {
        throw conflict(
            g.name()
                + "."
                + field.name()
                + " is already mapped to '"
                + m.scopienField()
                + "'; remove that mapping first.");
      }
      if (sameObject && m.scopienField().equalsIgnoreCase(name)) {
        throw conflict(
            "'" + name + "' already names " + g.name() + "." + m.salesforceField() + ".");
      }
    }
    FieldMapping mapping =
        new FieldMapping(g.name(), field.name(), name, true, FieldMapping.Status.ACTIVE);
    store.insertMapping(orgId, mapping, clock.instant());
    return mapping;
  }

  /**
   * Removes a mapping; resolves its "needs attention" error if it had one.
   *
   * @throws ScopienException NOT_FOUND {@code unknown_mapping}
   */
  public void unmap(String orgId, String object, String salesforceField) {
    requireOrg(orgId);
    settings(orgId);
    Optional<FieldMapping> existing =
        store.mappings(orgId).stream()
            .filter(
                m ->
                    m.object().equalsIgnoreCase(object)
                        && m.salesforceField().equalsIgnoreCase(salesforceField))
            .findFirst();
    if (existing.isEmpty()) {
      throw ScopienException.notFound(
          "unknown_mapping", "There is no mapping of " + object + "." + salesforceField + ".");
    }
    FieldMapping m = existing.get();
    jdbc.inTransaction(
        () -> {
          store.deleteMapping(orgId, m.object(), m.salesforceField());
          errors.resolve(
              orgId,
              m.object(),
              null,
              m.salesforceField(),
              SyncErrorLog.FIELD_MISSING,
              "Field mapping removed");
        });
  }

  /** The objects the org offers for sync. */
  List<GlobalObject> syncable(Org org) {
    return syncable(orgs.client(org));
  }

  static List<GlobalObject> syncable(SalesforceClient client) {
    return client.describeGlobal().stream()
        .filter(g -> g.queryable() && g.replicateable())
        .toList();
  }

  /** Whether the object is selected, by its decision or the defaults. */
  boolean isSelected(Map<String, SettingsStore.ObjectRow> rows, String object) {
    SettingsStore.ObjectRow row = rows.get(SyncDefaults.key(object));
    return row == null ? SyncDefaults.selectedByDefault(object) : row.selected();
  }

  SettingsStore store() {
    return store;
  }

  Org requireOrg(String orgId) {
    if (orgId == null) {
      throw ScopienException.invalid("missing_org", "Say which org.");
    }
    return orgs.byId(orgId)
        .orElseThrow(
            () ->
                ScopienException.notFound("unknown_org", "There is no org with id " + orgId + "."));
  }

  private SettingsStore.ObjectRow currentRow(String orgId, String object) {
    SettingsStore.ObjectRow row = store.objects(orgId).get(SyncDefaults.key(object));
    return row != null
        ? row
        : new SettingsStore.ObjectRow(object, SyncDefaults.selectedByDefault(object), null, null);
  }

  static Map<String, GlobalObject> byKey(List<GlobalObject> objects) {
    Map<String, GlobalObject> map = new LinkedHashMap<>();
    objects.forEach(g -> map.put(SyncDefaults.key(g.name()), g));
    return map;
  }

  static GlobalObject requireObject(Map<String, GlobalObject> known, String name) {
    GlobalObject g = name == null ? null : known.get(SyncDefaults.key(name.trim()));
    if (g == null) {
      throw ScopienException.invalid(
          "unknown_object", "The org has no object '" + name + "' that can be synced.");
    }
    return g;
  }

  private static FieldDescribe requireField(ObjectDescribe describe, String name) {
    return describe
        .field(name == null ? "" : name.trim())
        .orElseThrow(
            () ->
                ScopienException.invalid(
                    "unknown_field", describe.name() + " has no field '" + name + "'."));
  }

  private static Map<String, Long> lowerKeys(Map<String, Long> counts) {
    Map<String, Long> map = new LinkedHashMap<>();
    counts.forEach((k, v) -> map.merge(SyncDefaults.key(k), v, Long::sum));
    return map;
  }

  private static ScopienException conflict(String message) {
    return new ScopienException(ScopienException.Kind.CONFLICT, "mapping_exists", message);
  }
}
