package com.scopien.localorg;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bulk APIs' jobs and the background thread that runs them: Bulk 1.0 query batches (split into
 * PK chunks when the job asked for it, the original batch then NotProcessed) and Bulk 2.0 query
 * jobs. Queries run through the same planner and executor as REST, with what Bulk refuses (child
 * subqueries, aggregates) failing the batch the way Salesforce words it. Jobs live in memory for
 * the org's lifetime. Thread-safe; {@link #close} stops the thread.
 */
final class BulkService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BulkService.class);

  /** Objects Salesforce can PK-chunk, besides every custom object. */
  private static final Set<String> PK_CHUNKABLE =
      Set.of(
          "Account",
          "Campaign",
          "CampaignMember",
          "Case",
          "Contact",
          "Lead",
          "LoginHistory",
          "Opportunity",
          "Task",
          "User");

  private final RecordStore store;
  private final QueryPlanner planner;
  private final QueryExecutor executor;
  private final Clock clock;
  private final IdGenerator ids;
  private final BulkDml dml;
  private final Map<String, BulkJob> jobs = new LinkedHashMap<>();
  private final Map<String, BulkQueryJob> queryJobs = new LinkedHashMap<>();
  private final ExecutorService worker;

  BulkService(
      RecordStore store,
      RecordWriter writer,
      QueryExecutor executor,
      Clock clock,
      IdGenerator ids,
      String name) {
    this.store = store;
    this.dml = new BulkDml(store, writer);
    this.planner = new QueryPlanner(store, executor);
    this.executor = executor;
    this.clock = clock;
    this.ids = ids;
    this.worker =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "localorg-bulk-" + name);
              thread.setDaemon(true);
              return thread;
            });
  }

  RecordStore store() {
    return store;
  }

  Instant now() {
    return clock.instant();
  }

  String newId(String keyPrefix) {
    return ids.next(keyPrefix);
  }

  /** Whether the object can be PK-chunked. */
  static boolean chunkable(ObjectDef object) {
    return object.custom() || PK_CHUNKABLE.contains(object.name());
  }

  synchronized void add(BulkJob job) {
    jobs.put(job.id(), job);
  }

  synchronized Optional<BulkJob> job(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  synchronized void add(BulkQueryJob job) {
    queryJobs.put(job.id(), job);
    worker.execute(() -> run(job));
  }

  synchronized Optional<BulkQueryJob> queryJob(String id) {
    return Optional.ofNullable(queryJobs.get(id));
  }

  synchronized Collection<BulkQueryJob> queryJobs() {
    return List.copyOf(queryJobs.values());
  }

  synchronized void remove(BulkQueryJob job) {
    queryJobs.remove(job.id());
  }

  /** Queues a batch the client (or PK chunking) added to a job. */
  void submit(BulkJob job, BulkBatch batch) {
    job.add(batch);
    worker.execute(() -> run(job, batch));
  }

  /**
   * Checks SOQL for a bulk query: parses and resolves it as REST would, and refuses what Bulk
   * cannot do.
   *
   * @throws ApiError with Salesforce's code and message
   */
  QueryPlan plan(String soql) {
    QueryPlan plan = planner.plan(soql);
    if (plan.kind() != QueryPlan.Kind.RECORDS) {
      throw ApiError.badRequest(
          "FUNCTIONALITY_NOT_ENABLED", "Aggregate queries are not supported in Bulk Query");
    }
    if (plan.columns().stream().anyMatch(c -> c instanceof QueryPlan.ChildColumn)) {
      throw ApiError.badRequest(
          "FUNCTIONALITY_NOT_ENABLED", "Aggregate Relationships not supported in Bulk Query");
    }
    return plan;
  }

  private void run(BulkJob job, BulkBatch batch) {
    long started = System.nanoTime();
    if (!batch.start(now())) {
      return;
    }
    if (!job.isQuery()) {
      try {
        batch.complete(dml.apply(job, batch.request()), now(), millisSince(started));
      } catch (ApiError e) {
        batch.fail(e.errorCode() + " : " + e.getMessage(), now(), millisSince(started));
      } catch (RuntimeException e) {
        LOG.error("bulk batch {} failed", batch.id(), e);
        batch.fail("InternalServerError : " + e.getClass().getSimpleName(), now(), 0);
      }
      return;
    }
    try {
      QueryPlan plan = plan(batch.request());
      if (!plan.object().equals(job.object())) {
        throw ApiError.badRequest(
            "INVALID_TYPE", "The query must select from the job's object " + job.object());
      }
      if (job.pkChunking().isPresent() && !batch.chunk()) {
        chunk(job, batch, job.pkChunking().get());
        return;
      }
      List<StoredRecord> candidates = store.rows(plan.object());
      if (batch.chunk()) {
        candidates.removeIf(row -> !batch.inRange(row.id()));
      }
      List<StoredRecord> rows = executor.rows(plan, candidates, job.includesDeleted());
      List<String> results = new ArrayList<>();
      for (int i = 0; i < BulkBatch.resultCount(rows.size()); i++) {
        results.add(newId("752"));
      }
      batch.complete(plan, rows, results, now(), millisSince(started));
    } catch (ApiError e) {
      batch.fail(
          "InvalidBatch : Failed to process query: " + e.errorCode() + ": " + e.getMessage(),
          now(),
          millisSince(started));
    } catch (RuntimeException e) {
      LOG.error("bulk batch {} failed", batch.id(), e);
      batch.fail("InternalServerError : " + e.getClass().getSimpleName(), now(), 0);
    }
  }

  /** Splits the batch into Id-range batches of {@code chunkSize} rows of the object's table. */
  private void chunk(BulkJob job, BulkBatch original, BulkJob.PkChunking chunking) {
    if (!chunkable(job.object())) {
      original.fail(
          "InvalidBatch : PKChunking is not supported for the entity: " + job.object(), now(), 0);
      return;
    }
    List<String> rowIds = new ArrayList<>();
    for (StoredRecord row : store.rows(job.object())) {
      if (chunking.startRow() == null || row.id().compareTo(chunking.startRow()) >= 0) {
        rowIds.add(row.id());
      }
    }
    List<String> bounds = new ArrayList<>();
    for (int i = 0; i < rowIds.size(); i += chunking.chunkSize()) {
      bounds.add(rowIds.get(i));
    }
    if (bounds.isEmpty()) {
      bounds.add(chunking.startRow() == null ? job.object().keyPrefix() : chunking.startRow());
    }
    List<BulkBatch> chunks = new ArrayList<>();
    for (int i = 0; i < bounds.size(); i++) {
      String to = i + 1 < bounds.size() ? bounds.get(i + 1) : null;
      chunks.add(
          new BulkBatch(newId("751"), job.id(), original.request(), bounds.get(i), to, now()));
    }
    job.replaceWithChunks(original, chunks, now());
    chunks.forEach(chunk -> worker.execute(() -> run(job, chunk)));
  }

  private void run(BulkQueryJob job) {
    long started = System.nanoTime();
    if (!job.start(now())) {
      return;
    }
    try {
      QueryPlan plan = plan(job.soql());
      List<StoredRecord> rows = executor.rows(plan, job.includesDeleted());
      job.complete(plan, rows, now(), millisSince(started));
    } catch (ApiError e) {
      job.fail(e.errorCode() + ": " + e.getMessage(), now(), millisSince(started));
    } catch (RuntimeException e) {
      LOG.error("bulk query job {} failed", job.id(), e);
      job.fail("InternalServerError: " + e.getClass().getSimpleName(), now(), 0);
    }
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
