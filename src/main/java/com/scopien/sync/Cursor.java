package com.scopien.sync;

import java.time.Instant;

/**
 * Where one object's sync stands: the {@code (SystemModstamp, Id)} of the last record applied, in
 * the order Salesforce returned them. In the {@link Phase#INITIAL} phase a full scan is under way
 * (or has not begun) and resumes after that point; in {@link Phase#INCREMENTAL} the next run reads
 * the changes after it.
 *
 * @param scanId identifies the full scan in progress, so that a resumed scan is the same scan
 * @param reconcile whether the scan must delete the mirror rows it did not see (a resync)
 * @param modstamp null before the first record
 * @param lastSyncedAt when a run last completed this object, or null
 */
record Cursor(
    String object,
    Phase phase,
    String scanId,
    boolean reconcile,
    Instant modstamp,
    String lastId,
    Instant lastSyncedAt) {

  enum Phase {
    INITIAL,
    INCREMENTAL
  }

  /** The cursor of an object never synced. */
  static Cursor fresh(String object, String scanId) {
    return new Cursor(object, Phase.INITIAL, scanId, false, null, null, null);
  }

  /** This cursor moved to the given record when that record comes later in the scan order. */
  Cursor advancedTo(Instant stamp, String id) {
    if (modstamp != null) {
      int byStamp = stamp.compareTo(modstamp);
      if (byStamp < 0 || (byStamp == 0 && id.compareToIgnoreCase(lastId) <= 0)) {
        return this;
      }
    }
    return new Cursor(object, phase, scanId, reconcile, stamp, id, lastSyncedAt);
  }

  /** The full scan is over: from now on only changes are read. */
  Cursor caughtUp(Instant now) {
    return new Cursor(object, Phase.INCREMENTAL, null, false, modstamp, lastId, now);
  }

  /** An incremental pass is over. */
  Cursor synced(Instant now) {
    return new Cursor(object, phase, scanId, reconcile, modstamp, lastId, now);
  }

  /** A new full scan from the start, deleting what it does not see when the mirror has rows. */
  Cursor restartScan(String newScanId, boolean mustReconcile) {
    return new Cursor(object, Phase.INITIAL, newScanId, mustReconcile, null, null, lastSyncedAt);
  }
}
