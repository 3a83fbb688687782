package com.scopien.salesforce;

import com.scopien.ScopienException.Kind;
import com.sforce.async.AsyncApiException;
import com.sforce.async.AsyncExceptionCode;
import com.sforce.async.BatchInfo;
import com.sforce.async.BatchStateEnum;
import com.sforce.async.ConcurrencyMode;
import com.sforce.async.ContentType;
import com.sforce.async.JobInfo;
import com.sforce.async.OperationEnum;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Large queries through Bulk API 1.0 with force-wsc's {@code BulkConnection}: one query job with
 * one batch (split by Salesforce into Id ranges when PK chunking is asked for), polled until done,
 * then every result file streamed as CSV to a consumer row by row, so no result is ever held whole
 * in memory.
 *
 * <p>Failures are {@link SalesforceException}s. An expired session is renewed once and the
 * connection rebuilt; polls and result downloads (reads) retry as the {@link RetryPolicy} allows, a
 * result download resuming after the rows already delivered; creating the job or the batch is never
 * retried. A failed batch (bad SOQL) is INVALID_INPUT with Salesforce's code when it gives one.
 * When anything fails after the job exists, the job is aborted. Thread-safe: each query is its own
 * job.
 */
public final class BulkQueryClient {

  private static final Pattern FAILED_CODE =
      Pattern.compile("Failed to process query: ([A-Z_]+): ");

  /**
   * One bulk query.
   *
   * @param object the object the SOQL selects from
   * @param soql the query (no child subqueries or aggregates: Bulk refuses them)
   * @param includeDeleted queryAll: also rows in the recycle bin
   * @param pkChunkSize rows per PK chunk (up to 250,000), or 0 for no chunking
   */
  public record BulkQuery(String object, String soql, boolean includeDeleted, int pkChunkSize) {
    public BulkQuery {
      HttpSalesforceClient.check(HttpSalesforceClient.NAME, object, "INVALID_TYPE", "object name");
      if (soql == null || soql.isBlank()) {
        throw HttpSalesforceClient.invalid("MALFORMED_QUERY", "The SOQL query is empty.");
      }
      if (pkChunkSize < 0 || pkChunkSize > 250_000) {
        throw HttpSalesforceClient.invalid(
            "INVALID_CHUNK_SIZE", "pkChunkSize must be 0 (off) to 250000.");
      }
    }
  }

  /** What a finished query did: its job, how many batches produced rows, how many rows. */
  public record Summary(String jobId, int batches, long rows) {}

  private final BulkCalls calls;
  private final Duration pollInterval;
  private final Duration maxWait;

  /** Polls every 2 seconds and waits at most an hour for a job. */
  public BulkQueryClient(SessionProvider sessions, ClientOptions options) {
    this(new BulkCalls(sessions, options), Duration.ofSeconds(2), Duration.ofHours(1));
  }

  private BulkQueryClient(BulkCalls calls, Duration pollInterval, Duration maxWait) {
    this.calls = calls;
    this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
  }

  /** The same client polling at another pace. */
  public BulkQueryClient withPolling(Duration interval, Duration wait) {
    return new BulkQueryClient(calls, interval, wait);
  }

  /**
   * A submitted query job: its id, the batch holding the SOQL, and whether Salesforce splits it
   * into PK chunks (then the rows are in the chunk batches, not in {@code batchId}).
   */
  public record Job(String jobId, String batchId, boolean chunked) {}

  /**
   * Runs the query and hands each row to {@code rows} as column name to value ({@code Account.Name}
   * for parent fields; null for empty values, which Bulk CSV cannot tell apart), batch after batch,
   * on the calling thread.
   *
   * @throws SalesforceException when the job cannot run or a batch fails
   */
  public Summary query(BulkQuery query, Consumer<Map<String, String>> rows) {
    Job job = submit(query);
    boolean finished = false;
    try {
      List<String> done = await(job);
      finished = true;
      long count = 0;
      for (String batchId : done) {
        count += download(job.jobId(), batchId, rows);
      }
      return new Summary(job.jobId(), done.size(), count);
    } finally {
      if (!finished) {
        abort(job.jobId());
      }
    }
  }

  /**
   * The first step of {@link #query} on its own, for callers that checkpoint per chunk: creates the
   * job, adds the query batch and closes the job. Never retried (it would create a second job).
   */
  public Job submit(BulkQuery query) {
    Map<String, String> headers =
        query.pkChunkSize() > 0
            ? Map.of("Sforce-Enable-PKChunking", "chunkSize=" + query.pkChunkSize())
            : Map.of();
    JobInfo job =
        calls.run("create job", false, headers, connection -> connection.createJob(jobInfo(query)));
    try {
      BatchInfo batch =
          calls.run(
              "add batch",
              false,
              Map.of(),
              connection ->
                  connection.createBatchFromStream(
                      job,
                      new ByteArrayInputStream(query.soql().getBytes(StandardCharsets.UTF_8))));
      calls.run("close job", true, Map.of(), connection -> connection.closeJob(job.getId()));
      return new Job(job.getId(), batch.getId(), query.pkChunkSize() > 0);
    } catch (RuntimeException e) {
      abort(job.getId());
      throw e;
    }
  }

  /**
   * Polls until the job's batch (or, chunked, every chunk) is done and returns the ids of the
   * batches holding rows, in Salesforce's order. A job submitted earlier, even by another process,
   * can be awaited again while Salesforce keeps it (7 days); a job it no longer knows fails with
   * {@code InvalidJob}.
   *
   * @throws SalesforceException when a batch failed or the wait ran out
   */
  public List<String> await(Job job) {
    return await(job.jobId(), job.batchId(), job.chunked()).stream().map(BatchInfo::getId).toList();
  }

  /**
   * Streams every result file of one finished batch to {@code rows}; returns how many rows it
   * delivered. A download that fails midway is retried, skipping the rows already delivered.
   */
  public long download(String jobId, String batchId, Consumer<Map<String, String>> rows) {
    String[] results =
        calls
            .run("result list", true, Map.of(), c -> c.getQueryResultList(jobId, batchId))
            .getResult();
    long total = 0;
    for (String resultId : results) {
      long[] delivered = {0};
      calls.run(
          "result",
          true,
          Map.of(),
          c -> {
            try (InputStream in = c.getQueryResultStream(jobId, batchId, resultId)) {
              readCsv(in, delivered, rows);
              return null;
            } catch (IOException e) {
              throw new AsyncApiException(
                  "Reading a bulk result failed", AsyncExceptionCode.ClientInputError, e);
            }
          });
      total += delivered[0];
    }
    return total;
  }

  /** Aborts the job, quietly: a job that cannot be aborted expires on its own. */
  public void abort(String jobId) {
    try {
      calls.run("abort job", true, Map.of(), c -> c.abortJob(jobId));
    } catch (RuntimeException e) {
      // The failure that brought us here matters more; the job expires on its own.
    }
  }

  private static JobInfo jobInfo(BulkQuery query) {
    JobInfo job = new JobInfo();
    job.setObject(query.object());
    job.setOperation(query.includeDeleted() ? OperationEnum.queryAll : OperationEnum.query);
    job.setContentType(ContentType.CSV);
    job.setConcurrencyMode(ConcurrencyMode.Parallel);
    return job;
  }

  /** Polls until the batch (or, chunked, every chunk) is done; returns the batches with rows. */
  private List<BatchInfo> await(String jobId, String batchId, boolean chunked) {
    long deadline = System.nanoTime() + maxWait.toNanos();
    while (true) {
      BatchInfo[] batches =
          calls.run("poll", true, Map.of(), c -> c.getBatchInfoList(jobId)).getBatchInfo();
      BatchInfo original = null;
      List<BatchInfo> chunks = new ArrayList<>();
      boolean running = false;
      for (BatchInfo batch : batches) {
        if (batch.getId().equals(batchId)) {
          original = batch;
        } else {
          chunks.add(batch);
          running |= !terminal(batch.getState());
        }
      }
      if (original == null) {
        throw SalesforceErrors.unexpected(200, "batch list (our batch is missing)");
      }
      BatchStateEnum state = original.getState();
      if (state == BatchStateEnum.Failed) {
        throw failed(original);
      }
      if (state == BatchStateEnum.Completed) {
        return List.of(original);
      }
      if (state == BatchStateEnum.NotProcessed && !chunked) {
        throw new SalesforceException(
            Kind.UPSTREAM, "BATCH_NOT_PROCESSED", 0, "Salesforce did not process the batch.");
      }
      // PK chunking always makes at least one chunk: none yet is a list caught mid-way, not "done".
      if (state == BatchStateEnum.NotProcessed && !running && !chunks.isEmpty()) {
        for (BatchInfo chunk : chunks) {
          if (chunk.getState() != BatchStateEnum.Completed) {
            throw failed(chunk);
          }
        }
        return chunks;
      }
      if (System.nanoTime() > deadline) {
        throw new SalesforceException(
            Kind.RETRIABLE,
            "TIMEOUT",
            0,
            "The bulk query did not finish within " + maxWait.toMinutes() + " minutes.");
      }
      calls.pause(pollInterval);
    }
  }

  private static void readCsv(InputStream in, long[] delivered, Consumer<Map<String, String>> rows)
      throws IOException {
    // commons-csv streams the records, so a result file of any size passes in constant memory.
    CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    CSVParser csv =
        CSVParser.builder()
            .setReader(new InputStreamReader(in, StandardCharsets.UTF_8))
            .setFormat(format)
            .get();
    Iterator<CSVRecord> records = csv.iterator();
    try {
      if (records.hasNext()) {
        deliver(records.next().toList(), records, delivered, rows);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void deliver(
      List<String> header,
      Iterator<CSVRecord> records,
      long[] delivered,
      Consumer<Map<String, String>> rows) {
    long seen = 0;
    while (records.hasNext()) {
      List<String> values = records.next().toList();
      if (values.size() == 1 && values.get(0).isEmpty() && header.size() > 1) {
        continue;
      }
      if (seen++ < delivered[0]) {
        continue;
      }
      Map<String, String> row = new LinkedHashMap<>(header.size() * 2);
      for (int i = 0; i < header.size(); i++) {
        String value = i < values.size() ? values.get(i) : "";
        row.put(header.get(i), value.isEmpty() ? null : value);
      }
      rows.accept(row);
      delivered[0]++;
    }
  }

  private static boolean terminal(BatchStateEnum state) {
    return state == BatchStateEnum.Completed
        || state == BatchStateEnum.Failed
        || state == BatchStateEnum.NotProcessed;
  }

  private static SalesforceException failed(BatchInfo batch) {
    String message = batch.getStateMessage() == null ? "" : batch.getStateMessage();
    Matcher code = FAILED_CODE.matcher(message);
    String errorCode = code.find() ? code.group(1) : "BATCH_FAILED";
    Kind kind =
        errorCode.equals("BATCH_FAILED") ? Kind.UPSTREAM : SalesforceErrors.kindOf(400, errorCode);
    return new SalesforceException(
        kind, errorCode, 0, message.isEmpty() ? "The bulk batch failed." : message);
  }
}
