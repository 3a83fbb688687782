package com.scopien.sync;

import com.scopien.ScopienException;
import com.scopien.monitoring.SyncHealth;
import com.scopien.monitoring.SyncHealthMonitor;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import com.scopien.store.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sync runs: start one for an org (in the background), follow it, stop it, list an org's runs, and
 * read the error log and sync health that the Monitoring page and the chat tools show.
 *
 * <p>At most one run per org works at a time, across every Scopien instance on the database; runs
 * of different orgs work in parallel up to {@link SyncOptions#maxConcurrentRuns()}. A run's
 * progress and counts live in the database, so any instance can report on any run. A run that stops
 * for any reason (a stop request, the API allowance, an error, a killed process) leaves committed
 * checkpoints, and the next run of the org continues from them.
 *
 * <p>Thread-safe. {@link #close()} stops running runs at their next checkpoint and waits briefly.
 */
public final class SyncService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SyncService.class);
  private static final int DEFAULT_RUN_LIST = 50;
  private static final int MAX_RUN_LIST = 500;

  private final OrgDirectory orgs;
  private final SyncSettingsService settings;
  private final Clock clock;
  private final SyncStores stores;
  private final SyncPlanner planner;
  private final ObjectSync objectSync;
  private final LockStore locks;
  private final RunCoordinator coordinator;
  private final SyncHealthMonitor health;
  private final PendingCreateStore creates;
  private final RunWorkers workers;

  /**
   * @param onOrgSynced told the org's id when a run synced at least one object (the composition
   *     root passes {@code OrgService::markSynced}); must not throw
   */
  public SyncService(
      Jdbc jdbc,
      OrgDirectory orgs,
      SyncSettingsService settings,
      SyncOptions options,
      Clock clock,
      Consumer<String> onOrgSynced) {
    this.orgs = orgs;
    this.settings = settings;
    this.clock = clock;
    this.stores = SyncStores.over(jdbc, new JsonCodec(), clock);
    this.planner =
        new SyncPlanner(settings, stores.errors(), options.fieldSecurity(), stores.tables(), clock);
    ApiBudget budget = new ApiBudget(options.apiBudgetShare());
    ConflictHandler conflicts = new ConflictHandler(stores, clock);
    this.creates = new PendingCreateStore(jdbc, new JsonCodec());
    this.objectSync =
        new ObjectSync(
            jdbc,
            stores,
            new PageWriter(jdbc, stores, conflicts, clock),
            new PushPass(jdbc, stores, conflicts, clock),
            new CreatePass(jdbc, stores, creates, clock),
            budget,
            options,
            clock);
    this.locks = new LockStore(jdbc, stores.runs(), options.staleRunAfter());
    this.coordinator =
        new RunCoordinator(stores, planner, objectSync, locks, budget, clock, onOrgSynced);
    this.health = new SyncHealthMonitor(jdbc, clock);
    this.workers = new RunWorkers(options);
  }

  /**
   * Starts a run of the org and returns its id at once; the run works in the background. When a run
   * of the org is already working and covers this request (same kind, these objects), its id is
   * returned instead.
   *
   * @param objects API names (any case) to sync; null or empty means every selected object
   * @param full true to read every record again and delete from the mirror what Salesforce no
   *     longer has; otherwise objects never synced get their initial sync and the others read only
   *     what changed
   * @throws ScopienException NOT_FOUND {@code unknown_org}; FORBIDDEN {@code org_unavailable} when
   *     the org must be connected again; INVALID_INPUT {@code unknown_object}, {@code
   *     object_not_selected}, {@code nothing_selected}; CONFLICT {@code sync_running} when a
   *     different run of the org is working; the client's errors when the org cannot be reached
   */
  public String start(String orgId, List<String> objects, boolean full, SyncRun.Trigger trigger) {
    Org org = settings.requireOrg(orgId);
    CountingClient client = new CountingClient(orgs.client(org));
    settings.settings(orgId);
    List<String> names = planner.objects(orgId, client, objects == null ? List.of() : objects);
    String runId = Jdbc.newId();
    Instant now = clock.instant();
    Optional<String> holder = locks.acquire(orgId, runId, now);
    if (holder.isPresent()) {
      return alreadyRunning(holder.get(), org, names, full);
    }
    try {
      List<SyncRun.ObjectRun> planned = new ArrayList<>();
      for (String name : names) {
        planned.add(
            new SyncRun.ObjectRun(
                name,
                objectSync.phaseOf(orgId, name, full),
                "pending",
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                null));
      }
      stores
          .runs()
          .create(
              new SyncRun(
                  runId,
                  orgId,
                  trigger,
                  full,
                  SyncRun.Status.RUNNING,
                  null,
                  client.calls(),
                  now,
                  null,
                  planned),
              now);
      RunState run =
          new RunState(
              orgId,
              runId,
              full,
              now,
              client,
              () -> {
                Instant beat = clock.instant();
                stores.runs().heartbeat(runId, client.calls(), beat);
                return locks.heartbeat(orgId, runId, beat);
              });
      workers.launch(
          run,
          () -> {
            countAhead(run, planned);
            coordinator.execute(run, names);
          },
          // Before the run counts as done: whoever awaits it then finds its follow-up started (or
          // none needed), never a follow-up that starts a moment later.
          () -> followUp(orgId, now, trigger, run));
      log.info("Started sync run {} of org '{}': {}", runId, org.name(), names);
      return runId;
    } catch (RuntimeException e) {
      locks.release(orgId, runId);
      throw e;
    }
  }

  /** {@link #start(String, List, boolean, SyncRun.Trigger)} by a person (Sync Now, the API). */
  public String start(String orgId, List<String> objects, boolean full) {
    return start(orgId, objects, full, SyncRun.Trigger.MANUAL);
  }

  /**
   * The run as it stands now.
   *
   * @throws ScopienException NOT_FOUND {@code unknown_run}
   */
  public SyncRun run(String runId) {
    return stores
        .runs()
        .get(runId)
        .orElseThrow(
            () -> ScopienException.notFound("unknown_run", "There is no sync run " + runId + "."));
  }

  /** The org's runs, newest first (at most {@code limit}, up to 500). */
  public List<SyncRun> runs(String orgId, int limit) {
    settings.requireOrg(orgId);
    if (limit < 1) {
      throw ScopienException.invalid("invalid_limit", "The limit must be at least 1.");
    }
    return stores.runs().list(orgId, Math.min(limit, MAX_RUN_LIST));
  }

  /** The org's latest 50 runs, newest first. */
  public List<SyncRun> runs(String orgId) {
    return runs(orgId, DEFAULT_RUN_LIST);
  }

  /**
   * Waits until the run is no longer running, or the timeout passes; returns it as it then stands.
   * A run of another instance is polled.
   */
  public SyncRun await(String runId, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    if (!workers.awaitHere(runId, timeout)) {
      return run(runId);
    }
    SyncRun current = run(runId);
    while (current.status() == SyncRun.Status.RUNNING && Instant.now().isBefore(deadline)) {
      if (!workers.isWorkingHere(runId)
          && locks.releaseIfStale(current.orgId(), runId, clock.instant())) {
        // Its process died (kill -9, a crash): nobody will finish it, so do not wait for good.
        log.warn("Sync run {} stopped reporting progress; marked interrupted", runId);
        return run(runId);
      }
      Thread.sleep(100);
      current = run(runId);
    }
    return current;
  }

  /**
   * Asks a run of this instance to stop at its next checkpoint; returns false when the run is not
   * working here (finished, or working on another instance).
   */
  public boolean stop(String runId) {
    return workers.stop(runId);
  }

  /**
   * The org's error log: entries touched within {@code since}, newest first.
   *
   * @param objects only these objects' entries (any case); empty for all
   * @param limit 1 to 500
   */
  public List<SyncError> errors(String orgId, List<String> objects, Duration since, int limit) {
    settings.requireOrg(orgId);
    if (limit < 1 || limit > MAX_RUN_LIST) {
      throw ScopienException.invalid("invalid_limit", "The limit must be from 1 to 500.");
    }
    if (since == null || since.isNegative() || since.isZero()) {
      throw ScopienException.invalid("invalid_since", "Look back a positive length of time.");
    }
    return stores
        .errors()
        .list(orgId, objects == null ? List.of() : objects, clock.instant().minus(since), limit);
  }

  /** The org's sync health, as the Monitoring page and {@code sync_status} show it. */
  public SyncHealth health(String orgId) {
    settings.requireOrg(orgId);
    return health.health(orgId);
  }

  /** The org's objects with selection, local counts and last sync (see the settings service). */
  public List<SyncObject> objects(String orgId) {
    return settings.objects(orgId);
  }

  /** Stops this instance's runs at their next checkpoint and waits up to 10 seconds for them. */
  @Override
  public void close() {
    workers.close();
  }

  /**
   * Starts another run when Scopien-side changes were queued while this one worked (a change could
   * not start its own run then), so no change waits for the schedule.
   */
  private void followUp(String orgId, Instant startedAt, SyncRun.Trigger trigger, RunState run) {
    if (run.stopRequested() || !workers.accepting()) {
      return;
    }
    try {
      List<String> changed = new ArrayList<>(stores.mirror().objectsChangedSince(orgId, startedAt));
      run.followUps().stream().filter(o -> !changed.contains(o)).forEach(changed::add);
      creates.objectsQueuedSince(orgId, startedAt).stream()
          .filter(o -> !changed.contains(o))
          .forEach(changed::add);
      if (!changed.isEmpty()) {
        start(orgId, changed, false, trigger);
      }
    } catch (RuntimeException e) {
      log.warn("No follow-up run for org {}: {}", orgId, e.getMessage());
    }
  }

  /** Counts what each scanning object will read, so progress has a total before it starts. */
  private void countAhead(RunState run, List<SyncRun.ObjectRun> planned) {
    for (SyncRun.ObjectRun o : planned) {
      if ("incremental".equals(o.phase())) {
        continue;
      }
      try {
        stores.runs().setTotal(run.runId, o.object(), objectSync.remaining(run, o.object()));
      } catch (ScopienException e) {
        // The object's own pass reports the error; a missing estimate only hides the total.
        log.debug("No count ahead for {}: {}", o.object(), e.getMessage());
        return;
      }
    }
  }

  private String alreadyRunning(String holderId, Org org, List<String> names, boolean full) {
    Optional<SyncRun> running = stores.runs().get(holderId);
    if (running.isPresent()) {
      SyncRun r = running.get();
      HashSet<String> covered = new HashSet<>();
      r.objects().forEach(o -> covered.add(o.object()));
      if (r.full() == full && covered.containsAll(names)) {
        return r.id();
      }
    }
    throw new ScopienException(
        ScopienException.Kind.CONFLICT,
        "sync_running",
        "A sync of '"
            + org.name()
            + "' is already running (run "
            + holderId
            + "). Wait for it to finish, or stop it, then try again.");
  }
}
