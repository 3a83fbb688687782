package com.scopien.sync;

import static com.scopien.sync.SyncFixture.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.localorg.FaultPlan;
import com.scopien.localorg.LocalOrg;
import com.scopien.localorg.LocalOrgOptions;
import com.scopien.orgs.Org;
import com.scopien.store.DatabaseTestBase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * Full scans of objects above the Bulk threshold, against a local org over real HTTP (Bulk API 1.0
 * as force-wsc drives it), on H2 and on PostgreSQL. The threshold and chunks are small so that a
 * tenth of the demo org (1,829 Leads) makes four chunks.
 */
class BulkSyncIT extends DatabaseTestBase {
  private static final int CHUNK = 500;
  private static final SyncOptions.Bulk BULK =
      SyncOptions.Bulk.defaults()
          .withThreshold(400)
          .withChunkSize(CHUNK)
          .withRowsPerCommit(100)
          .withPollInterval(Duration.ofMillis(20));

  /** Every Bulk API request: a slow fault of 1 ms, so the org counts them for us. */
  private static final String BULK_CALLS = "slow:1.0:delayMs=1:paths=^/services/async/";

  private LocalOrg localOrg;
  private SyncFixture fixture;

  @BeforeParameterizedClassInvocation
  void startOrg() {
    localOrg =
        LocalOrg.start(LocalOrgOptions.production().withScale(new LocalOrgOptions.Scale(0.1)));
    fixture = new SyncFixture(jdbc(), SyncOptions.defaults().withBulk(BULK));
  }

  @AfterParameterizedClassInvocation
  void stopOrg() {
    fixture.close();
    localOrg.close();
  }

  @Test
  void aLargeObjectIsReadThroughBulkWithEqualCountsAndEveryCallCounted() {
    localOrg.injectFaults(FaultPlan.parse(1, List.of(BULK_CALLS)));
    Org org = fixture.org(LocalOrgConnection.renewing(localOrg, 200));
    long callsBefore = localOrg.apiCallsUsed();

    SyncRun run = fixture.syncAndWait(org, List.of("Lead"), false);

    assertThat(run.status()).as(run.toString()).isEqualTo(SyncRun.Status.SUCCEEDED);
    int leads = localOrg.count("Lead");
    assertThat(object(run, "Lead").created()).isEqualTo(leads);
    assertThat(object(run, "Lead").done()).isEqualTo(leads);
    assertThat(fixture.mirrorCount(org, "Lead")).isEqualTo(leads);
    long bulkCalls = localOrg.faultsFired().getOrDefault("slow", 0L);
    // create, add batch, close, at least one poll, and a result list and file per chunk
    int chunks = (leads + CHUNK - 1) / CHUNK;
    assertThat(bulkCalls).isGreaterThanOrEqualTo(4 + 2L * chunks);
    assertThat(run.apiCalls()).isEqualTo(localOrg.apiCallsUsed() - callsBefore);
    assertThat(checkpointRows(org)).isZero();
    // Typed as REST types them: the mirror holds booleans and numbers, not their text.
    String fields = fixture.mirrorFields(org, "Lead", anyLeadId(org));
    assertThat(fields).contains("\"IsDeleted\":false").doesNotContain("\"IsDeleted\":\"false\"");

    localOrg.update("Lead", anyLeadId(org), java.util.Map.of("Company", "Changed After Bulk"));
    SyncRun next = fixture.syncAndWait(org, List.of("Lead"), false);
    assertThat(object(next, "Lead").phase()).isEqualTo("incremental");
    assertThat(object(next, "Lead").updated()).isEqualTo(1);
  }

  @Test
  void aStoppedBulkScanResumesWithItsUnfinishedChunksOnly() throws Exception {
    // Result files come slowly, so the run is surely inside the second chunk when stopped.
    localOrg.injectFaults(
        FaultPlan.parse(1, List.of("slow:1.0:delayMs=1000:paths=/batch/[^/]+/result/")));
    Org org = fixture.org(LocalOrgConnection.renewing(localOrg, 2000));
    int leads = localOrg.count("Lead");

    String runId = fixture.sync.start(org.id(), List.of("Lead"), false);
    for (int i = 0; i < 600 && doneChunks(org) == 0; i++) {
      Thread.sleep(25);
    }
    assertThat(doneChunks(org)).isEqualTo(1);
    assertThat(fixture.sync.stop(runId)).isTrue();
    SyncRun stopped = fixture.sync.await(runId, Duration.ofSeconds(30));

    assertThat(stopped.status()).isEqualTo(SyncRun.Status.PARTIAL);
    assertThat(object(stopped, "Lead").status()).isEqualTo("stopped");
    long doneRows = rowsOfDoneChunks(org);
    assertThat(doneRows).isEqualTo(CHUNK);
    long first = object(stopped, "Lead").created();
    assertThat(first).isGreaterThanOrEqualTo(doneRows).isLessThan(leads);

    localOrg.injectFaults(FaultPlan.none());
    SyncRun resumed = fixture.syncAndWait(org, List.of("Lead"), false);

    assertThat(resumed.status()).as(resumed.toString()).isEqualTo(SyncRun.Status.SUCCEEDED);
    // Only the unfinished chunks were read again; rows of the cut chunk came back as repeats.
    assertThat(object(resumed, "Lead").done()).isEqualTo(leads - doneRows);
    assertThat(first + object(resumed, "Lead").created()).isEqualTo(leads);
    assertThat(fixture.mirrorRows(org)).isEqualTo(leads);
    assertThat(checkpointRows(org)).isZero();
  }

  @Test
  void anObjectBulkCannotChunkIsReadWithRestPagingAndTheErrorLogSaysSo() {
    localOrg.injectFaults(FaultPlan.none());
    SyncFixture small =
        new SyncFixture(jdbc(), SyncOptions.defaults().withBulk(BULK.withThreshold(5)));
    try {
      Org org = small.org(LocalOrgConnection.renewing(localOrg, 2000));

      SyncRun run = small.syncAndWait(org, List.of("Event"), false);

      assertThat(run.status()).as(run.toString()).isEqualTo(SyncRun.Status.SUCCEEDED);
      assertThat(small.mirrorCount(org, "Event")).isEqualTo(localOrg.count("Event"));
      assertThat(object(run, "Event").created()).isEqualTo(localOrg.count("Event"));
      assertThat(small.sync.errors(org.id(), List.of("Event"), Duration.ofHours(1), 10))
          .anySatisfy(
              e -> {
                assertThat(e.code()).isEqualTo(BulkObjectScan.BULK_FAILED);
                assertThat(e.message()).contains("PKChunking is not supported");
                assertThat(e.action()).contains("REST paging");
              });
    } finally {
      small.close();
    }
  }

  private long doneChunks(Org org) {
    return jdbc()
        .queryOne(
            "SELECT COUNT(*) AS n FROM sync_bulk_chunks WHERE org_id = ?",
            row -> row.getLong("n"),
            org.id())
        .orElse(0L);
  }

  private long rowsOfDoneChunks(Org org) {
    return jdbc()
        .queryOne(
            "SELECT COALESCE(SUM(row_count), 0) AS n FROM sync_bulk_chunks WHERE org_id = ?",
            row -> row.getLong("n"),
            org.id())
        .orElse(0L);
  }

  private long checkpointRows(Org org) {
    return jdbc()
        .queryOne(
            "SELECT COUNT(*) AS n FROM sync_bulk_scans WHERE org_id = ?",
            row -> row.getLong("n"),
            org.id())
        .orElse(0L);
  }

  private String anyLeadId(Org org) {
    return jdbc()
        .queryOne(
            "SELECT MIN(record_id) AS id FROM sync_records WHERE org_id = ? AND object_name ="
                + " 'Lead'",
            row -> row.getString("id"),
            org.id())
        .orElseThrow();
  }
}
