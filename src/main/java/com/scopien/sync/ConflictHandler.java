package com.scopien.sync;

import com.scopien.sync.SyncSettings.ConflictPolicy;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;

/**
 * What happens when Salesforce has a newer version of a record that also has a pending Scopien
 * change: the object's conflict policy decides. Salesforce wins: its version is applied and the
 * Scopien change dropped. Scopien wins: its version is applied under the Scopien change, which is
 * then pushed. Manual review: nothing is overwritten; both versions wait in a conflict. A record
 * deleted in Salesforce always ends the Scopien change. Each outcome is written to the error log.
 * Runs inside the caller's transaction.
 */
final class ConflictHandler {
  static final String CODE = "conflict";

  /**
   * The decision: the version to store as the Salesforce side (null: leave the mirror as it is),
   * whether the Scopien change stays pending, and whether this was news (false when an open
   * conflict already held this version, so it is not counted again).
   */
  record Outcome(MirrorRow apply, boolean keepLocal, boolean counted) {
    Outcome(MirrorRow apply, boolean keepLocal) {
      this(apply, keepLocal, true);
    }
  }

  private final SyncStores stores;
  private final Clock clock;

  ConflictHandler(SyncStores stores, Clock clock) {
    this.stores = stores;
    this.clock = clock;
  }

  Outcome resolve(
      String orgId,
      String runId,
      ConflictPolicy policy,
      MirrorRow remote,
      Map<String, Object> local,
      Map<String, Object> base) {
    String object = remote.object();
    if (remote.deleted()) {
      // A conflict waiting for review has nothing left to choose between: close it with the rest.
      stores.conflicts().closeForRecord(orgId, object, remote.id(), clock.instant());
      log(
          orgId,
          runId,
          remote,
          "Record deleted in Salesforce while changed in Scopien",
          "Dropped the Scopien change; the record is gone",
          SyncError.Status.RESOLVED);
      return new Outcome(remote, false);
    }
    return switch (policy) {
      case SALESFORCE_WINS -> {
        log(
            orgId,
            runId,
            remote,
            "Changed on both sides: " + fieldsOf(local),
            "Salesforce wins (policy): kept Salesforce's values, dropped Scopien's change",
            SyncError.Status.RESOLVED);
        yield new Outcome(remote, false);
      }
      case SCOPIEN_WINS -> {
        log(
            orgId,
            runId,
            remote,
            "Changed on both sides: " + fieldsOf(local),
            "Scopien wins (policy): Scopien's values are pushed over Salesforce's",
            SyncError.Status.RESOLVED);
        yield new Outcome(remote.overlaid(local), true);
      }
      case MANUAL_REVIEW -> {
        boolean news =
            stores
                .conflicts()
                .open(orgId, object, remote.id(), local, remote, base, clock.instant());
        if (news) {
          log(
              orgId,
              runId,
              remote,
              "Changed on both sides: " + fieldsOf(local),
              "Kept both versions for manual review; nothing overwritten",
              SyncError.Status.NEEDS_ATTENTION);
        }
        yield new Outcome(null, true, news);
      }
    };
  }

  static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    return a == null ? b == null : a.equals(b);
  }

  private void log(
      String orgId,
      String runId,
      MirrorRow remote,
      String message,
      String action,
      SyncError.Status status) {
    stores
        .errors()
        .record(
            new SyncErrorLog.Entry(
                orgId, runId, remote.object(), remote.id(), null, CODE, message, action, status));
  }

  private static String fieldsOf(Map<String, Object> local) {
    return String.join(", ", local.keySet());
  }
}
