package com.scopien.salesforce;

import static com.scopien.salesforce.RecordingStreamListener.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.salesforce.ScriptedSalesforceServer.Recorded;
import com.scopien.salesforce.ScriptedSalesforceServer.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Bayeux client's protocol handling, against a scripted Streaming API over HTTP. */
class StreamingClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHANNEL = "/data/AccountChangeEvent";

  private ScriptedSalesforceServer server;
  private RecordingSessionProvider sessions;
  private StreamingClient client;
  private final RecordingStreamListener listener = new RecordingStreamListener();
  private StreamingSubscription subscription;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedSalesforceServer();
    sessions = new RecordingSessionProvider(server.url());
    client =
        new StreamingClient(
            SalesforceClients.newHttpClient(),
            sessions,
            "62.0",
            Duration.ofMillis(10),
            Duration.ofMillis(40));
  }

  @AfterEach
  void stop() {
    if (subscription != null) {
      subscription.close();
    }
    server.close();
  }

  @Test
  void reHandshakesOnUnknownClientAndResubscribesFromTheLastHandledReplayId() throws Exception {
    AtomicInteger connects = new AtomicInteger();
    server.dispatch(
        request -> {
          JsonNode m = first(request);
          return switch (m.get("channel").asText()) {
            case "/meta/handshake" ->
                bayeux(
                        "{\"channel\":\"/meta/handshake\",\"successful\":true,\"clientId\":\"c"
                            + connects.get()
                            + "\",\"advice\":{\"interval\":0,\"timeout\":2000,"
                            + "\"reconnect\":\"retry\"}}")
                    .withHeader("Set-Cookie", "BAYEUX_BROWSER=abc123; Path=/");
            case "/meta/subscribe" -> subscribed(m);
            case "/meta/connect" ->
                switch (connects.incrementAndGet()) {
                  case 1 -> bayeux(event(41, "001000000000001AAA", "CREATE") + "," + connected());
                  case 2 ->
                      bayeux(
                          "{\"channel\":\"/meta/connect\",\"successful\":false,"
                              + "\"error\":\"403::Unknown client\","
                              + "\"advice\":{\"reconnect\":\"handshake\",\"interval\":0}}");
                  case 3 -> bayeux(event(57, "001000000000002AAA", "UPDATE") + "," + connected());
                  default -> slowEmptyConnect();
                };
            default -> bayeux("{\"channel\":\"/meta/disconnect\",\"successful\":true}");
          };
        });

    subscription = client.subscribe(CHANNEL, -1, listener);
    await(() -> listener.events.size() == 2, Duration.ofSeconds(5));

    assertThat(listener.recordIds()).containsExactly("001000000000001AAA", "001000000000002AAA");
    assertThat(listener.events.get(1).changeType()).isEqualTo("UPDATE");
    assertThat(listener.events.get(1).changedFields()).containsExactly("Name");
    assertThat(listener.events.get(1).fields()).containsEntry("FirstName", "Ada");
    assertThat(listener.connects).hasSize(2);
    assertThat(subscription.replayIds()).containsEntry(CHANNEL, 57L);
    List<Long> subscribedFrom =
        server.requests().stream()
            .map(StreamingClientTest::first)
            .filter(m -> m.get("channel").asText().equals("/meta/subscribe"))
            .map(m -> m.at("/ext/replay").get(CHANNEL).asLong())
            .toList();
    assertThat(subscribedFrom).containsExactly(-1L, 41L);
    Recorded second =
        server.requests().stream()
            .filter(r -> first(r).get("channel").asText().equals("/meta/connect"))
            .skip(1)
            .findFirst()
            .orElseThrow();
    assertThat(second.header("Cookie")).isEqualTo("BAYEUX_BROWSER=abc123");
    assertThat(second.header("Authorization")).isEqualTo("Bearer token-0");
    assertThat(second.path()).isEqualTo("/cometd/62.0");
  }

  @Test
  void renewsTheSessionOnceOn401AndHandshakesAgain() throws Exception {
    server.dispatch(
        request -> {
          JsonNode m = first(request);
          if ("Bearer token-0".equals(request.header("Authorization"))
              && m.get("channel").asText().equals("/meta/connect")) {
            return Reply.json(401, "[{\"error\":\"401::Authentication invalid\"}]");
          }
          return switch (m.get("channel").asText()) {
            case "/meta/handshake" -> handshake();
            case "/meta/subscribe" -> subscribed(m);
            case "/meta/connect" ->
                listener.events.isEmpty()
                    ? bayeux(event(3, "001000000000003AAA", "CREATE") + "," + connected())
                    : slowEmptyConnect();
            default -> bayeux("{\"channel\":\"/meta/disconnect\",\"successful\":true}");
          };
        });
    subscription = client.subscribe(CHANNEL, 2, listener);
    await(() -> listener.events.size() == 1, Duration.ofSeconds(5));
    assertThat(sessions.refreshes()).isEqualTo(1);
    assertThat(listener.connects).hasSize(2);
    assertThat(subscription.connected()).isTrue();
  }

  @Test
  void aFailingListenerGetsTheSameEventsAgain() throws Exception {
    listener.failNext.set(1);
    server.dispatch(
        request -> {
          JsonNode m = first(request);
          return switch (m.get("channel").asText()) {
            case "/meta/handshake" -> handshake();
            case "/meta/subscribe" -> subscribed(m);
            case "/meta/connect" ->
                listener.events.isEmpty()
                    ? bayeux(event(8, "001000000000008AAA", "CREATE") + "," + connected())
                    : slowEmptyConnect();
            default -> bayeux("{\"channel\":\"/meta/disconnect\",\"successful\":true}");
          };
        });
    subscription = client.subscribe(CHANNEL, 7, listener);
    await(() -> listener.events.size() == 1, Duration.ofSeconds(5));
    assertThat(listener.errors).containsExactly("the store is down");
    assertThat(subscription.replayIds()).containsEntry(CHANNEL, 8L);
  }

  @Test
  void refusedChannelsAreDroppedAndAnExpiredReplayIdFallsBackToEverythingRetained()
      throws Exception {
    server.dispatch(
        request -> {
          JsonNode m = first(request);
          return switch (m.get("channel").asText()) {
            case "/meta/handshake" -> handshake();
            case "/meta/subscribe" -> {
              String sub = m.get("subscription").asText();
              long replay = m.at("/ext/replay").get(sub).asLong();
              if (sub.equals("/data/CaseChangeEvent")) {
                yield refusedSubscribe(
                    sub,
                    "400::The channel you requested to subscribe to"
                        + " does not exist {/data/CaseChangeEvent}");
              }
              yield replay == 5
                  ? refusedSubscribe(sub, "400::The replayId {5} you provided was invalid.")
                  : subscribed(m);
            }
            case "/meta/connect" -> slowEmptyConnect();
            default -> bayeux("{\"channel\":\"/meta/disconnect\",\"successful\":true}");
          };
        });
    subscription = client.subscribe(Map.of(CHANNEL, 5L, "/data/CaseChangeEvent", -1L), listener);
    await(() -> !listener.connects.isEmpty(), Duration.ofSeconds(5));
    assertThat(listener.connects.get(0)).containsExactly(CHANNEL);
    assertThat(listener.refused)
        .singleElement()
        .asString()
        .startsWith("/data/CaseChangeEvent 400::");
    assertThat(listener.resets).containsExactly(CHANNEL + " 5");
    assertThat(subscription.replayIds()).isEqualTo(Map.of(CHANNEL, -2L));
  }

  @Test
  void noStreamingEndpointStopsTheSubscriptionAndNetworkErrorsBackOff() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server.dispatch(
        request ->
            calls.incrementAndGet() <= 2
                ? Reply.error(503, "SERVER_UNAVAILABLE", "busy")
                : Reply.empty(404));
    subscription = client.subscribe(CHANNEL, -1, listener);
    await(() -> !listener.stops.isEmpty(), Duration.ofSeconds(5));
    assertThat(listener.errors).hasSize(2);
    assertThat(listener.stops).containsExactly("the org has no Streaming API endpoint (HTTP 404)");
    await(subscription::stopped, Duration.ofSeconds(2));
  }

  @Test
  void closeEndsALongPollAtOnceAndSaysGoodbye() throws Exception {
    server.dispatch(
        request -> {
          JsonNode m = first(request);
          return switch (m.get("channel").asText()) {
            case "/meta/handshake" -> handshake();
            case "/meta/subscribe" -> subscribed(m);
            case "/meta/connect" -> slowEmptyConnect();
            default -> bayeux("[{\"channel\":\"/meta/disconnect\",\"successful\":true}]");
          };
        });
    subscription = client.subscribe(CHANNEL, -1, listener);
    await(() -> server.requests().size() >= 3, Duration.ofSeconds(5));
    long started = System.nanoTime();
    subscription.close();
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1500);
    assertThat(subscription.stopped()).isTrue();
    await(
        () ->
            server.requests().stream()
                .anyMatch(r -> first(r).get("channel").asText().equals("/meta/disconnect")),
        Duration.ofSeconds(3));
  }

  private static Reply slowEmptyConnect() {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return bayeux(connected());
  }

  private static Reply handshake() {
    return bayeux(
        "{\"channel\":\"/meta/handshake\",\"successful\":true,\"clientId\":\"abc\","
            + "\"advice\":{\"interval\":0,\"timeout\":2000,\"reconnect\":\"retry\"}}");
  }

  private static Reply subscribed(JsonNode m) {
    return bayeux(
        "{\"channel\":\"/meta/subscribe\",\"successful\":true,\"subscription\":\""
            + m.get("subscription").asText()
            + "\"}");
  }

  private static Reply refusedSubscribe(String subscription, String error) {
    return bayeux(
        "{\"channel\":\"/meta/subscribe\",\"successful\":false,\"subscription\":\""
            + subscription
            + "\",\"error\":\""
            + error
            + "\"}");
  }

  private static String connected() {
    return "{\"channel\":\"/meta/connect\",\"successful\":true,"
        + "\"advice\":{\"interval\":0,\"timeout\":2000,\"reconnect\":\"retry\"}}";
  }

  private static String event(long replayId, String recordId, String type) {
    String changed = type.equals("UPDATE") ? "[\"Name\"]" : "[]";
    return "{\"channel\":\""
        + CHANNEL
        + "\",\"data\":{\"schema\":\"s\",\"event\":{\"replayId\":"
        + replayId
        + "},\"payload\":{\"ChangeEventHeader\":{\"entityName\":\"Account\",\"recordIds\":[\""
        + recordId
        + "\"],\"changeType\":\""
        + type
        + "\",\"changedFields\":"
        + changed
        + ",\"commitTimestamp\":1569443783000,\"commitUser\":\"005000000000001AAA\"},"
        + "\"Name\":{\"FirstName\":\"Ada\",\"LastName\":\"Lovelace\"}}}}";
  }

  private static Reply bayeux(String messages) {
    String body = messages.startsWith("[") ? messages : "[" + messages + "]";
    return Reply.json(200, body);
  }

  private static JsonNode first(Recorded request) {
    try {
      JsonNode body = JSON.readTree(request.body());
      return body.isArray() ? body.get(0) : body;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
