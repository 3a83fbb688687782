package com.scopien.salesforce;

import java.time.Instant;
import java.util.List;

/**
 * The replication resources: which records of an object changed, or were deleted, in a window.
 * Salesforce cuts seconds from both ends; reaches back 30 days for changes and 15 for deletions
 * ({@code INVALID_REPLICATION_DATE} beyond); and covers up to {@code latestDateCovered}, where the
 * next poll should start. Calls are reads and retry as the client's {@link RetryPolicy} allows.
 * Thread-safe.
 */
public interface ReplicationClient {

  /** Ids created or changed (by SystemModstamp) in {@code [start, end)}. */
  UpdatedRecords updated(String object, Instant start, Instant end);

  /** Records deleted in {@code [start, end)}, and from when the org still knows deletions. */
  DeletedRecords deleted(String object, Instant start, Instant end);

  /** The answer of {@code /updated}. */
  record UpdatedRecords(List<String> ids, Instant latestDateCovered) {
    public UpdatedRecords {
      ids = List.copyOf(ids);
    }
  }

  /**
   * The answer of {@code /deleted}. When {@code earliestDateAvailable} is after the last sync
   * point, deletions were purged unseen and a full resync is needed.
   */
  record DeletedRecords(
      List<DeletedRecord> records, Instant earliestDateAvailable, Instant latestDateCovered) {
    public DeletedRecords {
      records = List.copyOf(records);
    }

    /** Whether deletions since {@code since} may have been purged before they could be seen. */
    public boolean gapSince(Instant since) {
      return earliestDateAvailable != null && earliestDateAvailable.isAfter(since);
    }
  }

  /** One deleted record and when it was deleted. */
  record DeletedRecord(String id, Instant deletedDate) {}
}
