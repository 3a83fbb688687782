package com.scopien.localorg;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Bulk API 1.0 job: its operation and object, how a query splits (PK chunking or not), which
 * External Id an upsert matches on, its state ({@code Open}, {@code Closed}, {@code Aborted}) and
 * its batches in creation order. Counters in jobInfo are derived from the batches. Thread-safe.
 */
final class BulkJob {

  /** Job states, spelled as force-wsc's JobStateEnum. */
  enum State {
    Open,
    Closed,
    Aborted,
    Failed
  }

  /** What jobInfo shows. */
  record View(
      String id,
      String operation,
      String object,
      String createdById,
      Instant createdDate,
      Instant systemModstamp,
      State state,
      String externalIdFieldName,
      String concurrencyMode,
      String contentType,
      int queued,
      int inProgress,
      int completed,
      int failed,
      int total,
      long recordsProcessed,
      String apiVersion,
      long recordsFailed,
      long processingMillis) {}

  /** How a PK-chunked job splits its query: rows per chunk, and the Id to start from (or null). */
  record PkChunking(int chunkSize, String startRow) {}

  private final String id;
  private final String operation;
  private final ObjectDef object;
  private final String createdById;
  private final Instant created;
  private final String concurrencyMode;
  private final String apiVersion;
  private final PkChunking pkChunking;
  private final FieldDef externalIdField;
  private final List<BulkBatch> batches = new ArrayList<>();
  private State state = State.Open;
  private Instant modstamp;

  BulkJob(
      String id,
      String operation,
      ObjectDef object,
      String createdById,
      Instant created,
      String concurrencyMode,
      String apiVersion,
      PkChunking pkChunking,
      FieldDef externalIdField) {
    this.id = id;
    this.operation = operation;
    this.object = object;
    this.createdById = createdById;
    this.created = created;
    this.modstamp = created;
    this.concurrencyMode = concurrencyMode;
    this.apiVersion = apiVersion;
    this.pkChunking = pkChunking;
    this.externalIdField = externalIdField;
  }

  /** {@code query}, {@code queryAll}, {@code insert}, {@code update}, {@code upsert} ... */
  String operation() {
    return operation;
  }

  boolean isQuery() {
    return operation.startsWith("query");
  }

  String createdById() {
    return createdById;
  }

  /** The External Id an upsert job matches on; null for other jobs. */
  FieldDef externalIdField() {
    return externalIdField;
  }

  String id() {
    return id;
  }

  ObjectDef object() {
    return object;
  }

  /** queryAll jobs also see deleted rows. */
  boolean includesDeleted() {
    return operation.equals("queryAll");
  }

  Optional<PkChunking> pkChunking() {
    return Optional.ofNullable(pkChunking);
  }

  synchronized State state() {
    return state;
  }

  /**
   * Adds a batch; only an open job takes new client batches (PK chunks are added while closed).
   *
   * @throws BulkError InvalidJobState when a client batch comes for a job that is not open
   */
  synchronized void add(BulkBatch batch) {
    if (!batch.chunk() && state != State.Open) {
      throw new BulkError(400, "InvalidJobState", "Job " + id + " is not open");
    }
    batches.add(batch);
  }

  synchronized Optional<BulkBatch> batch(String batchId) {
    return batches.stream().filter(b -> b.id().equals(batchId)).findFirst();
  }

  synchronized List<BulkBatch> batches() {
    return List.copyOf(batches);
  }

  /**
   * The batches as they stand at one moment: taken under the job's lock, which PK chunking also
   * holds while it adds the chunks and retires the original, so a reader never sees the original
   * NotProcessed without its chunks.
   */
  synchronized List<BulkBatch.View> batchViews() {
    return batches.stream().map(BulkBatch::view).toList();
  }

  /** Adds the PK chunks of {@code original} and marks it NotProcessed, as one step. */
  synchronized void replaceWithChunks(BulkBatch original, List<BulkBatch> chunks, Instant now) {
    chunks.forEach(this::add);
    original.notProcessed(now);
  }

  /** Closes or aborts the job; aborting leaves queued batches NotProcessed. */
  synchronized void changeState(State newState, Instant now) {
    if (state == State.Aborted || state == State.Failed) {
      throw new BulkError(400, "InvalidJobState", "Job " + id + " is already " + state);
    }
    if (newState != State.Closed && newState != State.Aborted) {
      throw new BulkError(400, "InvalidJobState", "A job can only be Closed or Aborted");
    }
    state = newState;
    modstamp = now;
    if (newState == State.Aborted) {
      batches.forEach(batch -> batch.notProcessed(now));
    }
  }

  synchronized View view() {
    int queued = 0;
    int inProgress = 0;
    int completed = 0;
    int failed = 0;
    long processed = 0;
    long recordsFailed = 0;
    long millis = 0;
    for (BulkBatch batch : batches) {
      BulkBatch.View b = batch.view();
      switch (b.state()) {
        case Queued -> queued++;
        case InProgress -> inProgress++;
        case Completed -> completed++;
        case Failed -> failed++;
        case NotProcessed -> {}
      }
      processed += b.recordsProcessed();
      recordsFailed += b.recordsFailed();
      millis += b.processingMillis();
    }
    return new View(
        id,
        operation,
        object.name(),
        createdById,
        created,
        modstamp,
        state,
        externalIdField == null ? null : externalIdField.name(),
        concurrencyMode,
        "CSV",
        queued,
        inProgress,
        completed,
        failed,
        batches.size(),
        processed,
        apiVersion,
        recordsFailed,
        millis);
  }
}
