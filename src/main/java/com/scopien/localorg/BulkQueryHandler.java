package com.scopien.localorg;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bulk API 2.0 query jobs under {@code /jobs/query}: create (the SOQL is checked at once), read,
 * abort (PATCH {@code {"state":"Aborted"}}), delete, list, and page through the CSV results with
 * {@code ?locator=&maxRecords=}. Each results page says how many rows it holds ({@code
 * Sforce-NumberOfRecords}) and where the next starts ({@code Sforce-Locator}, the text {@code null}
 * after the last). Results must be read with the API version that created the job (409 otherwise)
 * and only once the job is JobComplete.
 */
final class BulkQueryHandler {

  static final int DEFAULT_MAX_RECORDS = 50_000;

  private static final Map<String, Character> DELIMITERS =
      Map.of(
          "COMMA", ',', "TAB", '\t', "PIPE", '|', "SEMICOLON", ';', "CARET", '^', "BACKQUOTE", '`');

  private final BulkService bulk;

  BulkQueryHandler(BulkService bulk) {
    this.bulk = bulk;
  }

  void create(RestCall call) {
    JsonNode body = call.jsonBody();
    String operation = body.path("operation").asText("query");
    if (!operation.equals("query") && !operation.equals("queryAll")) {
      throw ApiError.badRequest("INVALIDJOB", "Invalid operation: " + operation);
    }
    String soql = body.path("query").asText("");
    if (soql.isBlank()) {
      throw ApiError.badRequest("INVALIDJOB", "A query is required");
    }
    String delimiter = body.path("columnDelimiter").asText("COMMA");
    String lineEnding = body.path("lineEnding").asText("LF");
    if (!DELIMITERS.containsKey(delimiter) || !List.of("LF", "CRLF").contains(lineEnding)) {
      throw ApiError.badRequest("INVALIDJOB", "Invalid columnDelimiter or lineEnding");
    }
    QueryPlan plan = bulk.plan(soql);
    BulkQueryJob job =
        new BulkQueryJob(
            bulk.newId("750"),
            operation,
            plan.object().name(),
            soql,
            call.userId(),
            bulk.now(),
            call.version(),
            delimiter,
            lineEnding);
    Map<String, Object> reply = job.json(false);
    bulk.add(job);
    call.reply(200, reply);
  }

  void get(RestCall call) {
    call.reply(200, job(call).json(true));
  }

  void list(RestCall call) {
    List<Map<String, Object>> records = new ArrayList<>();
    bulk.queryJobs().forEach(job -> records.add(job.json(false)));
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("done", true);
    reply.put("records", records);
    reply.put("nextRecordsUrl", null);
    call.reply(200, reply);
  }

  void abort(RestCall call) {
    BulkQueryJob job = job(call);
    if (!"Aborted".equals(call.jsonBody().path("state").asText())) {
      throw ApiError.badRequest("INVALIDJOBSTATE", "Query jobs can only be set to Aborted.");
    }
    job.abort(bulk.now());
    call.reply(200, job.json(false));
  }

  void delete(RestCall call) {
    bulk.remove(job(call));
    call.ctx().status(204);
  }

  void results(RestCall call) throws IOException {
    BulkQueryJob job = job(call);
    if (!job.apiVersion().equals(call.version())) {
      throw new ApiError(
          409,
          "INVALIDJOBSTATE",
          "Results must be requested with API version " + job.apiVersion(),
          null);
    }
    Map.Entry<QueryPlan, List<StoredRecord>> result =
        job.result()
            .orElseThrow(
                () ->
                    ApiError.badRequest(
                        "INVALIDJOBSTATE", "Job is not complete: state is " + job.state()));
    List<StoredRecord> rows = result.getValue();
    int from = offset(call.ctx().queryParam("locator"), rows.size());
    int max = maxRecords(call.ctx().queryParam("maxRecords"));
    int to = (int) Math.min((long) from + max, rows.size());
    call.ctx()
        .status(200)
        .contentType("text/csv; charset=UTF-8")
        .header("Sforce-NumberOfRecords", String.valueOf(to - from))
        .header("Sforce-Locator", to < rows.size() ? locator(to) : "null");
    Writer out =
        new BufferedWriter(
            new OutputStreamWriter(call.ctx().outputStream(), StandardCharsets.UTF_8));
    new QueryCsv(
            bulk.store(),
            result.getKey(),
            DELIMITERS.get(job.columnDelimiter()),
            job.lineEnding().equals("CRLF") ? "\r\n" : "\n")
        .write(out, rows, from, to);
    out.flush();
  }

  private BulkQueryJob job(RestCall call) {
    String id = call.ctx().pathParam("jobId");
    Optional<BulkQueryJob> job = SalesforceIds.normalize(id).flatMap(bulk::queryJob);
    return job.orElseThrow(ApiError::notFound);
  }

  /** Locators are the Base64 text of the next row's offset, as Salesforce's look. */
  private static String locator(int offset) {
    return Base64.getEncoder()
        .encodeToString(String.valueOf(offset).getBytes(StandardCharsets.US_ASCII));
  }

  private static int offset(String locator, int size) {
    if (locator == null || locator.isEmpty()) {
      return 0;
    }
    try {
      int offset =
          Integer.parseInt(
              new String(Base64.getDecoder().decode(locator), StandardCharsets.US_ASCII));
      if (offset >= 0 && offset <= size) {
        return offset;
      }
    } catch (IllegalArgumentException e) {
      // Falls through to the error below.
    }
    throw ApiError.badRequest("INVALIDLOCATOR", "Invalid locator: " + locator);
  }

  private static int maxRecords(String text) {
    if (text == null || text.isEmpty()) {
      return DEFAULT_MAX_RECORDS;
    }
    try {
      int max = Integer.parseInt(text);
      if (max > 0) {
        return max;
      }
    } catch (NumberFormatException e) {
      // Falls through to the error below.
    }
    throw ApiError.badRequest("INVALIDPARAMETER", "maxRecords must be a positive number");
  }
}
