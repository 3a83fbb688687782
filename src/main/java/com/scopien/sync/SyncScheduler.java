package com.scopien.sync;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.scopien.ScopienException;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import com.scopien.orgs.OrgStatus;
import com.scopien.salesforce.SalesforceClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background sync on each org's schedule. One recurring db-scheduler task ticks every {@code tick};
 * db-scheduler runs each tick on one instance only, however many Scopien instances share the
 * database, and the org lock keeps runs single as well. A tick starts a run for every org whose
 * frequency says it is due: every 15 minutes, every hour, or, for real-time, every tick; a
 * real-time org that {@link RealtimeSync} looks after (change events, or its own polling where
 * there are none) is only polled every 15 minutes, as a safety net. Manual orgs, orgs that need
 * re-authorising, orgs with a running run, and orgs whose API allowance is spent (the run resumes
 * from its checkpoint at a later tick) are skipped.
 *
 * <p>{@link #start()} once; {@link #close()} stops ticking (runs in progress finish).
 */
public final class SyncScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);
  static final String TASK = "scopien-sync-tick";
  private static final Duration STALE_READING = Duration.ofMinutes(15);

  private final SyncService sync;
  private final OrgDirectory orgs;
  private final SyncSettingsService settings;
  private final ApiBudget budget;
  private final Clock clock;
  private final Duration tick;
  private final java.util.function.Predicate<String> streamed;
  private final Scheduler scheduler;

  /**
   * @param dataSource the database whose {@code scheduled_tasks} table coordinates instances
   * @param tick how often due orgs are looked for; also the real-time polling interval
   */
  public SyncScheduler(
      DataSource dataSource,
      SyncService sync,
      OrgDirectory orgs,
      SyncSettingsService settings,
      SyncOptions options,
      Clock clock,
      Duration tick) {
    this(dataSource, sync, orgs, settings, options, clock, tick, orgId -> false);
  }

  /**
   * @param streamed whether real-time sync looks after an org ({@link RealtimeSync#manages})
   */
  public SyncScheduler(
      DataSource dataSource,
      SyncService sync,
      OrgDirectory orgs,
      SyncSettingsService settings,
      SyncOptions options,
      Clock clock,
      Duration tick,
      java.util.function.Predicate<String> streamed) {
    this.streamed = streamed;
    this.sync = sync;
    this.orgs = orgs;
    this.settings = settings;
    this.budget = new ApiBudget(options.apiBudgetShare());
    this.clock = clock;
    this.tick = tick;
    RecurringTask<Void> task =
        Tasks.recurring(TASK, FixedDelay.of(tick)).execute((instance, context) -> tick());
    this.scheduler =
        Scheduler.create(dataSource)
            .startTasks(task)
            .threads(1)
            // Our columns are TIMESTAMP WITH TIME ZONE on both engines; store instants in UTC.
            .alwaysPersistTimestampInUTC()
            .pollingInterval(
                tick.compareTo(Duration.ofSeconds(10)) < 0 ? tick : Duration.ofSeconds(10))
            .build();
  }

  public void start() {
    scheduler.start();
    log.info("Background sync scheduled every {} s", tick.toSeconds());
  }

  /** Starts a run for every org that is due; returns the ids of the runs started. */
  List<String> tick() {
    List<String> started = new java.util.ArrayList<>();
    for (Org org : orgs.list()) {
      try {
        if (due(org)) {
          started.add(sync.start(org.id(), List.of(), false, SyncRun.Trigger.SCHEDULED));
        }
      } catch (ScopienException e) {
        log.warn("Scheduled sync of '{}' not started: {}", org.name(), e.getMessage());
      }
    }
    return started;
  }

  private boolean due(Org org) {
    if (org.status() != OrgStatus.ACTIVE) {
      return false;
    }
    SyncSettings s = settings.settings(org.id());
    Duration every =
        switch (s.frequency()) {
          case MANUAL -> null;
          case REAL_TIME -> streamed.test(org.id()) ? Duration.ofMinutes(15) : tick;
          case EVERY_15_MINUTES -> Duration.ofMinutes(15);
          case HOURLY -> Duration.ofHours(1);
        };
    if (every == null || !s.inbound() && !s.outbound()) {
      return false;
    }
    List<SyncRun> latest = sync.runs(org.id(), 1);
    if (!latest.isEmpty()) {
      SyncRun last = latest.get(0);
      Instant now = clock.instant();
      // A little slack, so that a run due every tick is not skipped for starting late.
      Duration slack = tick.dividedBy(10);
      if (last.status() == SyncRun.Status.RUNNING
          || last.startedAt().plus(every).minus(slack).isAfter(now)) {
        return false;
      }
    }
    SalesforceClient client = orgs.client(org);
    // The reading is only as fresh as the last call; an old one lets a run find out again.
    boolean spent =
        budget
            .exhausted(client)
            .filter(u -> u.observedAt().plus(STALE_READING).isAfter(clock.instant()))
            .isPresent();
    if (spent) {
      log.info("Sync of '{}' waits: its API allowance is at the sync share", org.name());
      return false;
    }
    return true;
  }

  @Override
  public void close() {
    scheduler.stop();
  }
}
