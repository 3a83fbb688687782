package com.scopien.web;

import com.scopien.monitoring.SyncHealth;
import com.scopien.sync.FieldMapping;
import com.scopien.sync.SyncError;
import com.scopien.sync.SyncObject;
import com.scopien.sync.SyncRun;
import com.scopien.sync.SyncSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The JSON bodies of the sync routes, so their wire shape is visible in one place. */
final class SyncWire {

  private SyncWire() {}

  /** {@code POST /api/orgs/{id}/sync}: 202. */
  record Started(String runId) {}

  /** {@code GET /api/sync/runs/{runId}} and each entry of {@code GET /api/sync/runs?org=}. */
  record Run(
      String id,
      String org,
      String status,
      Progress progress,
      List<ObjectRun> objects,
      long apiCalls,
      Instant startedAt,
      Instant finishedAt,
      Long etaSeconds,
      String trigger,
      boolean full,
      String message) {

    static Run of(SyncRun run, Instant now) {
      SyncRun.Progress p = run.progress();
      Duration eta = run.estimatedTimeLeft(now);
      return new Run(
          run.id(),
          run.orgId(),
          run.status().wireName(),
          new Progress(p.done(), p.total(), p.percent()),
          run.objects().stream().map(ObjectRun::of).toList(),
          run.apiCalls(),
          run.startedAt(),
          run.finishedAt(),
          eta == null ? null : eta.toSeconds(),
          lower(run.trigger().name()),
          run.full(),
          run.message());
    }
  }

  record Progress(long done, long total, int percent) {}

  record ObjectRun(
      String object,
      String phase,
      String status,
      long created,
      long updated,
      long deleted,
      long failed,
      long done,
      long total,
      String message) {
    static ObjectRun of(SyncRun.ObjectRun o) {
      return new ObjectRun(
          o.object(),
          o.phase(),
          o.status(),
          o.created(),
          o.updated(),
          o.deleted(),
          o.failed(),
          o.done(),
          o.total(),
          o.message());
    }
  }

  /** {@code GET /api/orgs/{id}/objects}. */
  record ObjectEntry(
      String object,
      String label,
      boolean custom,
      boolean selected,
      long localCount,
      Instant lastSyncAt,
      String conflictPolicy,
      List<String> fields) {
    static ObjectEntry of(SyncObject o) {
      return new ObjectEntry(
          o.object(),
          o.label(),
          o.custom(),
          o.selected(),
          o.localCount(),
          o.lastSyncAt(),
          o.conflictPolicy() == null ? null : o.conflictPolicy().wireName(),
          o.fields());
    }
  }

  /** {@code GET /api/orgs/{id}/sync/settings}. */
  record Settings(String frequency, boolean inbound, boolean outbound, String conflictPolicy) {
    static Settings of(SyncSettings s) {
      return new Settings(
          s.frequency().wireName(), s.inbound(), s.outbound(), s.conflictPolicy().wireName());
    }
  }

  /** One entry of {@code GET /api/orgs/{id}/mappings}. */
  record Mapping(
      String object, String salesforceField, String scopienField, boolean custom, String status) {
    static Mapping of(FieldMapping m) {
      return new Mapping(
          m.object(), m.salesforceField(), m.scopienField(), m.custom(), lower(m.status().name()));
    }
  }

  /** One entry of {@code GET /api/orgs/{id}/sync/errors}. */
  record Error(
      long id,
      Instant at,
      String object,
      String recordId,
      String code,
      String message,
      String action,
      String status,
      int occurrences,
      Instant firstAt,
      Instant resolvedAt) {
    static Error of(SyncError e) {
      return new Error(
          e.id(),
          e.updatedAt(),
          e.object(),
          e.recordId(),
          e.code(),
          e.message(),
          e.action(),
          e.status().label(),
          e.occurrences(),
          e.occurredAt(),
          e.resolvedAt());
    }
  }

  /** {@code GET /api/orgs/{id}/sync/health}. */
  record Health(
      String rating,
      Double successRate,
      Long averageSyncSeconds,
      long recordsPerHour,
      long errors24h,
      SyncHealth.LastError lastError,
      Instant lastRunAt,
      String lastRunStatus,
      long openErrors) {
    static Health of(SyncHealth h) {
      return new Health(
          h.rating(),
          h.successRate(),
          h.averageSyncTime() == null ? null : h.averageSyncTime().toSeconds(),
          h.recordsPerHour(),
          h.errors24h(),
          h.lastError(),
          h.lastRunAt(),
          h.lastRunStatus(),
          h.openErrors());
    }
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
