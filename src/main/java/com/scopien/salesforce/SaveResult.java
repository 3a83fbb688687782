package com.scopien.salesforce;

import java.util.List;

/**
 * What Salesforce did with one record of a write: its Id (null when a create failed or was rolled
 * back), whether it succeeded, whether an upsert created it (false for other writes), and its
 * errors (empty on success).
 */
public record SaveResult(String id, boolean success, boolean created, List<RecordError> errors) {
  public SaveResult {
    errors = List.copyOf(errors);
  }

  /** One error of one record, as collections report it ({@code statusCode}, not errorCode). */
  public record RecordError(String statusCode, String message, List<String> fields) {
    public RecordError {
      fields = List.copyOf(fields);
    }
  }

  /**
   * The first error of the record at {@code index} of a batch's results, or {@code UNKNOWN_ERROR}
   * when Salesforce answered with fewer results than records or a failure without errors.
   */
  public static RecordError firstError(List<SaveResult> results, int index) {
    SaveResult result = index < results.size() ? results.get(index) : null;
    return result == null || result.errors().isEmpty()
        ? new RecordError("UNKNOWN_ERROR", "No result for this record", List.of())
        : result.errors().get(0);
  }

  /** Whether the record failed only because another record of an all-or-none request did. */
  public boolean rolledBack() {
    return !success
        && !errors.isEmpty()
        && errors.stream()
            .allMatch(e -> e.statusCode().equals("ALL_OR_NONE_OPERATION_ROLLED_BACK"));
  }
}
