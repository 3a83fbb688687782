package com.scopien.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Bayeux client of the Streaming API, on its own daemon thread: handshake, subscribe to its
 * channels from their replay ids, then {@code /meta/connect} long-polls, handing each delivery to
 * the {@link StreamListener}. It follows the server's advice ({@code retry} after {@code interval},
 * {@code handshake} again, or {@code none}); after every new handshake it resubscribes from the
 * last replay ids its listener handled, so nothing is skipped. A 401 renews the session once and
 * handshakes again; network errors and 5xx back off (doubling, bounded). Thread-safe: {@link
 * #close} may be called from any thread and stops it promptly.
 */
public final class StreamingSubscription implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StreamingSubscription.class);
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(110);
  private static final Duration NETWORK_MARGIN = Duration.ofSeconds(15);
  private static final Duration META_TIMEOUT = Duration.ofSeconds(30);
  private static final String REPLAY_INVALID = "400::The replayId";

  private final BayeuxTransport transport;
  private final StreamListener listener;
  private final ObjectMapper mapper;
  private final Duration backOffBase;
  private final Duration backOffMax;
  private final Map<String, Long> replayIds = new LinkedHashMap<>();
  private final Set<String> refused = new LinkedHashSet<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicLong messageIds = new AtomicLong();
  private final Thread thread;
  private volatile boolean closed;
  private volatile boolean connected;
  private String clientId;
  private long intervalMillis;
  private Duration timeout = DEFAULT_TIMEOUT;

  StreamingSubscription(
      BayeuxTransport transport,
      Map<String, Long> fromReplayIds,
      StreamListener listener,
      ObjectMapper mapper,
      Duration backOffBase,
      Duration backOffMax,
      String name) {
    this.transport = transport;
    this.listener = listener;
    this.mapper = mapper;
    this.backOffBase = backOffBase;
    this.backOffMax = backOffMax;
    this.replayIds.putAll(fromReplayIds);
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** The replay id each live channel resumes after: the last event its listener handled. */
  public synchronized Map<String, Long> replayIds() {
    return Map.copyOf(replayIds);
  }

  /** Whether the last exchange with the server went well (handshaken and connected). */
  public boolean connected() {
    return connected && !closed;
  }

  /** Whether the subscription has ended (closed, or stopped for good). */
  public boolean stopped() {
    return stopped.getCount() == 0;
  }

  /** Stops the subscription: aborts the long-poll, says goodbye to the server, ends the thread. */
  @Override
  public void close() {
    closed = true;
    transport.cancel();
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    int failures = 0;
    boolean renewed = false;
    try {
      while (!closed) {
        Session session = transport.session();
        try {
          if (clientId == null && !handshakeAndSubscribe()) {
            return;
          }
          if (!connect()) {
            return;
          }
          failures = 0;
          renewed = false;
          pause(intervalMillis);
        } catch (BayeuxTransport.Failure e) {
          connected = false;
          if (e.status == 404) {
            stop("the org has no Streaming API endpoint (HTTP 404)");
            return;
          }
          if (e.status == 401 && !renewed) {
            renewed = true;
            clientId = null;
            try {
              transport.renew(session);
            } catch (RuntimeException refused) {
              if (refused instanceof OAuthException o && o.needsReauthorization()) {
                stop("the session cannot be renewed: " + o.getMessage());
                return;
              }
              failures = backOff(refused, failures);
            }
            continue;
          }
          failures = backOff(e, failures);
        } catch (IOException | ListenerFailure | RuntimeException e) {
          if (e instanceof OAuthException oauth && oauth.needsReauthorization()) {
            stop("the session cannot be renewed: " + oauth.getMessage());
            return;
          }
          connected = false;
          if (e instanceof ListenerFailure) {
            // Redeliver from what the listener last handled.
            clientId = null;
          }
          failures = backOff(e instanceof ListenerFailure lf ? lf.cause : e, failures);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      connected = false;
      disconnectQuietly();
      stopped.countDown();
    }
  }

  /** Handshakes and subscribes; false when the subscription must stop. */
  private boolean handshakeAndSubscribe() throws IOException, InterruptedException {
    Map<String, Object> hs = message("/meta/handshake");
    hs.put("version", "1.0");
    hs.put("minimumVersion", "1.0");
    hs.put("supportedConnectionTypes", List.of("long-polling"));
    JsonNode reply = single(transport.send(List.of(hs), META_TIMEOUT), "/meta/handshake");
    if (!reply.path("successful").asBoolean()) {
      readAdvice(reply.path("advice"));
      throw new IOException("handshake refused: " + reply.path("error").asText("no reason"));
    }
    readAdvice(reply.path("advice"));
    clientId = reply.path("clientId").asText();
    Map<String, Long> wanted = replayIds();
    for (Map.Entry<String, Long> channel : wanted.entrySet()) {
      subscribe(channel.getKey(), channel.getValue());
    }
    synchronized (this) {
      if (replayIds.isEmpty()) {
        stop("every channel was refused: " + refused);
        return false;
      }
    }
    connected = true;
    listener.onConnected(replayIds().keySet());
    return true;
  }

  private void subscribe(String channel, long replayId) throws IOException, InterruptedException {
    Map<String, Object> sub = message("/meta/subscribe");
    sub.put("clientId", clientId);
    sub.put("subscription", channel);
    sub.put("ext", Map.of("replay", Map.of(channel, replayId)));
    JsonNode reply = single(transport.send(List.of(sub), META_TIMEOUT), "/meta/subscribe");
    if (reply.path("successful").asBoolean()) {
      return;
    }
    String error = reply.path("error").asText("");
    if (error.startsWith("403::Unknown client")) {
      clientId = null;
      throw new IOException("the server forgot the client while subscribing");
    }
    if (error.startsWith(REPLAY_INVALID) && replayId != -2) {
      log.warn("Replay id {} of {} is no longer retained; replaying what is", replayId, channel);
      synchronized (this) {
        replayIds.put(channel, -2L);
      }
      listener.onReplayReset(channel, replayId);
      subscribe(channel, -2);
      return;
    }
    synchronized (this) {
      replayIds.remove(channel);
      refused.add(channel);
    }
    listener.onRefused(channel, error);
  }

  /** One long-poll; false when the subscription must stop. */
  private boolean connect() throws IOException, InterruptedException, ListenerFailure {
    Map<String, Object> connect = message("/meta/connect");
    connect.put("clientId", clientId);
    connect.put("connectionType", "long-polling");
    List<JsonNode> replies = transport.send(List.of(connect), timeout.plus(NETWORK_MARGIN));
    List<ChangeEvent> events = new ArrayList<>();
    JsonNode connectReply = null;
    for (JsonNode m : replies) {
      String channel = m.path("channel").asText("");
      if (channel.equals("/meta/connect")) {
        connectReply = m;
      } else if (!channel.startsWith("/meta/") && m.has("data")) {
        try {
          events.add(ChangeEvent.parse(channel, m.get("data"), mapper));
        } catch (IllegalArgumentException e) {
          log.warn("Ignored a message on {} that is not a change event", channel);
        }
      }
    }
    if (!events.isEmpty()) {
      try {
        listener.onEvents(List.copyOf(events));
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        throw new ListenerFailure(e);
      }
      synchronized (this) {
        for (ChangeEvent e : events) {
          replayIds.computeIfPresent(e.channel(), (c, last) -> Math.max(last, e.replayId()));
        }
      }
    }
    if (connectReply == null) {
      return true;
    }
    readAdvice(connectReply.path("advice"));
    if (connectReply.path("successful").asBoolean()) {
      connected = true;
      return true;
    }
    String reconnect = connectReply.path("advice").path("reconnect").asText("");
    String error = connectReply.path("error").asText("");
    if (reconnect.equals("none")) {
      stop("the server advised not to reconnect: " + error);
      return false;
    }
    if (reconnect.equals("handshake") || error.startsWith("403::Unknown client")) {
      clientId = null;
      return true;
    }
    throw new IOException("connect failed: " + error);
  }

  private void readAdvice(JsonNode advice) {
    if (advice.has("interval")) {
      intervalMillis = Math.max(0, advice.path("interval").asLong());
    }
    if (advice.has("timeout") && advice.path("timeout").asLong() > 0) {
      timeout = Duration.ofMillis(advice.path("timeout").asLong());
    }
  }

  private int backOff(Exception error, int failures) throws InterruptedException {
    int attempt = failures + 1;
    long millis =
        Math.min(backOffMax.toMillis(), backOffBase.toMillis() << Math.min(attempt - 1, 20));
    Duration wait = Duration.ofMillis(millis);
    log.warn("Streaming failed ({}); retrying in {} ms", error.getMessage(), millis);
    listener.onError(error, wait);
    pause(millis);
    return attempt;
  }

  private void pause(long millis) throws InterruptedException {
    if (millis > 0 && !closed) {
      if (stopped.await(millis, TimeUnit.MILLISECONDS)) {
        return;
      }
    }
    if (closed) {
      throw new InterruptedException("closed");
    }
  }

  private void stop(String reason) {
    log.warn("Streaming subscription stopped: {}", reason);
    closed = true;
    listener.onStopped(reason);
  }

  private void disconnectQuietly() {
    if (clientId == null) {
      return;
    }
    // The goodbye must not fail at once because close() interrupted this thread.
    boolean interrupted = Thread.interrupted();
    try {
      Map<String, Object> bye = message("/meta/disconnect");
      bye.put("clientId", clientId);
      transport.send(List.of(bye), Duration.ofSeconds(2));
    } catch (IOException | InterruptedException | RuntimeException e) {
      log.debug("No goodbye to the Streaming API: {}", e.getMessage());
    } finally {
      clientId = null;
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Map<String, Object> message(String channel) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("channel", channel);
    m.put("id", Long.toString(messageIds.incrementAndGet()));
    return m;
  }

  private static JsonNode single(List<JsonNode> replies, String channel) throws IOException {
    for (JsonNode reply : replies) {
      if (reply.path("channel").asText("").equals(channel)) {
        return reply;
      }
    }
    throw new IOException("no " + channel + " reply");
  }

  /** The listener threw: the delivery is not handled. */
  private static final class ListenerFailure extends Exception {
    final Exception cause;

    ListenerFailure(Exception cause) {
      super(cause.getMessage(), cause, false, false);
      this.cause = cause;
    }
  }
}
