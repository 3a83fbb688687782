package com.scopien.localorg;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One Bulk API 1.0 batch: its request (the SOQL of a query, the CSV rows of a DML job), its state
 * ({@code Queued → InProgress → Completed | Failed}, or {@code NotProcessed} when its job was
 * aborted or PK chunking split it), and once completed the matched rows, cut into result files of
 * at most {@link #RESULT_ROWS} rows, or the per-row results of a DML batch. A PK chunk also carries
 * its Id range. Rows are references to the store's immutable rows, so a result keeps the snapshot
 * its query saw. Thread-safe.
 */
final class BulkBatch {

  static final int RESULT_ROWS = 100_000;

  /** Bulk 1.0 batch states, spelled as force-wsc's BatchStateEnum. */
  enum State {
    Queued,
    InProgress,
    Completed,
    Failed,
    NotProcessed
  }

  /** What batchInfo shows. */
  record View(
      String id,
      String jobId,
      State state,
      String stateMessage,
      Instant createdDate,
      Instant systemModstamp,
      long recordsProcessed,
      long recordsFailed,
      long processingMillis) {}

  /** A completed query: the plan (for the columns), the rows, and the result files' Ids. */
  record Result(QueryPlan plan, List<StoredRecord> rows, List<String> resultIds) {
    /** The rows of one result file, as [from, to). */
    Optional<int[]> range(String resultId) {
      int index = resultIds.indexOf(resultId);
      if (index < 0) {
        return Optional.empty();
      }
      int from = index * RESULT_ROWS;
      return Optional.of(new int[] {from, Math.min(rows.size(), from + RESULT_ROWS)});
    }
  }

  private final String id;
  private final String jobId;
  private final String request;
  private final String fromId;
  private final String toId;
  private final Instant created;
  private State state = State.Queued;
  private String stateMessage;
  private Instant modstamp;
  private long processingMillis;
  private Result result;
  private List<BulkDml.RowResult> rowResults;

  /**
   * @param fromId first Id of a PK chunk (inclusive), or null for a batch the client created
   * @param toId end of a PK chunk (exclusive), or null for the last chunk
   */
  BulkBatch(String id, String jobId, String request, String fromId, String toId, Instant created) {
    this.id = id;
    this.jobId = jobId;
    this.request = request;
    this.fromId = fromId;
    this.toId = toId;
    this.created = created;
    this.modstamp = created;
  }

  String id() {
    return id;
  }

  /** What the client sent: the SOQL of a query batch, the CSV of a DML batch. */
  String request() {
    return request;
  }

  /** Whether this is a PK chunk the org created, rather than a batch the client sent. */
  boolean chunk() {
    return fromId != null;
  }

  /** Whether the Id lies in this chunk's range. */
  boolean inRange(String rowId) {
    return rowId.compareTo(fromId) >= 0 && (toId == null || rowId.compareTo(toId) < 0);
  }

  synchronized State state() {
    return state;
  }

  /** Moves a queued batch to InProgress; false when it is no longer queued (job aborted). */
  synchronized boolean start(Instant now) {
    if (state != State.Queued) {
      return false;
    }
    state = State.InProgress;
    modstamp = now;
    return true;
  }

  synchronized void complete(
      QueryPlan plan, List<StoredRecord> rows, List<String> resultIds, Instant now, long millis) {
    result = new Result(plan, rows, List.copyOf(resultIds));
    finish(State.Completed, null, now, millis);
  }

  synchronized void complete(List<BulkDml.RowResult> results, Instant now, long millis) {
    rowResults = List.copyOf(results);
    finish(State.Completed, null, now, millis);
  }

  /** The per-row results of a completed DML batch. */
  synchronized Optional<List<BulkDml.RowResult>> rowResults() {
    return Optional.ofNullable(rowResults);
  }

  synchronized void fail(String message, Instant now, long millis) {
    finish(State.Failed, message, now, millis);
  }

  /** Marks the batch as never to be processed (an aborted job, or a batch split into chunks). */
  synchronized void notProcessed(Instant now) {
    if (state == State.Queued || state == State.InProgress) {
      finish(State.NotProcessed, null, now, processingMillis);
    }
  }

  synchronized Optional<Result> result() {
    return Optional.ofNullable(result);
  }

  synchronized View view() {
    long processed = 0;
    long failed = 0;
    if (result != null) {
      processed = result.rows().size();
    } else if (rowResults != null) {
      processed = rowResults.size();
      failed = rowResults.stream().filter(r -> !r.success()).count();
    }
    return new View(
        id, jobId, state, stateMessage, created, modstamp, processed, failed, processingMillis);
  }

  /** How many result files a query of {@code rows} rows is cut into (at least one). */
  static int resultCount(int rows) {
    return Math.max(1, (rows + RESULT_ROWS - 1) / RESULT_ROWS);
  }

  private void finish(State newState, String message, Instant now, long millis) {
    state = newState;
    stateMessage = message;
    modstamp = now;
    processingMillis = millis;
  }
}
