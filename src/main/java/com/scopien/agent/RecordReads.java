package com.scopien.agent;

import com.scopien.salesforce.QueryPage;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.soql.Soql;
import com.scopien.soql.SoqlQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs a read on the local mirror when it can answer (synced, fresh, every field there), else live
 * on the org's API, and says which in the words replies use: "live" or "as of 3 minutes ago from
 * the local copy".
 */
final class RecordReads {
  private final LocalMirror mirror;
  private final Clock clock;

  RecordReads(LocalMirror mirror, Clock clock) {
    this.mirror = mirror;
    this.clock = clock;
  }

  /** Where an answer came from: live (asOf null) or the mirror as of a time. */
  record Source(Instant asOf) {
    static final Source LIVE = new Source(null);

    boolean live() {
      return asOf == null;
    }
  }

  /**
   * A page of records; {@code matched} is the number matching in all when the source knew it (the
   * mirror always does), else -1.
   */
  record Page(List<SObjectRecord> records, long matched, Source source) {}

  Page query(ToolContext ctx, SoqlQuery query, boolean mirrorAllowed) {
    Optional<Page> local = mirrorAllowed ? fromMirror(ctx, query) : Optional.empty();
    if (local.isPresent()) {
      return local.get();
    }
    QueryPage page = ctx.client().query(Soql.print(query));
    return new Page(page.records(), query.isCount() ? page.totalSize() : -1, Source.LIVE);
  }

  /**
   * The rows of an aggregate query: from the mirror when it can compute them in its store and is
   * fresh, else live. {@code matched} is the number of rows (groups).
   */
  Page aggregate(ToolContext ctx, SoqlQuery query) {
    Optional<Page> local =
        mirror
            .aggregate(ctx.org(), query)
            .map(
                answer ->
                    new Page(
                        answer.rows().stream()
                            .map(r -> new SObjectRecord("AggregateResult", r))
                            .toList(),
                        answer.rows().size(),
                        new Source(answer.asOf())));
    if (local.isPresent()) {
      return local.get();
    }
    QueryPage page = ctx.client().query(Soql.print(query));
    return new Page(page.records(), page.records().size(), Source.LIVE);
  }

  /** The mirror's answer alone, or empty when it cannot give one (nothing is read live). */
  Optional<Page> fromMirror(ToolContext ctx, SoqlQuery query) {
    return mirror
        .read(ctx.org(), query)
        .map(
            answer ->
                new Page(
                    answer.rows().stream().map(r -> new SObjectRecord(query.from(), r)).toList(),
                    answer.matched(),
                    new Source(answer.asOf())));
  }

  /** "From **Org** (...), live" or "From the local copy of **Org** (...), as of 2 minutes ago". */
  String from(ToolContext ctx, Source source) {
    return source.live()
        ? "From " + ctx.orgLabel() + ", live"
        : "From the local copy of " + ctx.orgLabel() + ", as of " + ago(source.asOf());
  }

  /** "In **Org** (...), live" or "In the local copy of **Org** (...), as of 2 minutes ago". */
  String in(ToolContext ctx, Source source) {
    return source.live()
        ? "In " + ctx.orgLabel() + ", live"
        : "In the local copy of " + ctx.orgLabel() + ", as of " + ago(source.asOf());
  }

  String ago(Instant asOf) {
    long minutes = Math.max(0, Duration.between(asOf, clock.instant()).toMinutes());
    if (minutes == 0) {
      return "less than a minute ago";
    }
    return minutes == 1 ? "1 minute ago" : minutes + " minutes ago";
  }
}
