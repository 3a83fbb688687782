package com.scopien.orgs;

/**
 * How a browser sign-in ended, for the admin who started it: {@code PENDING} while the browser is
 * still at the org, {@code CONNECTED} with the org, or {@code FAILED} with a stable code and a
 * message that says what to do. Nothing is stored for a failed sign-in.
 */
public record ConnectOutcome(
    String requestId, Status status, Org org, boolean reconnect, String errorCode, String message) {

  /** Where the sign-in stands. */
  public enum Status {
    PENDING,
    CONNECTED,
    FAILED
  }
}
