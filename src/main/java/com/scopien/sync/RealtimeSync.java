package com.scopien.sync;

import com.scopien.ScopienException;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import com.scopien.orgs.OrgStatus;
import com.scopien.salesforce.HttpSalesforceClient;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.StreamingClient;
import com.scopien.store.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real-time sync: for every active org whose frequency is real-time with Salesforce → Scopien on, a
 * Streaming API subscription to the Change Data Capture channel of each selected object, whose
 * events are applied to the mirror as they arrive (see {@link ChangeApplier}: same write path, echo
 * suppression and conflict policy as the runs; one run record with trigger REAL_TIME per delivery;
 * replay ids stored with the rows, so a restart resumes where it stopped).
 *
 * <p>Where an org has no Streaming API or an object has no change events, that object is polled
 * instead (an incremental run every {@code pollEvery}), logged in the error log as "real-time
 * unavailable ... polling every N s" and shown by {@link #status}. A check every {@code checkEvery}
 * starts and stops subscriptions as settings, selections and orgs change, and starts the polls that
 * are due. Thread-safe; {@link #close} stops every subscription.
 */
public final class RealtimeSync implements AutoCloseable, MirrorFreshness {
  private static final Logger log = LoggerFactory.getLogger(RealtimeSync.class);
  static final String UNAVAILABLE = "realtime_unavailable";
  private static final Duration RETRY_ENDED = Duration.ofMinutes(15);
  private static final Duration RETRY_FAILED = Duration.ofMinutes(1);

  private final OrgDirectory orgs;
  private final SyncSettingsService settings;
  private final SyncService sync;
  private final SyncStores stores;
  private final SyncPlanner planner;
  private final ChangeApplier applier;
  private final ReplayStore replay;
  private final Clock clock;
  private final Duration pollEvery;
  private final Duration checkEvery;
  private final Map<String, OrgStream> streams = new ConcurrentHashMap<>();
  private final Map<String, Instant> failedAt = new ConcurrentHashMap<>();
  private final ScheduledExecutorService checker;

  /**
   * @param pollEvery how often objects without change events are polled
   * @param checkEvery how often settings are checked and due polls started
   */
  public RealtimeSync(
      Jdbc jdbc,
      OrgDirectory orgs,
      SyncSettingsService settings,
      SyncService sync,
      SyncOptions options,
      Clock clock,
      Duration pollEvery,
      Duration checkEvery) {
    this.orgs = orgs;
    this.settings = settings;
    this.sync = sync;
    this.clock = clock;
    this.pollEvery = pollEvery;
    this.checkEvery = checkEvery;
    this.stores = SyncStores.over(jdbc, new JsonCodec(), clock);
    this.planner =
        new SyncPlanner(settings, stores.errors(), options.fieldSecurity(), stores.tables(), clock);
    this.replay = new ReplayStore(jdbc);
    this.applier =
        new ChangeApplier(
            jdbc,
            stores,
            new PageWriter(jdbc, stores, new ConflictHandler(stores, clock), clock),
            replay,
            clock);
    this.checker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "scopien-realtime");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts checking at once and then every {@code checkEvery}. */
  public void start() {
    checker.scheduleWithFixedDelay(
        this::checkQuietly, 0, checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    log.info("Real-time sync checks every {} ms", checkEvery.toMillis());
  }

  /** Whether real-time sync looks after the org now (streaming, or polling in its place). */
  public boolean manages(String orgId) {
    return streams.containsKey(orgId);
  }

  /**
   * For mirror reads: an object whose change events stream over a live subscription is in step with
   * Salesforce now (give or take the delivery delay, well under a second); polled objects and
   * disconnected orgs get no answer here, so their freshness comes from their runs.
   */
  @Override
  public Optional<Instant> syncedThrough(String orgId, String object) {
    OrgStream stream = streams.get(orgId);
    // The settings too: an org just set to manual keeps its subscription until the next check,
    // but its events are no longer applied (see OrgStream), so the mirror is no longer live.
    return stream != null && stream.streamsNow(object) && wantsRealtime(orgId)
        ? Optional.of(clock.instant())
        : Optional.empty();
  }

  /** The org's real-time state, if real-time sync looks after it. */
  public Optional<RealtimeStatus> status(String orgId) {
    return Optional.ofNullable(streams.get(orgId)).map(s -> s.status(pollEvery));
  }

  /**
   * Brings subscriptions in line with the orgs and their settings now, and starts due polls (the
   * periodic check does the same).
   */
  public synchronized void check() {
    Map<String, Org> wanted = new LinkedHashMap<>();
    for (Org org : orgs.list()) {
      if (org.status() == OrgStatus.ACTIVE && wantsRealtime(org.id())) {
        wanted.put(org.id(), org);
      }
    }
    for (String orgId : List.copyOf(streams.keySet())) {
      if (!wanted.containsKey(orgId)) {
        log.info("Real-time sync of org {} stops", orgId);
        streams.remove(orgId).close();
      }
    }
    Instant now = clock.instant();
    for (Org org : wanted.values()) {
      Instant failed = failedAt.get(org.id());
      if (failed != null && failed.plus(RETRY_FAILED).isAfter(now)) {
        continue;
      }
      try {
        OrgStream stream = streams.get(org.id());
        String signature = signature(org.id());
        Instant ended = stream == null ? null : stream.endedAt();
        if (stream == null
            || !stream.signature.equals(signature)
            || ended != null && ended.plus(RETRY_ENDED).isBefore(clock.instant())) {
          if (stream != null) {
            stream.close();
          }
          stream = open(org, signature);
          streams.put(org.id(), stream);
        }
        failedAt.remove(org.id());
        poll(stream);
      } catch (RuntimeException e) {
        // Unreachable org, describe refused...: try again a minute later, not at every check.
        failedAt.put(org.id(), now);
        log.warn("Real-time sync of '{}' could not start: {}", org.name(), e.getMessage());
      }
    }
  }

  private boolean wantsRealtime(String orgId) {
    SyncSettings s = settings.settings(orgId);
    return s.frequency() == SyncSettings.Frequency.REAL_TIME && s.inbound();
  }

  @Override
  public synchronized void close() {
    checker.shutdownNow();
    streams.values().forEach(OrgStream::close);
    streams.clear();
  }

  private void checkQuietly() {
    try {
      check();
    } catch (RuntimeException e) {
      log.warn("Real-time sync check failed: {}", e.getMessage());
    }
  }

  private OrgStream open(Org org, String signature) {
    SalesforceClient client = orgs.client(org);
    Map<String, ObjectPlan> plans = new LinkedHashMap<>();
    for (String object : planner.objects(org.id(), client, List.of())) {
      ObjectPlan plan = planner.plan(org.id(), null, client, object);
      plans.put(SyncDefaults.key(plan.object()), plan);
    }
    Map<String, Long> stored = replay.all(org.id());
    Map<String, String> objectByChannel = new LinkedHashMap<>();
    Map<String, Long> from = new LinkedHashMap<>();
    for (ObjectPlan plan : plans.values()) {
      String channel = StreamingClient.changeEventChannel(plan.object());
      objectByChannel.put(channel, plan.object());
      from.put(channel, stored.getOrDefault(channel, -1L));
    }
    OrgStream stream =
        new OrgStream(
            org.id(),
            signature,
            client,
            plans,
            current -> planner.realtimeNow(org.id(), current),
            objectByChannel,
            from,
            applier,
            new ErrorLogReporter(),
            clock);
    if (!(client instanceof HttpSalesforceClient http)) {
      stream.pollEverything("this connection has no Streaming API");
      return stream;
    }
    stream.attach(http.streaming().subscribe(from, stream));
    log.info("Real-time sync of '{}' subscribes to {}", org.name(), from);
    return stream;
  }

  private void poll(OrgStream stream) {
    List<String> due = stream.dueForPolling(pollEvery);
    if (due.isEmpty()) {
      return;
    }
    try {
      sync.start(stream.orgId, due, false, SyncRun.Trigger.SCHEDULED);
      stream.polled(due);
    } catch (ScopienException e) {
      // A run of the org is working (its own or another instance's): the next check tries again.
      log.debug("Poll of {} in org {} waits: {}", due, stream.orgId, e.getMessage());
    }
  }

  /** What decides the subscription: the settings and the object selection. */
  private String signature(String orgId) {
    return settings.settings(orgId) + "|" + settings.store().objects(orgId);
  }

  /** Says in the error log where real-time is unavailable, and clears it when it streams. */
  private final class ErrorLogReporter implements OrgStream.Reporter {
    @Override
    public void fallback(String orgId, String object, String channel, String reason) {
      String message =
          "Real-time unavailable for "
              + object
              + " ("
              + reason
              + "); polling every "
              + pollEvery.toSeconds()
              + " s";
      log.warn("Org {}: {}", orgId, message);
      stores
          .errors()
          .record(
              new SyncErrorLog.Entry(
                  orgId,
                  null,
                  object,
                  null,
                  "real-time",
                  UNAVAILABLE,
                  message,
                  "Polling every " + pollEvery.toSeconds() + " s instead",
                  SyncError.Status.WAITING));
    }

    @Override
    public void streaming(String orgId, String object, String channel) {
      stores
          .errors()
          .resolve(orgId, object, null, "real-time", UNAVAILABLE, "Streaming change events again");
    }
  }
}
