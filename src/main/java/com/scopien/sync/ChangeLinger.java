package com.scopien.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Lets Scopien changes that arrive one by one gather into batches before a run pushes them. A run
 * first waits while changes to the object are still coming and there are fewer than a batch of
 * them: {@code linger} at a time, at most {@link SyncOptions#MAX_LINGERS} times, and not at all
 * when the newest change is older than a few lingers (retries, changes queued during a long run).
 * It waits before it reads Salesforce, so the read that finds records changed on both sides and the
 * push stay close together; a partial batch fed after that is left to the next run ({@link
 * #stillFed}).
 */
final class ChangeLinger {
  private final SyncStores stores;
  private final Duration linger;
  private final Clock clock;

  ChangeLinger(SyncStores stores, Duration linger, Clock clock) {
    this.stores = stores;
    this.linger = linger;
    this.clock = clock;
  }

  /** Waits for the object's changes to stop coming; returns when it stopped (null: never waits). */
  Instant awaitQuiet(RunState run, ObjectPlan plan) {
    if (linger.isZero()) {
      return null;
    }
    List<MirrorStore.Pending> batch = pending(run, plan);
    for (int waits = 0;
        waits < SyncOptions.MAX_LINGERS
            && !batch.isEmpty()
            && batch.size() < PushPass.BATCH
            && arriving(batch)
            && !run.stopRequested();
        waits++) {
      try {
        Thread.sleep(linger.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      List<MirrorStore.Pending> more = pending(run, plan);
      if (more.size() == batch.size()) {
        break;
      }
      batch = more;
      run.heartbeat();
    }
    return clock.instant();
  }

  /** Whether a batch is not full and holds changes made after the run stopped waiting. */
  static boolean stillFed(List<MirrorStore.Pending> batch, Instant quietAt) {
    return quietAt != null
        && batch.size() < PushPass.BATCH
        && batch.stream().anyMatch(p -> p.localChangedAt().isAfter(quietAt));
  }

  private List<MirrorStore.Pending> pending(RunState run, ObjectPlan plan) {
    return stores.mirror().pending(run.orgId, plan.object(), "", null, PushPass.BATCH);
  }

  private boolean arriving(List<MirrorStore.Pending> batch) {
    Instant recent = clock.instant().minus(linger.multipliedBy(4));
    return batch.stream().anyMatch(p -> p.localChangedAt().isAfter(recent));
  }
}
