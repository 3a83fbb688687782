package com.scopien.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.orgs.Org;
import com.scopien.store.DatabaseTestBase;
import com.scopien.sync.SyncSettings.Frequency;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncSchedulerTest extends DatabaseTestBase {
  private SyncFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new SyncFixture(jdbc());
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  private SyncScheduler scheduler(Duration tick) {
    return new SyncScheduler(
        database.dataSource(),
        fixture.sync,
        fixture.orgs,
        fixture.settings,
        SyncOptions.defaults(),
        Clock.systemUTC(),
        tick);
  }

  private Org org(Frequency frequency) {
    FakeSalesforceClient salesforce = new FakeSalesforceClient();
    salesforce.seed("Account", 3);
    Org org = fixture.org(salesforce);
    fixture.settings.update(org.id(), new SettingsChange(frequency, null, null, null));
    return org;
  }

  @Test
  void aTickStartsRunsForDueOrgsOnly() {
    Org hourly = org(Frequency.HOURLY);
    Org manual = org(Frequency.MANUAL);
    SyncScheduler scheduler = scheduler(Duration.ofMinutes(1));

    List<String> first = scheduler.tick();

    assertThat(first).hasSize(1);
    SyncRun run = fixture.await(first.get(0));
    assertThat(run.orgId()).isEqualTo(hourly.id());
    assertThat(run.trigger()).isEqualTo(SyncRun.Trigger.SCHEDULED);
    assertThat(fixture.sync.runs(manual.id())).isEmpty();

    assertThat(scheduler.tick()).isEmpty();
  }

  @Test
  void aStreamedRealTimeOrgIsPolledOnlyAsASafetyNet() throws Exception {
    Org polled = org(Frequency.REAL_TIME);
    Org streamed = org(Frequency.REAL_TIME);
    SyncScheduler scheduler =
        new SyncScheduler(
            database.dataSource(),
            fixture.sync,
            fixture.orgs,
            fixture.settings,
            SyncOptions.defaults(),
            Clock.systemUTC(),
            Duration.ofMillis(200),
            streamed.id()::equals);

    assertThat(scheduler.tick()).hasSize(2);
    fixture.settle(polled);
    fixture.settle(streamed);
    Thread.sleep(250);

    List<String> second = scheduler.tick();
    assertThat(second).hasSize(1);
    assertThat(fixture.await(second.get(0)).orgId()).isEqualTo(polled.id());
    assertThat(fixture.sync.runs(streamed.id())).hasSize(1);
  }

  @Test
  void anOrgAtItsApiShareWaitsForALaterTick() {
    FakeSalesforceClient salesforce = new FakeSalesforceClient();
    Org org = fixture.org(salesforce);
    fixture.settings.update(org.id(), new SettingsChange(Frequency.HOURLY, null, null, null));
    salesforce.usage(95_000, 100_000);
    salesforce.describeGlobal();

    assertThat(scheduler(Duration.ofMinutes(1)).tick()).isEmpty();
    assertThat(fixture.sync.runs(org.id())).isEmpty();
  }

  @Test
  void theDatabaseSchedulerTicksOnItsOwn() throws Exception {
    Org realTime = org(Frequency.REAL_TIME);
    try (SyncScheduler scheduler = scheduler(Duration.ofSeconds(1))) {
      scheduler.start();
      Instant deadline = Instant.now().plusSeconds(20);
      while (fixture.sync.runs(realTime.id()).isEmpty() && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
      }
    }

    assertThat(fixture.sync.runs(realTime.id()))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.trigger()).isEqualTo(SyncRun.Trigger.SCHEDULED));
    fixture.settle(realTime);
  }
}
