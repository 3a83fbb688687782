package com.scopien.sync;

import com.scopien.salesforce.ChangeEvent;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.StreamListener;
import com.scopien.salesforce.StreamingSubscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real-time sync of one org: the listener of its Streaming API subscription, the objects that fall
 * back to polling (and why), and the polls owed (a catch-up after subscribing without a stored
 * replay id, a replay id the org no longer retains, a gap event). The subscription thread and
 * {@link RealtimeSync}'s thread share it; its state is guarded by this object.
 */
final class OrgStream implements StreamListener {
  private static final Logger log = LoggerFactory.getLogger(OrgStream.class);

  /** Reports a fallback to polling (object, reason) in the error log; resolves it (reason null). */
  interface Reporter {
    void fallback(String orgId, String object, String channel, String reason);

    void streaming(String orgId, String object, String channel);
  }

  final String orgId;
  final String signature;
  private final SalesforceClient client;
  private final Map<String, ObjectPlan> plans;
  private final UnaryOperator<Map<String, ObjectPlan>> settingsNow;
  private final Map<String, String> objectByChannel;
  private final ChangeApplier applier;
  private final Reporter reporter;
  private final Clock clock;
  private final Map<String, String> polling = new LinkedHashMap<>();
  private final Set<String> owed = new LinkedHashSet<>();
  private final Set<String> fromNow = new LinkedHashSet<>();
  private StreamingSubscription subscription;
  private Instant lastPoll;
  private Instant lastEventAt;
  private Instant endedAt;
  private String lastError;

  OrgStream(
      String orgId,
      String signature,
      SalesforceClient client,
      Map<String, ObjectPlan> plans,
      UnaryOperator<Map<String, ObjectPlan>> settingsNow,
      Map<String, String> objectByChannel,
      Map<String, Long> fromReplayIds,
      ChangeApplier applier,
      Reporter reporter,
      Clock clock) {
    this.orgId = orgId;
    this.signature = signature;
    this.client = client;
    this.plans = plans;
    this.settingsNow = settingsNow;
    this.objectByChannel = objectByChannel;
    this.applier = applier;
    this.reporter = reporter;
    this.clock = clock;
    fromReplayIds.forEach(
        (channel, id) -> {
          if (id < 0) {
            fromNow.add(channel);
          }
        });
  }

  synchronized void attach(StreamingSubscription subscription) {
    this.subscription = subscription;
  }

  /** Every object polls instead (the org cannot stream at all). */
  synchronized void pollEverything(String reason) {
    plans.values().forEach(p -> fallback(p.object(), null, reason));
    endedAt = clock.instant();
  }

  @Override
  public void onEvents(List<ChangeEvent> events) {
    // The plans carry the settings of when the subscription opened; a change of policy or of
    // frequency since must count from the next event on, not from the next check.
    ChangeApplier.Outcome outcome =
        applier.apply(orgId, new CountingClient(client), settingsNow.apply(plans), events);
    synchronized (this) {
      lastEventAt = clock.instant();
      owed.addAll(outcome.needPolling());
      events.forEach(e -> fromNow.remove(e.channel()));
    }
    if (outcome.runId() != null) {
      log.debug(
          "Applied {} change(s) of org {} in run {}", outcome.changed(), orgId, outcome.runId());
    }
  }

  @Override
  public void onConnected(Set<String> channels) {
    List<String> streamed = new ArrayList<>();
    synchronized (this) {
      lastError = null;
      for (String channel : channels) {
        String object = objectByChannel.get(channel);
        streamed.add(object);
        polling.remove(object);
        // Subscribed for new events only: what changed before is read once by a poll.
        if (fromNow.contains(channel)) {
          owed.add(object);
        }
      }
    }
    for (String channel : channels) {
      reporter.streaming(orgId, objectByChannel.get(channel), channel);
    }
    log.info("Real-time sync of org {} is streaming {}", orgId, streamed);
  }

  @Override
  public void onRefused(String channel, String error) {
    synchronized (this) {
      fallback(objectByChannel.get(channel), channel, "no change events: " + error);
    }
  }

  @Override
  public void onReplayReset(String channel, long invalidReplayId) {
    synchronized (this) {
      owed.add(objectByChannel.get(channel));
    }
  }

  @Override
  public void onError(Exception error, Duration retryIn) {
    synchronized (this) {
      lastError = error.getMessage();
    }
  }

  @Override
  public void onStopped(String reason) {
    synchronized (this) {
      for (String object : objectByChannel.values()) {
        if (!polling.containsKey(object)) {
          fallback(object, null, reason);
        }
      }
      endedAt = clock.instant();
    }
  }

  /**
   * The objects to poll now: the owed ones, and the fallback ones when {@code every} has passed.
   */
  synchronized List<String> dueForPolling(Duration every) {
    Set<String> due = new LinkedHashSet<>(owed);
    Instant now = clock.instant();
    if (!polling.isEmpty() && (lastPoll == null || !lastPoll.plus(every).isAfter(now))) {
      due.addAll(polling.keySet());
    }
    return List.copyOf(due);
  }

  /** A poll of these objects has started. */
  synchronized void polled(List<String> objects) {
    owed.removeAll(objects);
    if (objects.containsAll(polling.keySet())) {
      lastPoll = clock.instant();
    }
  }

  /** Ended for good (no endpoint, every channel refused) at this instant, or null. */
  synchronized Instant endedAt() {
    return endedAt;
  }

  /**
   * Whether {@code object}'s changes arrive through the live subscription now (so the mirror
   * follows Salesforce within the delivery delay), as opposed to polling or not connected.
   */
  synchronized boolean streamsNow(String object) {
    if (subscription == null || !subscription.connected()) {
      return false;
    }
    for (String streamed : objectByChannel.values()) {
      if (streamed.equalsIgnoreCase(object)) {
        return !polling.containsKey(streamed);
      }
    }
    return false;
  }

  synchronized RealtimeStatus status(Duration pollEvery) {
    boolean connected = subscription != null && subscription.connected();
    List<String> streamed = new ArrayList<>();
    for (String object : objectByChannel.values()) {
      if (!polling.containsKey(object)) {
        streamed.add(object);
      }
    }
    return new RealtimeStatus(
        orgId, connected, streamed, polling, pollEvery, lastEventAt, lastError);
  }

  void close() {
    StreamingSubscription current;
    synchronized (this) {
      current = subscription;
    }
    if (current != null) {
      current.close();
    }
  }

  private void fallback(String object, String channel, String reason) {
    if (object == null) {
      return;
    }
    polling.put(object, reason);
    reporter.fallback(orgId, object, channel, reason);
  }
}
