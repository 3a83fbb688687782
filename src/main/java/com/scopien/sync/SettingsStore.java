package com.scopien.sync;

import com.scopien.ScopienException;
import com.scopien.store.Jdbc;
import com.scopien.sync.SyncSettings.ConflictPolicy;
import com.scopien.sync.SyncSettings.Frequency;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The settings tables: org settings, object decisions, field mappings. */
final class SettingsStore {

  /** An admin's decision about one object. */
  record ObjectRow(String object, boolean selected, ConflictPolicy policy, List<String> fields) {}

  private final Jdbc jdbc;
  private final JsonCodec json;

  SettingsStore(Jdbc jdbc, JsonCodec json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Optional<SyncSettings> settings(String orgId) {
    return jdbc.queryOne(
        "SELECT org_id, frequency, inbound, outbound, conflict_policy FROM sync_settings"
            + " WHERE org_id = ?",
        row ->
            new SyncSettings(
                row.getString("org_id"),
                Frequency.valueOf(row.getString("frequency")),
                row.getBoolean("inbound"),
                row.getBoolean("outbound"),
                ConflictPolicy.valueOf(row.getString("conflict_policy"))),
        orgId);
  }

  /**
   * Stores the defaults for an org that has none yet, mappings included; does nothing when another
   * thread or instance got there first.
   */
  void insertDefaults(String orgId, Instant now) {
    SyncSettings defaults = SyncSettings.defaults(orgId);
    try {
      jdbc.inTransaction(
          () -> {
            jdbc.update(
                "INSERT INTO sync_settings (org_id, frequency, inbound, outbound, conflict_policy,"
                    + " updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                orgId,
                defaults.frequency(),
                defaults.inbound(),
                defaults.outbound(),
                defaults.conflictPolicy(),
                now);
            for (FieldMapping mapping : SyncDefaults.MAPPINGS) {
              insertMapping(orgId, mapping, now);
            }
          });
    } catch (ScopienException e) {
      if (!"duplicate_key".equals(e.code()) && !"transaction_rolled_back".equals(e.code())) {
        throw e;
      }
    }
  }

  void saveSettings(SyncSettings settings, Instant now) {
    jdbc.update(
        "UPDATE sync_settings SET frequency = ?, inbound = ?, outbound = ?, conflict_policy = ?,"
            + " updated_at = ? WHERE org_id = ?",
        settings.frequency(),
        settings.inbound(),
        settings.outbound(),
        settings.conflictPolicy(),
        now,
        settings.orgId());
  }

  /** The org's object decisions, keyed by lower-case name. */
  Map<String, ObjectRow> objects(String orgId) {
    Map<String, ObjectRow> rows = new LinkedHashMap<>();
    jdbc.query(
            "SELECT object_name, selected, conflict_policy, fields FROM sync_objects"
                + " WHERE org_id = ? ORDER BY object_name",
            row -> {
              String policy = row.getString("conflict_policy");
              return new ObjectRow(
                  row.getString("object_name"),
                  row.getBoolean("selected"),
                  policy == null ? null : ConflictPolicy.valueOf(policy),
                  json.readList(row.getString("fields")));
            },
            orgId)
        .forEach(r -> rows.put(SyncDefaults.key(r.object()), r));
    return rows;
  }

  void saveObject(String orgId, ObjectRow row, Instant now) {
    String fields = row.fields() == null ? null : json.write(row.fields());
    jdbc.inTransaction(
        () -> {
          int changed =
              jdbc.update(
                  "UPDATE sync_objects SET selected = ?, conflict_policy = ?, fields = ?,"
                      + " updated_at = ? WHERE org_id = ? AND object_name = ?",
                  row.selected(),
                  row.policy(),
                  fields,
                  now,
                  orgId,
                  row.object());
          if (changed == 0) {
            jdbc.update(
                "INSERT INTO sync_objects (org_id, object_name, selected, conflict_policy, fields,"
                    + " updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                orgId,
                row.object(),
                row.selected(),
                row.policy(),
                fields,
                now);
          }
        });
  }

  List<FieldMapping> mappings(String orgId) {
    return jdbc.query(
        "SELECT object_name, sf_field, scopien_field, custom, status FROM sync_field_mappings"
            + " WHERE org_id = ? ORDER BY object_name, custom, sf_field",
        row ->
            new FieldMapping(
                row.getString("object_name"),
                row.getString("sf_field"),
                row.getString("scopien_field"),
                row.getBoolean("custom"),
                FieldMapping.Status.valueOf(row.getString("status"))),
        orgId);
  }

  void insertMapping(String orgId, FieldMapping mapping, Instant now) {
    jdbc.update(
        "INSERT INTO sync_field_mappings (org_id, object_name, sf_field, scopien_field,"
            + " scopien_key, custom, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        orgId,
        mapping.object(),
        mapping.salesforceField(),
        mapping.scopienField(),
        SyncDefaults.key(mapping.scopienField()),
        mapping.custom(),
        mapping.status(),
        now);
  }

  int deleteMapping(String orgId, String object, String salesforceField) {
    return jdbc.update(
        "DELETE FROM sync_field_mappings WHERE org_id = ? AND LOWER(object_name) = LOWER(?)"
            + " AND LOWER(sf_field) = LOWER(?)",
        orgId,
        object,
        salesforceField);
  }

  void setMappingStatus(
      String orgId,
      String object,
      String salesforceField,
      FieldMapping.Status status,
      Instant now) {
    jdbc.update(
        "UPDATE sync_field_mappings SET status = ?, updated_at = ? WHERE org_id = ?"
            + " AND object_name = ? AND sf_field = ?",
        status,
        now,
        orgId,
        object,
        salesforceField);
  }
}
