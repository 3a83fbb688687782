package com.scopien.localorg;

/**
 * A Bulk API 1.0 failure as Salesforce reports it: an HTTP status and an XML {@code <error>} with
 * an {@code exceptionCode} from force-wsc's {@code AsyncExceptionCode} and a message. Handlers
 * throw it; the server renders it in one place.
 */
final class BulkError extends RuntimeException {

  private final int status;
  private final String exceptionCode;

  BulkError(int status, String exceptionCode, String message) {
    super(message, null, false, false);
    this.status = status;
    this.exceptionCode = exceptionCode;
  }

  static BulkError invalidSession() {
    return new BulkError(400, "InvalidSessionId", "Invalid session id");
  }

  static BulkError invalidJob(String id) {
    return new BulkError(400, "InvalidJob", "Unable to find object: " + id);
  }

  static BulkError invalidBatch(String id) {
    return new BulkError(400, "InvalidBatch", "Unable to find batch for id: " + id);
  }

  int status() {
    return status;
  }

  String exceptionCode() {
    return exceptionCode;
  }
}
