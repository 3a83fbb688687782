package com.scopien.sync;

import com.scopien.ScopienException;
import com.scopien.salesforce.ApiUsage;
import com.scopien.salesforce.OAuthException;
import com.scopien.salesforce.SalesforceException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the objects of one run in turn and writes the run's summary. An object that fails does not
 * stop the others: its error is logged and the next run retries it. What stops the whole run at
 * once: a stop request, the API allowance reaching its share (a pause), the org's daily limit, or
 * an org whose session cannot be renewed. The org's lock is released however the run ends.
 */
final class RunCoordinator {
  private static final Logger log = LoggerFactory.getLogger(RunCoordinator.class);

  private final SyncStores stores;
  private final SyncPlanner planner;
  private final ObjectSync objects;
  private final LockStore locks;
  private final ApiBudget budget;
  private final Clock clock;
  private final Consumer<String> onSynced;

  RunCoordinator(
      SyncStores stores,
      SyncPlanner planner,
      ObjectSync objects,
      LockStore locks,
      ApiBudget budget,
      Clock clock,
      Consumer<String> onSynced) {
    this.stores = stores;
    this.planner = planner;
    this.objects = objects;
    this.locks = locks;
    this.budget = budget;
    this.clock = clock;
    this.onSynced = onSynced;
  }

  void execute(RunState run, List<String> names) {
    int done = 0;
    List<String> failed = new ArrayList<>();
    String halt = null;
    boolean fatal = false;
    try {
      for (String object : names) {
        if (run.stopRequested()) {
          halt = "Stopped on request; the next run resumes from the last checkpoint.";
          break;
        }
        Optional<ApiUsage> spent = budget.exhausted(run.client);
        if (spent.isPresent()) {
          halt = paused(run, object, spent.get());
          break;
        }
        try {
          ObjectPlan plan = planner.plan(run.orgId, run.runId, run.client, object);
          ObjectSync.Report report = objects.run(run, plan);
          switch (report.outcome()) {
            case DONE -> done++;
            case STOPPED -> {
              stores.runs().finishObject(run.runId, object, "stopped", "Stopped on request");
              halt = "Stopped on request; the next run resumes from the last checkpoint.";
            }
            case PAUSED -> halt = paused(run, object, report.usage());
          }
          if (halt != null) {
            break;
          }
        } catch (ScopienException e) {
          if (isFatal(e)) {
            fatal = true;
            halt = stopForGood(run, object, e);
            break;
          }
          failed.add(object);
          objectFailed(run, object, e.getMessage(), e.code());
        } catch (RuntimeException e) {
          log.error("Sync of {} in run {} failed unexpectedly", object, run.runId, e);
          failed.add(object);
          objectFailed(run, object, "An unexpected error stopped this object's sync.", "internal");
        }
      }
    } finally {
      finish(run, names.size(), done, failed, halt, fatal);
    }
  }

  private void finish(
      RunState run, int objectCount, int done, List<String> failed, String halt, boolean fatal) {
    try {
      long parked =
          stores
              .runs()
              .get(run.runId)
              .map(r -> r.objects().stream().mapToLong(SyncRun.ObjectRun::failed).sum())
              .orElse(0L);
      SyncRun.Status status;
      if (fatal || (done == 0 && failed.size() == objectCount && objectCount > 0)) {
        status = SyncRun.Status.FAILED;
      } else if (done == objectCount && parked == 0) {
        status = SyncRun.Status.SUCCEEDED;
      } else {
        status = SyncRun.Status.PARTIAL;
      }
      List<String> notes = new ArrayList<>();
      if (halt != null) {
        notes.add(halt);
      }
      if (!failed.isEmpty()) {
        notes.add("Failed: " + String.join(", ", failed) + "; the next run tries again.");
      }
      if (parked > 0) {
        notes.add(parked + " record(s) parked with their error; retried at the next run.");
      }
      stores
          .runs()
          .finish(
              run.runId,
              status,
              notes.isEmpty() ? null : String.join(" ", notes),
              run.client.calls(),
              clock.instant());
      if (done > 0) {
        onSynced.accept(run.orgId);
      }
    } finally {
      locks.release(run.orgId, run.runId);
    }
  }

  private String paused(RunState run, String object, ApiUsage usage) {
    String reading = usage == null ? "the daily API allowance is spent" : budget.describe(usage);
    stores.runs().finishObject(run.runId, object, "paused", "Paused: " + reading);
    stores
        .errors()
        .record(
            new SyncErrorLog.Entry(
                run.orgId,
                run.runId,
                null,
                null,
                null,
                "api_allowance",
                "API allowance: " + reading,
                "Paused sync at a checkpoint; it resumes at the next run once the allowance"
                    + " allows",
                SyncError.Status.WAITING));
    return "Paused: " + reading + ". The next run resumes from the checkpoint.";
  }

  private String stopForGood(RunState run, String object, ScopienException e) {
    boolean limit =
        e instanceof SalesforceException s && "REQUEST_LIMIT_EXCEEDED".equals(s.errorCode());
    String code = limit ? "rate_limit" : "org_unavailable";
    String message = limit ? "Rate limit exceeded: " + e.getMessage() : e.getMessage();
    String action =
        limit
            ? "Stopped this run; waiting for the daily allowance to recover (not retried hot)"
            : "Stopped sync of this org; an admin must connect it again";
    stores.runs().finishObject(run.runId, object, "failed", message);
    stores
        .errors()
        .record(
            new SyncErrorLog.Entry(
                run.orgId,
                run.runId,
                null,
                null,
                null,
                code,
                message,
                action,
                SyncError.Status.WAITING));
    return message;
  }

  private void objectFailed(RunState run, String object, String message, String code) {
    stores.runs().finishObject(run.runId, object, "failed", message);
    stores
        .errors()
        .record(
            new SyncErrorLog.Entry(
                run.orgId,
                run.runId,
                object,
                null,
                null,
                code == null ? "sync_failed" : code,
                message,
                "The next run tries again from the last checkpoint",
                SyncError.Status.RETRYING));
  }

  /** Errors after which no other object of the org can sync either. */
  static boolean isFatal(ScopienException e) {
    if (e instanceof OAuthException) {
      return true;
    }
    if (e instanceof SalesforceException s) {
      String code = s.errorCode();
      return "REQUEST_LIMIT_EXCEEDED".equals(code) || "INVALID_SESSION_ID".equals(code);
    }
    return e.kind() == ScopienException.Kind.UNAUTHENTICATED
        || e.kind() == ScopienException.Kind.FORBIDDEN;
  }
}
