package com.scopien.localorg;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Bulk API 2.0 query job: {@code UploadComplete → InProgress → JobComplete | Failed}, or {@code
 * Aborted}; once complete, the matched rows (references to the store's immutable rows) that the
 * results resource pages through. Thread-safe.
 */
final class BulkQueryJob {

  enum State {
    UploadComplete,
    InProgress,
    JobComplete,
    Failed,
    Aborted
  }

  private final String id;
  private final String operation;
  private final String object;
  private final String soql;
  private final String createdById;
  private final Instant created;
  private final String apiVersion;
  private final String columnDelimiter;
  private final String lineEnding;
  private State state = State.UploadComplete;
  private Instant modstamp;
  private String errorMessage;
  private long processingMillis;
  private QueryPlan plan;
  private List<StoredRecord> rows;

  BulkQueryJob(
      String id,
      String operation,
      String object,
      String soql,
      String createdById,
      Instant created,
      String apiVersion,
      String columnDelimiter,
      String lineEnding) {
    this.id = id;
    this.operation = operation;
    this.object = object;
    this.soql = soql;
    this.createdById = createdById;
    this.created = created;
    this.modstamp = created;
    this.apiVersion = apiVersion;
    this.columnDelimiter = columnDelimiter;
    this.lineEnding = lineEnding;
  }

  String id() {
    return id;
  }

  String soql() {
    return soql;
  }

  String apiVersion() {
    return apiVersion;
  }

  boolean includesDeleted() {
    return operation.equals("queryAll");
  }

  String columnDelimiter() {
    return columnDelimiter;
  }

  String lineEnding() {
    return lineEnding;
  }

  synchronized State state() {
    return state;
  }

  synchronized boolean start(Instant now) {
    if (state != State.UploadComplete) {
      return false;
    }
    state = State.InProgress;
    modstamp = now;
    return true;
  }

  synchronized void complete(
      QueryPlan donePlan, List<StoredRecord> doneRows, Instant now, long millis) {
    plan = donePlan;
    rows = doneRows;
    finish(State.JobComplete, null, now, millis);
  }

  synchronized void fail(String message, Instant now, long millis) {
    finish(State.Failed, message, now, millis);
  }

  synchronized void abort(Instant now) {
    if (state == State.JobComplete || state == State.Failed || state == State.Aborted) {
      throw ApiError.badRequest(
          "INVALIDJOBSTATE", "Aborting a job in state " + state + " is not allowed.");
    }
    finish(State.Aborted, null, now, processingMillis);
  }

  /** The plan and rows of a completed job. */
  synchronized Optional<Map.Entry<QueryPlan, List<StoredRecord>>> result() {
    return state == State.JobComplete ? Optional.of(Map.entry(plan, rows)) : Optional.empty();
  }

  /** The job as JSON; {@code detailed} adds what {@code GET /jobs/query/{id}} shows. */
  synchronized Map<String, Object> json(boolean detailed) {
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("id", id);
    job.put("operation", operation);
    job.put("object", object);
    job.put("createdById", createdById);
    job.put("createdDate", WireFormat.formatDateTime(created));
    job.put("systemModstamp", WireFormat.formatDateTime(modstamp));
    job.put("state", state.name());
    job.put("concurrencyMode", "Parallel");
    job.put("contentType", "CSV");
    job.put("apiVersion", Double.parseDouble(apiVersion));
    if (detailed) {
      job.put("jobType", "V2Query");
    }
    job.put("lineEnding", lineEnding);
    job.put("columnDelimiter", columnDelimiter);
    if (detailed) {
      job.put("numberRecordsProcessed", rows == null ? 0 : rows.size());
      job.put("retries", 0);
      job.put("totalProcessingTime", processingMillis);
      if (errorMessage != null) {
        job.put("errorMessage", errorMessage);
      }
    }
    return job;
  }

  private void finish(State newState, String message, Instant now, long millis) {
    state = newState;
    errorMessage = message;
    modstamp = now;
    processingMillis = millis;
  }
}
