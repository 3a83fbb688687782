package com.scopien.sync;

import com.scopien.store.Jdbc;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code sync_bulk_scans} and {@code sync_bulk_chunks} tables: which bulk job an object's full
 * scan reads and which of its chunks are stored. Mark a chunk done in the transaction of its last
 * rows.
 */
final class BulkCheckpointStore {

  /** The bulk job of a scan in progress. */
  record Scan(String scanId, String jobId, String batchId, boolean chunked, Instant highWater) {}

  private final Jdbc jdbc;

  BulkCheckpointStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Scan> get(String orgId, String object) {
    return jdbc.queryOne(
        "SELECT scan_id, job_id, batch_id, chunked, high_water FROM sync_bulk_scans"
            + " WHERE org_id = ? AND object_name = ?",
        row ->
            new Scan(
                row.getString("scan_id"),
                row.getString("job_id"),
                row.getString("batch_id"),
                row.getBoolean("chunked"),
                Jdbc.instant(row, "high_water")),
        orgId,
        object);
  }

  /** Records the scan's job, replacing any earlier job of the object and its chunks. */
  void start(String orgId, String object, Scan scan, Instant now) {
    jdbc.inTransaction(
        () -> {
          clear(orgId, object);
          jdbc.update(
              "INSERT INTO sync_bulk_scans (org_id, object_name, scan_id, job_id, batch_id,"
                  + " chunked, high_water, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              orgId,
              object,
              scan.scanId(),
              scan.jobId(),
              scan.batchId(),
              scan.chunked(),
              scan.highWater(),
              now);
          return null;
        });
  }

  Set<String> doneChunks(String orgId, String object, String jobId) {
    return new HashSet<>(
        jdbc.query(
            "SELECT chunk_id FROM sync_bulk_chunks"
                + " WHERE org_id = ? AND object_name = ? AND job_id = ?",
            row -> row.getString("chunk_id"),
            orgId,
            object,
            jobId));
  }

  void markDone(String orgId, String object, String jobId, String chunkId, long rows, Instant now) {
    jdbc.update(
        "INSERT INTO sync_bulk_chunks (org_id, object_name, job_id, chunk_id, row_count, done_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        orgId,
        object,
        jobId,
        chunkId,
        rows,
        now);
  }

  /** Forgets the object's bulk scan: it finished, or gave way to REST paging. */
  void clear(String orgId, String object) {
    jdbc.inTransaction(
        () -> {
          jdbc.update(
              "DELETE FROM sync_bulk_chunks WHERE org_id = ? AND object_name = ?", orgId, object);
          jdbc.update(
              "DELETE FROM sync_bulk_scans WHERE org_id = ? AND object_name = ?", orgId, object);
          return null;
        });
  }
}
