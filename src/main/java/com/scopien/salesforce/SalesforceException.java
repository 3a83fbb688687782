package com.scopien.salesforce;

import com.scopien.ScopienException;

/**
 * An error Salesforce returned, or a failure to reach it. {@code errorCode} is Salesforce's own
 * ({@code INVALID_FIELD}, {@code UNABLE_TO_LOCK_ROW}, {@code invalid_grant} ...) and {@code
 * httpStatus} the status seen (0 when no reply came). The kind says what the caller can do:
 * RETRIABLE for passing faults, UPSTREAM for refusals that will not change on their own,
 * INVALID_INPUT when the request itself was wrong (bad field, malformed query).
 */
public class SalesforceException extends ScopienException {
  private final String errorCode;
  private final int httpStatus;

  public SalesforceException(Kind kind, String errorCode, int httpStatus, String message) {
    super(kind, "salesforce_" + errorCode.toLowerCase(java.util.Locale.ROOT), message);
    this.errorCode = errorCode;
    this.httpStatus = httpStatus;
  }

  public SalesforceException(
      Kind kind, String errorCode, int httpStatus, String message, Throwable cause) {
    super(kind, "salesforce_" + errorCode.toLowerCase(java.util.Locale.ROOT), message, cause);
    this.errorCode = errorCode;
    this.httpStatus = httpStatus;
  }

  public String errorCode() {
    return errorCode;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
