package com.scopien.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import com.scopien.orgs.Org;
import com.scopien.store.DatabaseTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One run per org, and what happens when the process of a run dies (kill -9): its lock must not
 * keep the org from syncing, and waiting for its run must end.
 */
class SyncRunLockTest extends DatabaseTestBase {

  @Test
  void waitingForARunWhoseProcessDiedEndsItAsInterruptedAndTheNextRunTakesOver() throws Exception {
    FakeSalesforceClient salesforce = new FakeSalesforceClient();
    salesforce.seed("Account", 30);
    try (SyncFixture fixture =
        new SyncFixture(jdbc(), SyncOptions.defaults().withStaleRunAfter(Duration.ofSeconds(2)))) {
      Org org = fixture.org(salesforce);
      String dead = deadRun(org, Instant.now().minusSeconds(1));

      // What a restarted CLI does: its start returns the run that holds the lock, and it follows.
      assertThat(fixture.sync.start(org.id(), List.of("Account"), false)).isEqualTo(dead);
      SyncRun followed = fixture.sync.await(dead, Duration.ofSeconds(20));

      assertThat(followed.status()).isEqualTo(SyncRun.Status.FAILED);
      assertThat(followed.message()).startsWith("Interrupted");
      SyncRun next = fixture.syncAndWait(org, List.of("Account"), false);
      assertThat(next.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
      assertThat(fixture.mirrorCount(org, "Account")).isEqualTo(30);
    }
  }

  @Test
  void aLiveRunKeepsItsLockWhileOnePageTakesLongerThanTheStalenessWindow() throws Exception {
    FakeSalesforceClient salesforce = new FakeSalesforceClient();
    salesforce.pageSize(200);
    salesforce.seed("Account", 400);
    FaultyClient slow = new FaultyClient(salesforce, -1);
    CountDownLatch slowPage = new CountDownLatch(1);
    slow.beforePage(
        2,
        () -> {
          slowPage.countDown();
          sleep(Duration.ofMillis(2_500));
        });
    SyncOptions options = SyncOptions.defaults().withStaleRunAfter(Duration.ofSeconds(1));
    try (SyncFixture first = new SyncFixture(jdbc(), options);
        SyncFixture second = new SyncFixture(jdbc(), options)) {
      Org org = first.org(slow);
      second.orgs.adopt(org, salesforce);
      String runId = first.sync.start(org.id(), List.of("Account"), false);
      assertThat(slowPage.await(20, TimeUnit.SECONDS)).isTrue();
      sleep(Duration.ofMillis(1_500));

      // Another instance sees a live run, not a dead one to take over.
      assertThatThrownBy(() -> second.sync.start(org.id(), List.of("Account"), true))
          .isInstanceOf(ScopienException.class)
          .hasFieldOrPropertyWithValue("code", "sync_running");
      SyncRun run = first.await(runId);
      assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
      assertThat(first.mirrorCount(org, "Account")).isEqualTo(400);
    }
  }

  /** A run left RUNNING with its lock by a process that died at {@code lastBeat}. */
  private String deadRun(Org org, Instant lastBeat) {
    String runId = "dead-" + org.id().substring(0, 8);
    SyncStores stores = SyncStores.over(jdbc(), new JsonCodec(), java.time.Clock.systemUTC());
    stores
        .runs()
        .create(
            new SyncRun(
                runId,
                org.id(),
                SyncRun.Trigger.CLI,
                false,
                SyncRun.Status.RUNNING,
                null,
                0,
                lastBeat,
                null,
                List.of(
                    new SyncRun.ObjectRun(
                        "Account", "initial", "running", 0, 0, 0, 0, 0, 0, 0, 0, null))),
            lastBeat);
    jdbc()
        .update(
            "INSERT INTO sync_locks (org_id, run_id, heartbeat_at) VALUES (?, ?, ?)",
            org.id(),
            runId,
            lastBeat);
    return runId;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
