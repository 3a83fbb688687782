package com.scopien.web;

import com.scopien.ScopienException;
import com.scopien.monitoring.ApiUsageMonitor;
import com.scopien.monitoring.UsageSnapshot;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/orgs/{id}/usage}: the org's Salesforce API allowance as the Monitoring page shows
 * it (daily limit, used in the rolling 24 hours, remaining, the busiest hour of Scopien's own calls
 * and its calls per hour). Users, managers and admins may read it (Guests get 403); an unknown org
 * id is a 404.
 */
final class UsageHandler {
  private final ApiUsageMonitor usage;
  private final OrgDirectory orgs;

  UsageHandler(ApiUsageMonitor usage, OrgDirectory orgs) {
    this.usage = usage;
    this.orgs = orgs;
  }

  void register(Javalin app) {
    app.get("/api/orgs/{id}/usage", this::usage, Access.MEMBER);
  }

  /** The body of {@code GET /api/orgs/{id}/usage}; {@code peakHour} is null without calls. */
  record Usage(
      String org,
      String orgName,
      long dailyLimit,
      long usedToday,
      long remaining,
      double percent,
      PeakHour peakHour,
      long scopienCalls24h,
      Instant observedAt,
      List<UsageSnapshot.Hour> hours) {}

  /** The busiest hour of Scopien's calls in the last 24 hours. */
  record PeakHour(Instant start, long calls) {}

  void usage(Context ctx) {
    String id = ctx.pathParam("id");
    Org org =
        orgs.byId(id)
            .orElseThrow(
                () ->
                    ScopienException.notFound(
                        "unknown_org", "There is no org with id " + id + "."));
    UsageSnapshot s = usage.snapshot(org.id());
    ctx.json(
        new Usage(
            org.id(),
            org.name(),
            s.dailyLimit(),
            s.usedToday(),
            s.remaining(),
            Math.round(s.usedPercent() * 10) / 10.0,
            s.peakHourStart() == null ? null : new PeakHour(s.peakHourStart(), s.peakHourCalls()),
            s.scopienCalls24h(),
            s.observedAt(),
            usage.hourlyCalls(org.id())));
  }
}
