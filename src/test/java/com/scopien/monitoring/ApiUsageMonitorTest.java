package com.scopien.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.salesforce.ApiUsage;
import com.scopien.store.DatabaseTestBase;
import com.scopien.store.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ApiUsageMonitorTest extends DatabaseTestBase {
  private static final Instant NINE = Instant.parse("2026-11-28T09:10:00Z");
  private static final Instant TEN = Instant.parse("2026-11-28T10:05:00Z");

  private String newOrg() {
    String id = Jdbc.newId();
    jdbc()
        .update(
            "INSERT INTO orgs (id, name, name_key, environment, login_url, status, auth_flow,"
                + " client_id, connected_at) VALUES (?, ?, ?, 'PRODUCTION', 'https://x', 'ACTIVE',"
                + " 'CLIENT_CREDENTIALS', 'c', ?)",
            id,
            "Org " + id,
            "org " + id,
            NINE);
    return id;
  }

  @Test
  void snapshotCarriesTheLatestFiguresAndTheBusiestHour() {
    String org = newOrg();
    new ApiUsageMonitor(jdbc(), Clock.fixed(NINE, ZoneOffset.UTC)).record(org, usage(10));
    ApiUsageMonitor nine = new ApiUsageMonitor(jdbc(), Clock.fixed(NINE, ZoneOffset.UTC));
    nine.record(org, usage(11));
    nine.record(org, usage(12));
    ApiUsageMonitor ten = new ApiUsageMonitor(jdbc(), Clock.fixed(TEN, ZoneOffset.UTC));
    ten.record(org, usage(40));

    UsageSnapshot snapshot = ten.snapshot(org);

    assertThat(snapshot.dailyLimit()).isEqualTo(100_000);
    assertThat(snapshot.usedToday()).isEqualTo(40);
    assertThat(snapshot.remaining()).isEqualTo(99_960);
    assertThat(snapshot.peakHourStart()).isEqualTo(Instant.parse("2026-11-28T09:00:00Z"));
    assertThat(snapshot.peakHourCalls()).isEqualTo(3);
    assertThat(snapshot.scopienCalls24h()).isEqualTo(4);
  }

  @Test
  void readingsOlderThanADayStillGiveTheLastKnownFigures() {
    String org = newOrg();
    new ApiUsageMonitor(jdbc(), Clock.fixed(NINE, ZoneOffset.UTC)).record(org, usage(77));
    ApiUsageMonitor later =
        new ApiUsageMonitor(jdbc(), Clock.fixed(NINE.plusSeconds(3 * 86_400), ZoneOffset.UTC));

    UsageSnapshot snapshot = later.snapshot(org);

    assertThat(snapshot.usedToday()).isEqualTo(77);
    assertThat(snapshot.scopienCalls24h()).isZero();
    assertThat(snapshot.peakHourStart()).isNull();
  }

  @Test
  void hourlyCallsListTheLastDaysHoursThatHadCallsOldestFirst() {
    String org = newOrg();
    new ApiUsageMonitor(jdbc(), Clock.fixed(NINE.minusSeconds(86_400), ZoneOffset.UTC))
        .record(org, usage(1));
    ApiUsageMonitor nine = new ApiUsageMonitor(jdbc(), Clock.fixed(NINE, ZoneOffset.UTC));
    nine.record(org, usage(11));
    nine.record(org, usage(12));
    ApiUsageMonitor ten = new ApiUsageMonitor(jdbc(), Clock.fixed(TEN, ZoneOffset.UTC));
    ten.record(org, usage(40));

    assertThat(ten.hourlyCalls(org))
        .containsExactly(
            new UsageSnapshot.Hour(Instant.parse("2026-11-28T09:00:00Z"), 2),
            new UsageSnapshot.Hour(Instant.parse("2026-11-28T10:00:00Z"), 1));
  }

  @Test
  void anOrgNeverCalledHasZeros() {
    UsageSnapshot snapshot =
        new ApiUsageMonitor(jdbc(), Clock.fixed(NINE, ZoneOffset.UTC)).snapshot(newOrg());

    assertThat(snapshot.dailyLimit()).isZero();
    assertThat(snapshot.usedPercent()).isZero();
    assertThat(snapshot.observedAt()).isNull();
  }

  private static ApiUsage usage(long used) {
    return new ApiUsage(used, 100_000, NINE);
  }
}
