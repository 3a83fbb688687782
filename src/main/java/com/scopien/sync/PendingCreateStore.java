package com.scopien.sync;

import com.scopien.store.Jdbc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code sync_pending_creates} table: records made on the Scopien side that Salesforce does not
 * have yet, and where each stands (pending, failed with its error, created with its Id). Also lands
 * a created record in the mirror, marked as our own write so that reading it back is no change.
 */
final class PendingCreateStore {

  enum Status {
    PENDING,
    FAILED,
    CREATED
  }

  /** A record to create; {@code externalIdField} and {@code externalId} are null for a create. */
  record NewRecord(
      String localKey, Map<String, Object> fields, String externalIdField, String externalId) {}

  /** A queued record as stored. */
  record Queued(
      long seq,
      String batchId,
      String localKey,
      Map<String, Object> fields,
      String externalIdField,
      String externalId,
      int attempts) {}

  /** One row's outcome so far, for reports. */
  record RowState(String localKey, Status status, String recordId, String error, int attempts) {}

  private final Jdbc jdbc;
  private final JsonCodec json;

  PendingCreateStore(Jdbc jdbc, JsonCodec json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void queue(String orgId, String object, String batchId, List<NewRecord> records, Instant now) {
    List<Object[]> params = new ArrayList<>(records.size());
    for (NewRecord r : records) {
      params.add(
          new Object[] {
            orgId,
            object,
            batchId,
            r.localKey(),
            json.write(r.fields()),
            r.externalIdField(),
            r.externalId(),
            now
          });
    }
    jdbc.batch(
        "INSERT INTO sync_pending_creates (org_id, object_name, batch_id, local_key, fields,"
            + " external_id_field, external_id, status, attempts, queued_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)",
        params);
  }

  /** Records of the object still to create (pending or failed), after {@code afterSeq}. */
  List<Queued> due(String orgId, String object, long afterSeq, int limit) {
    return jdbc.query(
        "SELECT seq, batch_id, local_key, fields, external_id_field, external_id, attempts"
            + " FROM sync_pending_creates WHERE org_id = ? AND object_name = ?"
            + " AND status IN ('PENDING', 'FAILED') AND seq > ? ORDER BY seq LIMIT ?",
        row ->
            new Queued(
                row.getLong("seq"),
                row.getString("batch_id"),
                row.getString("local_key"),
                json.readMap(row.getString("fields")),
                row.getString("external_id_field"),
                row.getString("external_id"),
                row.getInt("attempts")),
        orgId,
        object,
        afterSeq,
        limit);
  }

  void markCreated(long seq, String recordId, Instant now) {
    jdbc.update(
        "UPDATE sync_pending_creates SET status = 'CREATED', record_id = ?, error_code = NULL,"
            + " error_message = NULL, attempts = attempts + 1, last_attempt_at = ?,"
            + " created_at = ? WHERE seq = ?",
        recordId,
        now,
        now,
        seq);
  }

  void markFailed(long seq, String code, String message, Instant now) {
    jdbc.update(
        "UPDATE sync_pending_creates SET status = 'FAILED', error_code = ?, error_message = ?,"
            + " attempts = attempts + 1, last_attempt_at = ? WHERE seq = ?",
        clip(code, 100),
        clip(message, 1000),
        now,
        seq);
  }

  /** Objects of the org with records queued since {@code since} and not created yet. */
  List<String> objectsQueuedSince(String orgId, Instant since) {
    return jdbc.query(
        "SELECT DISTINCT object_name FROM sync_pending_creates WHERE org_id = ?"
            + " AND status = 'PENDING' AND queued_at >= ? ORDER BY object_name",
        row -> row.getString("object_name"),
        orgId,
        since);
  }

  /** How many rows of the batch are in each status. */
  Map<Status, Long> counts(String batchId) {
    Map<Status, Long> counts = new LinkedHashMap<>();
    for (Status s : Status.values()) {
      counts.put(s, 0L);
    }
    jdbc.query(
        "SELECT status, COUNT(*) AS n FROM sync_pending_creates WHERE batch_id = ?"
            + " GROUP BY status",
        row -> counts.put(Status.valueOf(row.getString("status")), row.getLong("n")),
        batchId);
    return counts;
  }

  /** The batch's rows in queue order, up to {@code limit}, only those in {@code status}. */
  List<RowState> rows(String batchId, Status status, int limit) {
    return jdbc.query(
        "SELECT local_key, status, record_id, error_code, error_message, attempts"
            + " FROM sync_pending_creates WHERE batch_id = ? AND status = ? ORDER BY seq LIMIT ?",
        row ->
            new RowState(
                row.getString("local_key"),
                Status.valueOf(row.getString("status")),
                row.getString("record_id"),
                row.getString("error_message"),
                row.getInt("attempts")),
        batchId,
        status,
        limit);
  }

  /**
   * Puts the record Salesforce now holds into the mirror with the values written. Its version is
   * unknown until it is read (the oldest possible stamp), and the values are our push: the next
   * read of the record stores Salesforce's version without counting a change. A record already in
   * the mirror (an upsert that matched it) keeps its other fields.
   */
  void land(String orgId, String object, String id, Map<String, Object> written, Instant now) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("Id", id);
    values.putAll(written);
    String pushed = json.write(written);
    Map<String, Object> existing =
        jdbc.queryOne(
                "SELECT fields FROM sync_records WHERE org_id = ? AND object_name = ?"
                    + " AND record_id = ?",
                row -> json.readMap(row.getString("fields")),
                orgId,
                object,
                id)
            .orElse(null);
    if (existing != null) {
      Map<String, Object> merged = new LinkedHashMap<>(existing);
      merged.putAll(values);
      jdbc.update(
          "UPDATE sync_records SET fields = ?, pushed_fields = ?, pushed_at = ?, synced_at = ?,"
              + " is_deleted = FALSE WHERE org_id = ? AND object_name = ? AND record_id = ?",
          json.write(merged),
          pushed,
          now,
          now,
          orgId,
          object,
          id);
      return;
    }
    jdbc.update(
        "INSERT INTO sync_records (org_id, object_name, record_id, system_modstamp, is_deleted,"
            + " fields, synced_at, pushed_fields, pushed_at)"
            + " VALUES (?, ?, ?, ?, FALSE, ?, ?, ?, ?)",
        orgId,
        object,
        id,
        Instant.EPOCH,
        json.write(values),
        now,
        pushed,
        now);
  }

  private static String clip(String text, int max) {
    if (text == null) {
      return null;
    }
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
