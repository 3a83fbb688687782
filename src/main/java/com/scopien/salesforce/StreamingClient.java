package com.scopien.salesforce;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Streaming API of one org (Change Data Capture over CometD/Bayeux long-polling at {@code
 * {instance_url}/cometd/{version}}), on the same session and renewal as the org's REST client.
 * Written over {@code java.net.http} rather than the CometD client library, whose Jetty would clash
 * with the Jetty that Javalin brings.
 *
 * <p>Each {@link #subscribe} starts one {@link StreamingSubscription}: one Bayeux client on its own
 * daemon thread, until it is closed or stops for good. Replay ids: -1 for new events only, -2 for
 * everything the org retains (72 hours), or the last replay id handled to resume after it.
 * Thread-safe.
 */
public final class StreamingClient {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final HttpClient http;
  private final SessionProvider sessions;
  private final String apiVersion;
  private final ObjectMapper mapper = SalesforceJson.newMapper();
  private final Duration backOffBase;
  private final Duration backOffMax;

  StreamingClient(
      HttpClient http,
      SessionProvider sessions,
      String apiVersion,
      Duration backOffBase,
      Duration backOffMax) {
    this.http = http;
    this.sessions = sessions;
    this.apiVersion = apiVersion;
    this.backOffBase = backOffBase;
    this.backOffMax = backOffMax;
  }

  /** Network errors back off from 1 s, doubling, up to 30 s. */
  StreamingClient(HttpClient http, SessionProvider sessions, String apiVersion) {
    this(http, sessions, apiVersion, Duration.ofSeconds(1), Duration.ofSeconds(30));
  }

  /**
   * Subscribes to one channel from {@code fromReplayId}; see {@link #subscribe(Map,
   * StreamListener)}.
   */
  public StreamingSubscription subscribe(
      String channel, long fromReplayId, StreamListener listener) {
    return subscribe(Map.of(channel, fromReplayId), listener);
  }

  /**
   * Subscribes to several channels (such as {@code /data/AccountChangeEvent}) through one Bayeux
   * client, each from its replay id, and starts delivering to {@code listener} at once.
   *
   * @throws IllegalArgumentException when no channel is given or one does not start with {@code /}
   */
  public StreamingSubscription subscribe(Map<String, Long> fromReplayIds, StreamListener listener) {
    if (fromReplayIds.isEmpty()) {
      throw new IllegalArgumentException("subscribe to at least one channel");
    }
    fromReplayIds.keySet().forEach(StreamingClient::checkChannel);
    StreamingSubscription subscription =
        new StreamingSubscription(
            new BayeuxTransport(http, sessions, apiVersion, mapper),
            new LinkedHashMap<>(fromReplayIds),
            listener,
            mapper,
            backOffBase,
            backOffMax,
            "scopien-streaming-" + THREADS.incrementAndGet());
    subscription.start();
    return subscription;
  }

  /**
   * The Change Data Capture channel of an object: {@code /data/AccountChangeEvent} for Account,
   * {@code /data/Project__ChangeEvent} for the custom object {@code Project__c}.
   */
  public static String changeEventChannel(String object) {
    checkChannel("/" + object);
    return object.endsWith("__c")
        ? "/data/" + object.substring(0, object.length() - 1) + "ChangeEvent"
        : "/data/" + object + "ChangeEvent";
  }

  private static void checkChannel(String channel) {
    if (channel == null || !channel.matches("/[A-Za-z0-9_/]{1,200}")) {
      throw new IllegalArgumentException("not a channel name: " + channel);
    }
  }
}
