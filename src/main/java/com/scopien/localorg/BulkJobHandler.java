package com.scopien.localorg;

import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Bulk API 1.0 under {@code /services/async/{version}/job} as force-wsc's {@code BulkConnection}
 * and jsforce drive it: create a job (XML {@code jobInfo}; queries may ask for {@code
 * Sforce-Enable-PKChunking}, upserts name their External Id), add batches (SOQL, or CSV rows for
 * insert, update, upsert, delete and hardDelete), read job and batch states, close or abort a job
 * with a POST, list a query batch's results ({@code result-list} of {@code 752} Ids) and stream
 * each as CSV, or read a DML batch's per-row results as CSV. Calls authenticate with {@code
 * X-SFDC-Session}, count against the daily allocation, may send gzip bodies, and fail with an XML
 * {@code <error>}.
 */
final class BulkJobHandler {

  static final int DEFAULT_CHUNK = 100_000;
  private static final Set<String> OPERATIONS =
      Set.of("query", "queryAll", "insert", "update", "upsert", "delete", "hardDelete");
  static final int MAX_CHUNK = 250_000;
  static final int MAX_BATCH_BYTES = 10_000_000;

  /** One authenticated call: the context, the version ({@code 62.0}) and the user. */
  private record Call(Context ctx, String version, String userId) {}

  private final BulkService bulk;
  private final SessionStore sessions;
  private final ApiUsageMeter usage;

  BulkJobHandler(BulkService bulk, SessionStore sessions, ApiUsageMeter usage) {
    this.bulk = bulk;
    this.sessions = sessions;
    this.usage = usage;
  }

  void createJob(Context ctx) throws IOException {
    Call call = open(ctx);
    Map<String, String> fields = BulkXml.readJob(body(ctx));
    String operation = fields.getOrDefault("operation", "");
    if (!OPERATIONS.contains(operation)) {
      throw new BulkError(400, "InvalidJob", "Invalid operation: " + operation);
    }
    ObjectDef object =
        bulk.store()
            .schema()
            .find(fields.getOrDefault("object", ""))
            .orElseThrow(
                () ->
                    new BulkError(
                        400, "InvalidJob", "Unable to find object: " + fields.get("object")));
    if (!"CSV".equals(fields.get("contentType"))) {
      throw new BulkError(
          400,
          "UnsupportedContentType",
          "This local org takes and answers Bulk API 1.0 data as CSV: set contentType to CSV");
    }
    FieldDef externalId = null;
    if (operation.equals("upsert")) {
      String name = fields.get("externalIdFieldName");
      externalId =
          object
              .field(name == null ? "" : name)
              .filter(FieldDef::externalId)
              .orElseThrow(
                  () ->
                      new BulkError(
                          400,
                          "InvalidJob",
                          "External ID field not found or not an External ID: " + name));
    }
    BulkJob job =
        new BulkJob(
            bulk.newId("750"),
            operation,
            object,
            call.userId(),
            bulk.now(),
            fields.getOrDefault("concurrencyMode", "Parallel"),
            call.version(),
            operation.startsWith("query")
                ? pkChunking(ctx.header("Sforce-Enable-PKChunking"))
                : null,
            externalId);
    bulk.add(job);
    xml(ctx, 201, BulkXml.job(job.view()));
  }

  void job(Context ctx) {
    open(ctx);
    xml(ctx, 200, BulkXml.job(findJob(ctx).view()));
  }

  /** POST to a job changes its state: {@code Closed} or {@code Aborted}. */
  void updateJob(Context ctx) throws IOException {
    open(ctx);
    BulkJob job = findJob(ctx);
    String state = BulkXml.readJob(body(ctx)).getOrDefault("state", "");
    BulkJob.State target;
    try {
      target = BulkJob.State.valueOf(state);
    } catch (IllegalArgumentException e) {
      throw new BulkError(400, "InvalidJobState", "Unknown job state: " + state);
    }
    job.changeState(target, bulk.now());
    xml(ctx, 200, BulkXml.job(job.view()));
  }

  void createBatch(Context ctx) throws IOException {
    open(ctx);
    BulkJob job = findJob(ctx);
    String request;
    try (InputStream in = body(ctx)) {
      byte[] bytes = in.readNBytes(MAX_BATCH_BYTES + 1);
      if (bytes.length > MAX_BATCH_BYTES) {
        throw new BulkError(400, "InvalidBatch", "Batch size exceeds 10000000 bytes");
      }
      request = new String(bytes, StandardCharsets.UTF_8);
    }
    if (job.isQuery()) {
      request = request.trim();
    }
    BulkBatch batch = new BulkBatch(bulk.newId("751"), job.id(), request, null, null, bulk.now());
    // The reply shows the batch as queued, however fast the worker picks it up.
    BulkBatch.View queued = batch.view();
    bulk.submit(job, batch);
    xml(ctx, 201, BulkXml.batch(queued));
  }

  void batches(Context ctx) {
    open(ctx);
    List<BulkBatch.View> views = findJob(ctx).batchViews();
    xml(ctx, 200, BulkXml.batchList(views));
  }

  void batch(Context ctx) {
    open(ctx);
    xml(ctx, 200, BulkXml.batch(findBatch(ctx).view()));
  }

  void request(Context ctx) {
    open(ctx);
    ctx.status(200).contentType("text/csv; charset=UTF-8").result(findBatch(ctx).request());
  }

  /** A query batch's {@code result-list}, or a DML batch's per-row results as CSV. */
  void resultList(Context ctx) throws IOException {
    open(ctx);
    BulkBatch batch = findBatch(ctx);
    var rows = batch.rowResults().orElse(null);
    if (rows != null) {
      ctx.status(200).contentType("text/csv; charset=UTF-8");
      Writer out =
          new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
      BulkDml.write(out, rows);
      out.flush();
      return;
    }
    xml(ctx, 200, BulkXml.resultList(completed(batch).resultIds()));
  }

  /** Streams one result file as CSV, row by row. */
  void result(Context ctx) throws IOException {
    open(ctx);
    BulkBatch.Result result = completed(findBatch(ctx));
    String resultId = ctx.pathParam("resultId");
    int[] range =
        result
            .range(resultId)
            .orElseThrow(
                () -> new BulkError(400, "InvalidBatch", "Unable to find result: " + resultId));
    ctx.status(200).contentType("text/csv; charset=UTF-8");
    Writer out =
        new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
    new QueryCsv(bulk.store(), result.plan(), ',', "\n")
        .write(out, result.rows(), range[0], range[1]);
    out.flush();
  }

  /** Authenticates and meters the call. */
  private Call open(Context ctx) {
    String version = ctx.pathParam("version");
    if (!version.matches("\\d{2}\\.0")
        || Integer.parseInt(version.substring(0, 2)) < ApiVersions.OLDEST
        || Integer.parseInt(version.substring(0, 2)) > ApiVersions.NEWEST) {
      throw new BulkError(404, "InvalidVersion", "Invalid API version: " + version);
    }
    SessionStore.Session session =
        sessions.touch(ctx.header("X-SFDC-Session")).orElseThrow(BulkError::invalidSession);
    long used;
    try {
      used = usage.acquire();
    } catch (ApiError limit) {
      throw new BulkError(403, "ExceededQuota", "TotalRequests Limit exceeded.");
    }
    ctx.header("Sforce-Limit-Info", "api-usage=" + used + "/" + usage.max());
    return new Call(ctx, version, session.userId());
  }

  private BulkJob findJob(Context ctx) {
    String id = ctx.pathParam("jobId");
    return SalesforceIds.normalize(id)
        .flatMap(bulk::job)
        .orElseThrow(() -> BulkError.invalidJob(id));
  }

  private BulkBatch findBatch(Context ctx) {
    String id = ctx.pathParam("batchId");
    return SalesforceIds.normalize(id)
        .flatMap(findJob(ctx)::batch)
        .orElseThrow(() -> BulkError.invalidBatch(id));
  }

  private static BulkBatch.Result completed(BulkBatch batch) {
    return batch
        .result()
        .orElseThrow(() -> new BulkError(400, "InvalidBatch", "Batch not completed"));
  }

  /** The body, inflated when the client gzipped it (force-wsc does by default). */
  private static InputStream body(Context ctx) throws IOException {
    InputStream in = ctx.bodyInputStream();
    return "gzip".equalsIgnoreCase(ctx.header("Content-Encoding")) ? new GZIPInputStream(in) : in;
  }

  /**
   * {@code TRUE}, {@code FALSE} or {@code chunkSize=N; startRow=Id} (and {@code parent=}, which
   * this org does not need): null when chunking is off.
   */
  static BulkJob.PkChunking pkChunking(String header) {
    if (header == null || header.isBlank() || header.trim().equalsIgnoreCase("false")) {
      return null;
    }
    int size = DEFAULT_CHUNK;
    String startRow = null;
    if (!header.trim().equalsIgnoreCase("true")) {
      for (String option : header.split(";")) {
        String[] pair = option.trim().split("=", 2);
        String name = pair[0].trim().toLowerCase(Locale.ROOT);
        String value = pair.length == 2 ? pair[1].trim() : "";
        if (name.equals("chunksize")) {
          try {
            size = Integer.parseInt(value);
          } catch (NumberFormatException e) {
            size = -1;
          }
          if (size < 1 || size > MAX_CHUNK) {
            throw new BulkError(
                400, "InvalidJob", "Chunk size must be between 1 and " + MAX_CHUNK + ": " + value);
          }
        } else if (name.equals("startrow")) {
          startRow =
              SalesforceIds.normalize(value)
                  .orElseThrow(
                      () -> new BulkError(400, "InvalidJob", "Invalid startRow: " + value));
        }
      }
    }
    return new BulkJob.PkChunking(size, startRow);
  }

  private static void xml(Context ctx, int status, String body) {
    ctx.status(status).contentType("application/xml").result(body);
  }
}
