package com.scopien.sync;

import java.time.Instant;

/**
 * One entry of an org's sync error log: what went wrong, the action taken, and where that stands. A
 * problem that happens again updates its open entry ({@code occurrences}) instead of adding one.
 *
 * @param object null when the error concerns the whole run
 * @param recordId null unless one record failed
 * @param subject what else the error is about (a field name), or null
 * @param code a short stable identifier such as {@code field_missing} or {@code rate_limit}
 * @param message safe to show: never a secret or a record's hidden field
 * @param resolvedAt null while the error is open
 */
public record SyncError(
    long id,
    String orgId,
    String runId,
    String object,
    String recordId,
    String subject,
    String code,
    String message,
    String action,
    Status status,
    int occurrences,
    Instant occurredAt,
    Instant updatedAt,
    Instant resolvedAt) {

  /** Where the handling of an error stands. */
  public enum Status {
    /** Nothing to do but wait (the API allowance, an org that needs re-authorising). */
    WAITING("Waiting"),
    /** The next run tries again (a locked record, a passing fault, a parked record). */
    RETRYING("Retrying"),
    /** A person must act (a mapped field vanished). */
    NEEDS_ATTENTION("Needs attention"),
    /** Handled. */
    RESOLVED("Resolved");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    /** How people see the status. */
    public String label() {
      return label;
    }
  }
}
