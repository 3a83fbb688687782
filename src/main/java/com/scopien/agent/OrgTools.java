package com.scopien.agent;

import com.scopien.orgs.Org;
import com.scopien.salesforce.ApiUsage;
import com.scopien.salesforce.OrgLimits;
import java.util.Locale;
import java.util.Optional;

/** list_orgs, switch_org and api_usage: thin adapters over the org directory and the client. */
final class OrgTools {
  private final java.time.Clock clock;

  OrgTools(java.time.Clock clock) {
    this.clock = clock;
  }

  ToolOutcome list(ToolContext ctx, ToolArgs args) {
    Org active = ctx.orgs().activeOrg(ctx.conversationId());
    StringBuilder text = new StringBuilder("Connected orgs (active: ");
    text.append(OrgLabels.label(active)).append("):\n\n");
    text.append(
        "| Name | Environment | Domain | Status | Last sync | Active |\n|---|---|---|---|---|---|");
    for (Org org : ctx.orgs().list()) {
      text.append("\n| ").append(RecordTable.cell(org.name()));
      text.append(" | ").append(org.environment().wireName());
      text.append(" | ").append(RecordTable.cell(domain(org.instanceUrl())));
      text.append(" | ").append(org.status().label());
      text.append(" | ").append(org.lastSyncAt() == null ? "never" : org.lastSyncAt().toString());
      text.append(" | ").append(org.id().equals(active.id()) ? "yes" : "").append(" |");
    }
    return ToolOutcome.ok(text.toString());
  }

  ToolOutcome switchTo(ToolContext ctx, ToolArgs args) {
    Org target = ctx.org();
    ctx.orgs().switchActiveOrg(ctx.conversationId(), target);
    return ToolOutcome.ok(
        "Switched to "
            + OrgLabels.label(target)
            + ". Requests in this conversation now act on this org.");
  }

  ToolOutcome apiUsage(ToolContext ctx, ToolArgs args) {
    OrgLimits limits = ctx.client().limits();
    Optional<OrgLimits.Limit> daily = limits.dailyApiRequests();
    if (daily.isEmpty()) {
      return ToolOutcome.error(ctx.org().name() + " did not report DailyApiRequests in /limits.");
    }
    OrgLimits.Limit limit = daily.get();
    double percent = limit.max() == 0 ? 0 : 100.0 * limit.used() / limit.max();
    StringBuilder text = new StringBuilder("API usage of ").append(ctx.orgLabel()).append(":\n\n");
    text.append("| Daily limit | Used today | Remaining |\n|---|---|---|\n");
    text.append("| ").append(RecordTable.count(limit.max()));
    text.append(" | ").append(RecordTable.count(limit.used()));
    text.append(String.format(Locale.US, " (%.1f%%)", percent));
    text.append(" | ").append(RecordTable.count(limit.remaining())).append(" |");
    Optional<ApiUsage> last = ctx.client().lastApiUsage();
    last.ifPresent(
        u ->
            text.append("\n\nSalesforce last reported ")
                .append(RecordTable.count(u.used()))
                .append(" of ")
                .append(RecordTable.count(u.max()))
                .append(" daily calls used, ")
                .append(PeopleWords.since(u.observedAt(), clock.instant()))
                .append('.'));
    return ToolOutcome.ok(text.toString());
  }

  private static String domain(String url) {
    if (url == null) {
      return "";
    }
    return url.replaceFirst("^https?://", "").replaceFirst("/.*$", "");
  }
}
