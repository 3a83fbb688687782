package com.scopien.sync;

import com.scopien.ScopienException;
import com.scopien.agent.RecordVisibility;
import com.scopien.agent.VisibleOwners;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.security.AccessPolicy;
import com.scopien.security.AuditLog;
import com.scopien.security.FieldSecurity;
import com.scopien.security.User;
import com.scopien.store.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records changed on the Scopien side (the REST API, imports, chat edits): the change is written to
 * the mirror at once, queued, and pushed to Salesforce by the org's next run, which this service
 * starts. Also the manual-review conflicts: their field-by-field diff and their resolution by
 * choosing a side per field.
 *
 * <p>Changes are checked before anything is stored: the user may write, the org pushes to
 * Salesforce, the record is in the mirror, every field exists, can be updated and is visible to the
 * user, and the record is one the user may change ({@link RecordVisibility}: their own, their
 * team's, or any for admins; one they may not change reads as not found). Every change and
 * resolution is audited. Thread-safe.
 */
public final class LocalChangeService {
  private static final int MAX_FIELDS = 100;
  private static final int MAX_CONFLICTS = 500;

  /**
   * The outcome of a change: the record's values as they now read in Scopien (hidden fields
   * removed), the fields waiting to be pushed, and the run that will push them (null when a run of
   * the org was already working; its follow-up run pushes them).
   */
  public record Change(
      String object, String id, Map<String, Object> fields, List<String> pending, String runId) {}

  private final Jdbc jdbc;
  private final OrgDirectory orgs;
  private final SyncSettingsService settings;
  private final SyncService sync;
  private final AuditLog audit;
  private final FieldSecurity security;
  private final Clock clock;
  private final SyncStores stores;
  private final AccessPolicy access = new AccessPolicy();
  private final RecordVisibility visibility;

  /** With visibility over the orgs' users matched by email (no admin links). */
  public LocalChangeService(
      Jdbc jdbc,
      OrgDirectory orgs,
      SyncSettingsService settings,
      SyncService sync,
      AuditLog audit,
      FieldSecurity security,
      Clock clock) {
    this(
        jdbc,
        orgs,
        settings,
        sync,
        audit,
        security,
        new RecordVisibility(orgs, null, clock),
        clock);
  }

  public LocalChangeService(
      Jdbc jdbc,
      OrgDirectory orgs,
      SyncSettingsService settings,
      SyncService sync,
      AuditLog audit,
      FieldSecurity security,
      RecordVisibility visibility,
      Clock clock) {
    this.visibility = visibility;
    this.jdbc = jdbc;
    this.orgs = orgs;
    this.settings = settings;
    this.sync = sync;
    this.audit = audit;
    this.security = security;
    this.clock = clock;
    this.stores = SyncStores.over(jdbc, new JsonCodec(), clock);
  }

  /**
   * Changes fields of a synced record on the Scopien side and queues them for Salesforce.
   *
   * @throws ScopienException FORBIDDEN {@code forbidden} for a role that cannot write or {@code
   *     hidden_field}; CONFLICT {@code outbound_off} when the org does not push to Salesforce;
   *     NOT_FOUND {@code unknown_org} or {@code unknown_record}; INVALID_INPUT {@code
   *     missing_fields}, {@code unknown_object}, {@code unknown_field}, {@code read_only_field}
   */
  public Change change(
      User user, String orgId, String object, String recordId, Map<String, Object> fields) {
    access.requireWrite(user == null ? null : user.role());
    Org org = settings.requireOrg(orgId);
    if (fields == null || fields.isEmpty() || fields.size() > MAX_FIELDS) {
      throw ScopienException.invalid(
          "missing_fields", "Give 1 to " + MAX_FIELDS + " fields to change in 'fields'.");
    }
    if (!settings.settings(orgId).outbound()) {
      throw new ScopienException(
          ScopienException.Kind.CONFLICT,
          "outbound_off",
          "Scopien to Salesforce sync is off for '"
              + org.name()
              + "'; turn it on to change"
              + " records here.");
    }
    ObjectDescribe describe = describe(org, object);
    Map<String, Object> change = new LinkedHashMap<>();
    fields.forEach((name, value) -> change.put(writable(user, describe, name), value));
    VisibleOwners who = visibility.of(user, org);
    boolean owned = who.restricts(describe);
    if (owned && change.containsKey("OwnerId") && !who.allows(change.get("OwnerId"))) {
      throw ScopienException.forbidden(
          "forbidden_owner", "You can give records only to yourself or, as a manager, your team.");
    }
    MirrorStore.Stored stored =
        stores
            .mirror()
            .get(orgId, describe.name(), recordId)
            .filter(s -> !s.row().deleted())
            .filter(s -> !owned || who.allows(s.row().fields().get("OwnerId")))
            .orElseThrow(
                () ->
                    ScopienException.notFound(
                        "unknown_record",
                        describe.name()
                            + " "
                            + recordId
                            + " is not in Scopien's copy of '"
                            + org.name()
                            + "'; sync the object first."));
    Map<String, Object> now =
        jdbc.inTransaction(
            () -> {
              Map<String, Object> before = new LinkedHashMap<>();
              Map<String, Object> local = orEmpty(stored.localFields());
              Map<String, Object> base = new LinkedHashMap<>(baseOf(stored));
              Map<String, Object> values = new LinkedHashMap<>(stored.row().fields());
              change.forEach(
                  (name, value) -> {
                    before.put(name, values.get(name));
                    base.putIfAbsent(name, values.get(name));
                    values.put(name, value);
                  });
              local.putAll(change);
              stores
                  .mirror()
                  .setLocal(orgId, describe.name(), recordId, values, local, base, clock.instant());
              // A record waiting for review keeps collecting changes; its conflict must show
              // them, or resolving it would silently drop the newer ones.
              stores.conflicts().refreshLocal(orgId, describe.name(), recordId, local, base);
              audit.record(user, "record.update", describe.name(), recordId, orgId, before, change);
              return values;
            });
    String runId = pushSoon(orgId, describe.name());
    Map<String, Object> visible = security.strip(user.role(), describe.name(), now);
    return new Change(describe.name(), recordId, visible, new ArrayList<>(change.keySet()), runId);
  }

  /** The org's open conflicts, oldest first, with their diffs. */
  public List<SyncConflict> conflicts(User user, String orgId) {
    Org org = settings.requireOrg(orgId);
    VisibleOwners who = visibility.of(user, org);
    return stores.conflicts().open(orgId, MAX_CONFLICTS).stream()
        .filter(c -> visible(org, who, c))
        .map(c -> view(user, c))
        .toList();
  }

  /**
   * Whether the user may see the conflict's record: any record of an object without owners, else
   * one the user (or, for a manager, the team) owns, as the mirror knows its owner.
   */
  private boolean visible(Org org, VisibleOwners who, ConflictStore.Stored c) {
    if (!who.restricts(describe(org, c.object()))) {
      return true;
    }
    return stores
        .mirror()
        .get(org.id(), c.object(), c.recordId())
        .map(s -> who.allows(s.row().fields().get("OwnerId")))
        .orElse(false);
  }

  /**
   * Resolves a conflict: each changed field keeps the side chosen for it ({@code choices}), the
   * others {@code otherwise}. Fields that keep Scopien's value are pushed; the rest take
   * Salesforce's.
   *
   * @param otherwise the side of fields not named in {@code choices}; null means every field must
   *     be named
   * @throws ScopienException NOT_FOUND {@code unknown_conflict}; CONFLICT {@code
   *     conflict_resolved}; INVALID_INPUT {@code missing_choice} or {@code unknown_field}
   */
  public SyncConflict resolve(
      User user,
      String orgId,
      String conflictId,
      Map<String, SyncConflict.Side> choices,
      SyncConflict.Side otherwise) {
    access.requireWrite(user == null ? null : user.role());
    Org org = settings.requireOrg(orgId);
    VisibleOwners who = visibility.of(user, org);
    ConflictStore.Stored c =
        stores
            .conflicts()
            .get(orgId, conflictId)
            .filter(found -> visible(org, who, found))
            .orElseThrow(
                () ->
                    ScopienException.notFound(
                        "unknown_conflict", "There is no conflict " + conflictId + "."));
    if (!"OPEN".equals(c.status())) {
      throw new ScopienException(
          ScopienException.Kind.CONFLICT, "conflict_resolved", "That conflict is resolved.");
    }
    Map<String, SyncConflict.Side> chosen =
        sides(c, choices == null ? Map.of() : choices, otherwise);
    jdbc.inTransaction(
        () -> {
          Instant now = clock.instant();
          Map<String, Object> keep = new LinkedHashMap<>();
          Map<String, Object> base = new LinkedHashMap<>();
          chosen.forEach(
              (field, side) -> {
                if (side == SyncConflict.Side.SCOPIEN) {
                  keep.put(field, c.local().get(field));
                  base.put(field, c.remote().get(field));
                }
              });
          Map<String, Object> values = new LinkedHashMap<>(c.remote());
          values.putAll(keep);
          stores
              .mirror()
              .update(
                  orgId,
                  List.of(
                      new MirrorRow(
                          c.object(), c.recordId(), c.remoteModstamp(), false, c.remote())),
                  null,
                  now);
          stores.mirror().setLocal(orgId, c.object(), c.recordId(), values, keep, base, now);
          stores.conflicts().resolve(c.id(), now);
          stores
              .errors()
              .resolve(
                  orgId,
                  c.object(),
                  c.recordId(),
                  null,
                  ConflictHandler.CODE,
                  "Resolved by " + user.name() + ": " + describe(chosen));
          audit.record(user, "conflict.resolve", c.object(), c.recordId(), orgId, c.local(), keep);
        });
    pushSoon(orgId, c.object());
    return view(user, stores.conflicts().get(orgId, conflictId).orElseThrow());
  }

  private String pushSoon(String orgId, String object) {
    try {
      return sync.start(orgId, List.of(object), false, SyncRun.Trigger.MANUAL);
    } catch (ScopienException e) {
      if ("sync_running".equals(e.code())) {
        return null;
      }
      throw e;
    }
  }

  private Map<String, SyncConflict.Side> sides(
      ConflictStore.Stored c, Map<String, SyncConflict.Side> choices, SyncConflict.Side otherwise) {
    Map<String, SyncConflict.Side> result = new LinkedHashMap<>();
    for (String name : choices.keySet()) {
      if (c.local().keySet().stream().noneMatch(f -> f.equalsIgnoreCase(name))) {
        throw ScopienException.invalid(
            "unknown_field", "'" + name + "' is not one of the conflicting fields.");
      }
    }
    for (String field : c.local().keySet()) {
      SyncConflict.Side side =
          choices.entrySet().stream()
              .filter(e -> e.getKey().equalsIgnoreCase(field))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(otherwise);
      if (side == null) {
        throw ScopienException.invalid(
            "missing_choice", "Choose 'scopien' or 'salesforce' for " + field + ".");
      }
      result.put(field, side);
    }
    return result;
  }

  private SyncConflict view(User user, ConflictStore.Stored c) {
    List<SyncConflict.FieldDiff> diffs = new ArrayList<>();
    for (Map.Entry<String, Object> e : c.local().entrySet()) {
      if (user != null && !security.isVisible(user.role(), c.object(), e.getKey())) {
        continue;
      }
      diffs.add(
          new SyncConflict.FieldDiff(
              e.getKey(),
              c.base() == null ? null : c.base().get(e.getKey()),
              e.getValue(),
              c.remote().get(e.getKey())));
    }
    return new SyncConflict(
        c.id(), c.object(), c.recordId(), c.detectedAt(), "OPEN".equals(c.status()), diffs);
  }

  private ObjectDescribe describe(Org org, String object) {
    try {
      return orgs.client(org).describe(object);
    } catch (ScopienException e) {
      if (e.kind() == ScopienException.Kind.NOT_FOUND
          || e.kind() == ScopienException.Kind.INVALID_INPUT) {
        throw ScopienException.invalid("unknown_object", "The org has no object '" + object + "'.");
      }
      throw e;
    }
  }

  private String writable(User user, ObjectDescribe describe, String name) {
    FieldDescribe field =
        describe
            .field(name == null ? "" : name)
            .orElseThrow(
                () ->
                    ScopienException.invalid(
                        "unknown_field", describe.name() + " has no field '" + name + "'."));
    if (!security.isVisible(user.role(), describe.name(), field.name())) {
      throw ScopienException.forbidden(
          "hidden_field", field.name() + " is hidden and cannot be changed here.");
    }
    if (!field.updateable()) {
      throw ScopienException.invalid(
          "read_only_field", describe.name() + "." + field.name() + " cannot be changed.");
    }
    return field.name();
  }

  private static Map<String, Object> baseOf(MirrorStore.Stored stored) {
    return stored.localFields() == null ? Map.of() : orEmpty(stored.localBase());
  }

  private static Map<String, Object> orEmpty(Map<String, Object> map) {
    return map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map);
  }

  private static String describe(Map<String, SyncConflict.Side> chosen) {
    List<String> parts = new ArrayList<>();
    chosen.forEach((f, s) -> parts.add(f + " from " + s.name().toLowerCase(java.util.Locale.ROOT)));
    return String.join(", ", parts);
  }
}
