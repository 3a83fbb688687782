package com.scopien.sync;

import com.scopien.ScopienException;
import com.scopien.salesforce.ApiUsage;
import com.scopien.salesforce.BulkQueryClient;
import com.scopien.salesforce.QueryPage;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.salesforce.SalesforceException;
import com.scopien.salesforce.SalesforceTime;
import com.scopien.soql.Soql;
import com.scopien.store.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full scan of a large object through Bulk API 1.0 with PK chunking, in place of REST paging.
 *
 * <p>One bulk job per scan; Salesforce splits it into chunks of Id ranges. Each chunk's CSV rows
 * stream into the mirror a few thousand at a time (never a whole chunk in memory), and the chunk is
 * marked done in the transaction of its last rows. The job and its done chunks are kept in {@link
 * BulkCheckpointStore}, so a stopped, paused or crashed run awaits the same job again and reads
 * only the unfinished chunks; rows already stored come back as repeats, which the mirror ignores
 * (rows are keyed by Id). When Salesforce no longer knows the job, a new one starts.
 *
 * <p>Before the job starts, the object's newest SystemModstamp is read (the high-water mark); once
 * every chunk is stored, incremental sync goes on from there, so a change made while the chunks
 * were read is read again rather than missed. A bulk failure that another attempt cannot cure (the
 * object cannot be chunked, Bulk is not enabled) is logged and the scan falls back to REST paging;
 * passing failures and lost sessions are thrown, and the next run resumes from the checkpoint.
 */
final class BulkObjectScan {
  private static final Logger log = LoggerFactory.getLogger(BulkObjectScan.class);
  static final String BULK_FAILED = "bulk_failed";
  private static final String BEFORE_ANY_ID = "000000000000000";

  enum Outcome {
    DONE,
    STOPPED,
    PAUSED,
    FALLBACK
  }

  /** How the scan ended; {@code cursor} is where incremental sync goes on from when DONE. */
  record Result(Outcome outcome, Cursor cursor, ApiUsage usage) {}

  /** Leaves the CSV stream when the run must stop between two commits. */
  private static final class Halt extends RuntimeException {
    final Outcome outcome;
    final transient ApiUsage usage;

    Halt(Outcome outcome, ApiUsage usage) {
      super(null, null, false, false);
      this.outcome = outcome;
      this.usage = usage;
    }
  }

  private final Jdbc jdbc;
  private final SyncStores stores;
  private final PageWriter writer;
  private final ApiBudget budget;
  private final SyncOptions.Bulk options;
  private final BulkCheckpointStore checkpoints;
  private final Clock clock;

  BulkObjectScan(
      Jdbc jdbc,
      SyncStores stores,
      PageWriter writer,
      ApiBudget budget,
      SyncOptions.Bulk options,
      Clock clock) {
    this.jdbc = jdbc;
    this.stores = stores;
    this.writer = writer;
    this.budget = budget;
    this.options = options;
    this.checkpoints = new BulkCheckpointStore(jdbc);
    this.clock = clock;
  }

  /**
   * Whether this scan reads with Bulk: a bulk scan of it is under way, or it has not begun by REST
   * paging and the run counted more records than the threshold.
   */
  boolean applies(RunState run, ObjectPlan plan, Cursor cursor) {
    if (cursor.phase() != Cursor.Phase.INITIAL
        || cursor.modstamp() != null
        || options.threshold() == 0
        || run.client.bulk(options.pollInterval()).isEmpty()) {
      return false;
    }
    Optional<BulkCheckpointStore.Scan> started = checkpoints.get(run.orgId, plan.object());
    if (started.isPresent() && started.get().scanId().equals(cursor.scanId())) {
      return true;
    }
    return options.appliesTo(counted(run, plan.object()));
  }

  /** What the run counted ahead for the object (0 when it could not count). */
  private long counted(RunState run, String object) {
    return stores
        .runs()
        .get(run.runId)
        .flatMap(r -> r.objects().stream().filter(o -> o.object().equals(object)).findFirst())
        .map(SyncRun.ObjectRun::total)
        .orElse(0L);
  }

  /** Reads the object's unfinished chunks into the mirror. */
  Result scan(
      RunState run, ObjectPlan plan, Cursor cursor, PageWriter.Target target, String phase) {
    BulkQueryClient bulk = run.client.bulk(options.pollInterval()).orElseThrow();
    String object = plan.object();
    stores.runs().startObject(run.runId, object, phase, counted(run, object));
    try {
      BulkCheckpointStore.Scan scan = resumeOrStart(run, plan, cursor, bulk);
      List<String> chunks;
      try {
        chunks = bulk.await(job(scan));
      } catch (SalesforceException e) {
        if (!"InvalidJob".equals(e.errorCode())) {
          throw e;
        }
        log.info("Bulk job {} of {} is gone; starting a new one", scan.jobId(), object);
        scan = start(run, plan, cursor, bulk);
        chunks = bulk.await(job(scan));
      }
      Set<String> done = checkpoints.doneChunks(run.orgId, object, scan.jobId());
      BulkRowDecoder decoder =
          new BulkRowDecoder(
              plan.describe() != null ? plan.describe() : run.client.describe(object));
      for (String chunk : chunks) {
        if (done.contains(chunk)) {
          continue;
        }
        Optional<Result> halted = readChunk(run, target, cursor, scan, chunk, bulk, decoder);
        if (halted.isPresent()) {
          return halted.get();
        }
      }
      Cursor end =
          scan.highWater() == null
              ? cursor
              : new Cursor(
                  object,
                  Cursor.Phase.INITIAL,
                  cursor.scanId(),
                  cursor.reconcile(),
                  scan.highWater(),
                  BEFORE_ANY_ID,
                  cursor.lastSyncedAt());
      return new Result(Outcome.DONE, end, null);
    } catch (ScopienException e) {
      if (e.kind() == ScopienException.Kind.RETRIABLE || RunCoordinator.isFatal(e)) {
        throw e;
      }
      fallBack(run, object, e);
      return new Result(Outcome.FALLBACK, cursor, null);
    }
  }

  /** The scan is over (its cursor is saved): its checkpoint is no longer needed. */
  void finished(String orgId, String object) {
    checkpoints.clear(orgId, object);
  }

  private BulkCheckpointStore.Scan resumeOrStart(
      RunState run, ObjectPlan plan, Cursor cursor, BulkQueryClient bulk) {
    Optional<BulkCheckpointStore.Scan> started = checkpoints.get(run.orgId, plan.object());
    if (started.isPresent() && started.get().scanId().equals(cursor.scanId())) {
      return started.get();
    }
    return start(run, plan, cursor, bulk);
  }

  private BulkCheckpointStore.Scan start(
      RunState run, ObjectPlan plan, Cursor cursor, BulkQueryClient bulk) {
    Instant highWater = newestModstamp(run, plan.object());
    String soql = Soql.select(plan.fields().toArray(String[]::new)).from(plan.object()).toSoql();
    BulkQueryClient.Job job =
        bulk.submit(new BulkQueryClient.BulkQuery(plan.object(), soql, false, options.chunkSize()));
    BulkCheckpointStore.Scan scan =
        new BulkCheckpointStore.Scan(
            cursor.scanId(), job.jobId(), job.batchId(), job.chunked(), highWater);
    Instant now = clock.instant();
    jdbc.inTransaction(
        () -> {
          // The scan id must survive this run, or the next one would not know the job is its own.
          stores.cursors().save(run.orgId, cursor, now);
          checkpoints.start(run.orgId, plan.object(), scan, now);
          return null;
        });
    log.info(
        "Reading {} with Bulk API job {} (PK chunks of {})",
        plan.object(),
        job.jobId(),
        options.chunkSize());
    return scan;
  }

  private Instant newestModstamp(RunState run, String object) {
    QueryPage page =
        run.client.query(
            Soql.select("SystemModstamp")
                .from(object)
                .orderByDesc("SystemModstamp")
                .limit(1)
                .toSoql());
    if (page.records().isEmpty()) {
      return null;
    }
    Object stamp = page.records().get(0).fields().get("SystemModstamp");
    return stamp == null ? null : SalesforceTime.parseDateTime(stamp.toString());
  }

  /** Streams one chunk into the mirror; empty when it is all stored, else why the run halts. */
  private Optional<Result> readChunk(
      RunState run,
      PageWriter.Target target,
      Cursor cursor,
      BulkCheckpointStore.Scan scan,
      String chunk,
      BulkQueryClient bulk,
      BulkRowDecoder decoder) {
    List<SObjectRecord> batch = new ArrayList<>(options.rowsPerCommit());
    long rows;
    try {
      rows =
          bulk.download(
              scan.jobId(),
              chunk,
              row -> {
                batch.add(decoder.decode(row));
                if (batch.size() >= options.rowsPerCommit()) {
                  writer.apply(target, batch, cursor, false);
                  batch.clear();
                  run.heartbeat();
                  haltIfAsked(run);
                }
              });
    } catch (Halt halt) {
      return Optional.of(new Result(halt.outcome, cursor, halt.usage));
    }
    Instant now = clock.instant();
    jdbc.inTransaction(
        () -> {
          writer.apply(target, batch, cursor, false);
          checkpoints.markDone(run.orgId, target.plan().object(), scan.jobId(), chunk, rows, now);
          return null;
        });
    run.heartbeat();
    try {
      haltIfAsked(run);
    } catch (Halt halt) {
      return Optional.of(new Result(halt.outcome, cursor, halt.usage));
    }
    return Optional.empty();
  }

  private void haltIfAsked(RunState run) {
    if (run.stopRequested()) {
      throw new Halt(Outcome.STOPPED, null);
    }
    Optional<ApiUsage> spent = budget.exhausted(run.client);
    if (spent.isPresent()) {
      throw new Halt(Outcome.PAUSED, spent.get());
    }
  }

  private void fallBack(RunState run, String object, ScopienException e) {
    log.warn("Bulk read of {} failed ({}); reading it with REST paging", object, e.code());
    checkpoints.clear(run.orgId, object);
    stores
        .errors()
        .record(
            new SyncErrorLog.Entry(
                run.orgId,
                run.runId,
                object,
                null,
                null,
                BULK_FAILED,
                "Bulk API read failed: " + e.getMessage(),
                "Read the object with REST paging instead",
                SyncError.Status.RESOLVED));
  }

  private static BulkQueryClient.Job job(BulkCheckpointStore.Scan scan) {
    return new BulkQueryClient.Job(scan.jobId(), scan.batchId(), scan.chunked());
  }
}
