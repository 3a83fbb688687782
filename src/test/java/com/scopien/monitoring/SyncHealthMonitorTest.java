package com.scopien.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.store.DatabaseTestBase;
import com.scopien.store.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SyncHealthMonitorTest extends DatabaseTestBase {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  private SyncHealthMonitor monitor() {
    return new SyncHealthMonitor(jdbc(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

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
            NOW);
    return id;
  }

  private void run(String org, String status, Instant started, Duration took, long changed) {
    String id = Jdbc.newId();
    jdbc()
        .update(
            "INSERT INTO sync_runs (id, org_id, run_trigger, full_sync, status, api_calls,"
                + " started_at, finished_at, heartbeat_at) VALUES (?, ?, 'SCHEDULED', FALSE, ?, 3,"
                + " ?, ?, ?)",
            id,
            org,
            status,
            started,
            took == null ? null : started.plus(took),
            started);
    jdbc()
        .update(
            "INSERT INTO sync_run_objects (run_id, object_name, ordinal, phase, status, created,"
                + " updated, deleted, failed, done, total) VALUES (?, 'Account', 0, 'incremental',"
                + " 'succeeded', ?, 0, 0, 0, ?, ?)",
            id,
            changed,
            changed,
            changed);
  }

  private void error(String org, String message, String status, Instant at) {
    jdbc()
        .update(
            "INSERT INTO sync_errors (org_id, code, message, action, status, occurrences,"
                + " occurred_at, updated_at) VALUES (?, 'x', ?, 'a', ?, 1, ?, ?)",
            org,
            message,
            status,
            at,
            at);
  }

  @Test
  void anOrgWithoutRunsSaysSo() {
    SyncHealth health = monitor().health(newOrg());

    assertThat(health.rating()).isEqualTo("No runs yet");
    assertThat(health.successRate()).isNull();
    assertThat(health.lastError()).isNull();
  }

  @Test
  void healthSumsUpRunsAndErrors() {
    String org = newOrg();
    for (int i = 0; i < 19; i++) {
      run(org, "SUCCEEDED", NOW.minus(Duration.ofHours(i + 1)), Duration.ofSeconds(40), 100);
    }
    run(org, "PARTIAL", NOW.minus(Duration.ofDays(2)), Duration.ofSeconds(140), 4_800);
    run(org, "SUCCEEDED", NOW.minus(Duration.ofDays(9)), Duration.ofSeconds(1), 9_999);
    error(org, "Record locked", "RETRYING", NOW.minus(Duration.ofHours(2)));
    error(org, "Rate limit exceeded", "RESOLVED", NOW.minus(Duration.ofMinutes(5)));
    error(org, "Old", "RESOLVED", NOW.minus(Duration.ofDays(3)));

    SyncHealth health = monitor().health(org);

    assertThat(health.successRate()).isEqualTo(95.0);
    assertThat(health.averageSyncTime()).isEqualTo(Duration.ofSeconds(45));
    assertThat(health.recordsPerHour()).isEqualTo(19 * 100 / 24);
    assertThat(health.errors24h()).isEqualTo(2);
    assertThat(health.openErrors()).isEqualTo(1);
    assertThat(health.lastError())
        .isEqualTo(
            new SyncHealth.LastError(
                "Rate limit exceeded", "Resolved", NOW.minus(Duration.ofMinutes(5))));
    assertThat(health.lastRunStatus()).isEqualTo("succeeded");
    assertThat(health.rating()).isEqualTo("Good");
  }

  @Test
  void ratingsFollowTheSuccessRate() {
    assertThat(SyncHealthMonitor.rating(99.8, 0, true)).isEqualTo("Excellent");
    assertThat(SyncHealthMonitor.rating(99.8, 1, true)).isEqualTo("Good");
    assertThat(SyncHealthMonitor.rating(85.0, 0, true)).isEqualTo("Fair");
    assertThat(SyncHealthMonitor.rating(50.0, 0, true)).isEqualTo("Poor");
    assertThat(SyncHealthMonitor.rating(null, 0, true)).isEqualTo("Running");
  }
}
