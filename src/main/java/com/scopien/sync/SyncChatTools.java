package com.scopien.sync;

import com.scopien.agent.SyncTools;
import com.scopien.monitoring.SyncHealth;
import com.scopien.orgs.Org;
import com.scopien.security.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The {@code sync_now}, {@code sync_status} and {@code sync_errors} chat tools over {@link
 * SyncService}: each answers with a short Markdown report that names the org. Thread-safe.
 */
public final class SyncChatTools implements SyncTools {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final SyncService sync;
  private final Clock clock;
  private final Function<String, Optional<RealtimeStatus>> realtime;

  /** Without real-time sync: the status names no stream. */
  public SyncChatTools(SyncService sync, Clock clock) {
    this(sync, clock, orgId -> Optional.empty());
  }

  /**
   * @param realtime an org's real-time state (what streams, what is polled and why), e.g. {@link
   *     RealtimeSync#status}
   */
  public SyncChatTools(
      SyncService sync, Clock clock, Function<String, Optional<RealtimeStatus>> realtime) {
    this.sync = sync;
    this.clock = clock;
    this.realtime = realtime;
  }

  @Override
  public String syncNow(User user, Org org, List<String> objects) {
    String runId = sync.start(org.id(), objects, false, SyncRun.Trigger.CHAT);
    SyncRun run = sync.run(runId);
    StringBuilder s =
        new StringBuilder("Sync of **")
            .append(org.name())
            .append("** is running (run `")
            .append(run.id())
            .append("`, started ")
            .append(WHEN.format(run.startedAt()))
            .append(").\n");
    for (SyncRun.ObjectRun o : run.objects()) {
      s.append("- ")
          .append(o.object())
          .append(": ")
          .append(
              switch (o.phase()) {
                case "initial" -> "initial sync of every record";
                case "reconcile" -> "full resync";
                default -> "changes since the last sync";
              })
          .append('\n');
    }
    s.append("Ask for the sync status to follow it.");
    return s.toString();
  }

  @Override
  public String status(Org org, List<String> objects) {
    SyncHealth h = sync.health(org.id());
    StringBuilder s =
        new StringBuilder("**Sync health of ").append(org.name()).append(": ").append(h.rating());
    s.append("**\n");
    realtime.apply(org.id()).ifPresent(r -> s.append("- ").append(r.summary()).append('\n'));
    s.append("- Success rate: ")
        .append(h.successRate() == null ? "no finished runs yet" : h.successRate() + "%")
        .append(" (runs of the last 7 days)\n");
    if (h.averageSyncTime() != null) {
      s.append("- Average sync time: ").append(human(h.averageSyncTime())).append('\n');
    }
    s.append(
        String.format(Locale.ROOT, "- Records/hour: %,d (last 24 hours)%n", h.recordsPerHour()));
    s.append(
        String.format(
            Locale.ROOT, "- Errors (24h): %d, open: %d%n", h.errors24h(), h.openErrors()));
    if (h.lastError() != null) {
      s.append("- Last error: ")
          .append(h.lastError().message())
          .append(" (")
          .append(h.lastError().status())
          .append(", ")
          .append(WHEN.format(h.lastError().at()))
          .append(")\n");
    }
    List<SyncRun> latest = sync.runs(org.id(), 1);
    if (!latest.isEmpty()) {
      s.append(runLine(latest.get(0))).append('\n');
    }
    Set<String> wanted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    wanted.addAll(objects);
    List<SyncObject> shown =
        sync.objects(org.id()).stream()
            .filter(o -> wanted.isEmpty() ? o.selected() : wanted.contains(o.object()))
            .toList();
    if (!shown.isEmpty()) {
      s.append("\n| Object | Synced | Local records | Last sync |\n|---|---|---|---|\n");
      for (SyncObject o : shown) {
        s.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %,d | %s |%n",
                o.object(),
                o.selected() ? "yes" : "no",
                o.localCount(),
                o.lastSyncAt() == null ? "never" : ago(o.lastSyncAt())));
      }
    }
    return s.toString().stripTrailing();
  }

  @Override
  public String errors(Org org, List<String> objects, int sinceHours, int limit) {
    List<SyncError> errors = sync.errors(org.id(), objects, Duration.ofHours(sinceHours), limit);
    String window = sinceHours == 1 ? "the last hour" : "the last " + sinceHours + " hours";
    if (errors.isEmpty()) {
      return "No sync errors for **" + org.name() + "** in " + window + ".";
    }
    StringBuilder s =
        new StringBuilder("**Recent sync errors of ")
            .append(org.name())
            .append("** (")
            .append(window)
            .append(", newest first):\n");
    for (SyncError e : errors) {
      s.append("- ").append(WHEN.format(e.updatedAt())).append(" · ").append(e.message());
      if (e.occurrences() > 1) {
        s.append(" (").append(e.occurrences()).append(" times)");
      }
      s.append("\n  Action: ")
          .append(e.action())
          .append(" · Status: ")
          .append(e.status().label())
          .append('\n');
    }
    return s.toString().stripTrailing();
  }

  private String runLine(SyncRun run) {
    long created = 0;
    long updated = 0;
    long deleted = 0;
    long failed = 0;
    for (SyncRun.ObjectRun o : run.objects()) {
      created += o.created();
      updated += o.updated();
      deleted += o.deleted();
      failed += o.failed();
    }
    String counts =
        String.format(
            Locale.ROOT,
            "%,d created, %,d updated, %,d deleted%s",
            created,
            updated,
            deleted,
            failed > 0 ? String.format(Locale.ROOT, ", %,d parked", failed) : "");
    if (run.status() == SyncRun.Status.RUNNING) {
      SyncRun.Progress p = run.progress();
      Duration left = run.estimatedTimeLeft(clock.instant());
      return String.format(
          Locale.ROOT,
          "- Running now: %d%% (%,d / %,d records)%s; so far %s",
          p.percent(),
          p.done(),
          p.total(),
          left == null ? "" : ", about " + human(left) + " left",
          counts);
    }
    return "- Last run: "
        + run.status().wireName()
        + ", "
        + ago(run.startedAt())
        + ": "
        + counts
        + (run.message() == null ? "" : ". " + run.message());
  }

  private String ago(Instant when) {
    Duration d = Duration.between(when, clock.instant());
    if (d.isNegative() || d.toSeconds() < 60) {
      return "just now";
    }
    return human(d) + " ago";
  }

  private static String human(Duration d) {
    long seconds = d.toSeconds();
    if (seconds < 90) {
      return seconds + " seconds";
    }
    if (seconds < 90 * 60) {
      return Math.round(seconds / 60.0) + " minutes";
    }
    if (seconds < 36 * 3600) {
      return Math.round(seconds / 3600.0) + " hours";
    }
    return Math.round(seconds / 86400.0) + " days";
  }
}
