package com.scopien.localorg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Streaming API (Bayeux long-polling) and the change events every write publishes. */
class LocalOrgStreamingTest {

  private static final String COMETD = "/cometd/62.0";

  private static LocalOrg org;
  private static OrgHttp api;

  @BeforeAll
  static void start() {
    org =
        LocalOrg.start(
            LocalOrgOptions.sandbox()
                .withScale(new LocalOrgOptions.Scale(0.01))
                .withoutChangeEvents(Set.of("case"))
                .withStreamingTimeout(Duration.ofMillis(1500)));
    api = OrgHttp.connected(org);
  }

  @AfterAll
  static void stop() {
    org.close();
  }

  @Test
  void handshakeSubscribeAndConnectDeliverCreateUpdateAndDeleteInOrder() {
    String clientId = handshake();
    JsonNode subscribed = subscribe(clientId, "/data/AccountChangeEvent", -1);
    assertThat(subscribed.get("successful").asBoolean()).isTrue();
    String contact = anyContact();
    long before = org.lastReplayId();
    long queriesBefore = org.queryCallsUsed();
    long callsBefore = org.apiCallsUsed();

    String id = created("Streamed Inc");
    api.patch(OrgHttp.V + "/sobjects/Account/" + id, Map.of("Name", "Streamed Ltd"));
    api.delete(OrgHttp.V + "/sobjects/Account/" + id);
    org.update("Contact", contact, Map.of("Title", "Not for this channel"));

    List<JsonNode> events = connectUntil(clientId, 3);
    assertThat(events).hasSize(3);
    JsonNode create = events.get(0);
    assertThat(create.get("channel").asText()).isEqualTo("/data/AccountChangeEvent");
    JsonNode header = create.at("/data/payload/ChangeEventHeader");
    assertThat(header.get("entityName").asText()).isEqualTo("Account");
    assertThat(header.get("changeType").asText()).isEqualTo("CREATE");
    assertThat(header.get("recordIds").get(0).asText()).isEqualTo(id);
    assertThat(header.get("commitUser").asText()).isEqualTo(org.userId());
    assertThat(header.get("commitTimestamp").asLong()).isPositive();
    assertThat(create.at("/data/payload/Name").asText()).isEqualTo("Streamed Inc");
    assertThat(create.at("/data/payload").has("SystemModstamp")).isFalse();
    assertThat(create.at("/data/event/replayId").asLong()).isEqualTo(before + 1);

    JsonNode update = events.get(1).at("/data/payload");
    assertThat(update.at("/ChangeEventHeader/changeType").asText()).isEqualTo("UPDATE");
    List<String> changed = new ArrayList<>();
    update.at("/ChangeEventHeader/changedFields").forEach(f -> changed.add(f.asText()));
    assertThat(changed).contains("Name", "LastModifiedDate").doesNotContain("Industry");
    assertThat(update.get("Name").asText()).isEqualTo("Streamed Ltd");
    assertThat(update.has("Industry")).isFalse();

    JsonNode delete = events.get(2).at("/data/payload");
    assertThat(delete.at("/ChangeEventHeader/changeType").asText()).isEqualTo("DELETE");
    assertThat(delete.has("Name")).isFalse();
    assertThat(events.get(2).at("/data/event/replayId").asLong())
        .isGreaterThan(events.get(1).at("/data/event/replayId").asLong());
    // The three writes cost three REST calls; streaming costs none and no query ran.
    assertThat(org.apiCallsUsed() - callsBefore).isEqualTo(3);
    assertThat(org.queryCallsUsed()).isEqualTo(queriesBefore);
  }

  @Test
  void aConnectWaitsForTheNextEventInsteadOfPolling() throws Exception {
    String clientId = handshake();
    subscribe(clientId, "/data/ChangeEvents", -1);
    connect(clientId); // the first connect answers at once with advice
    long started = System.nanoTime();
    CompletableFuture<OrgHttp.Reply> waiting =
        CompletableFuture.supplyAsync(() -> bayeux(connectMessage(clientId)));
    Thread.sleep(300);
    assertThat(waiting).isNotDone();
    String id = org.create("Lead", Map.of("LastName", "Waiting", "Company", "Poll Free"));
    OrgHttp.Reply reply = waiting.get();
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(millis).isLessThan(1400);
    List<JsonNode> events = events(reply.json());
    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("channel").asText()).isEqualTo("/data/ChangeEvents");
    assertThat(events.get(0).at("/data/payload/ChangeEventHeader/recordIds/0").asText())
        .isEqualTo(id);
    JsonNode connectReply = metaReply(reply.json(), "/meta/connect");
    assertThat(connectReply.at("/advice/reconnect").asText()).isEqualTo("retry");
    assertThat(connectReply.at("/advice/timeout").asLong()).isEqualTo(1500);
  }

  @Test
  void replayResumesAfterAGivenIdOrReplaysEverythingRetained() {
    String first = created("Replay One");
    long afterFirst = org.lastReplayId();
    String second = created("Replay Two");

    String clientId = handshake();
    subscribe(clientId, "/data/AccountChangeEvent", afterFirst);
    List<JsonNode> resumed = connectUntil(clientId, 1);
    assertThat(resumed)
        .extracting(e -> e.at("/data/payload/ChangeEventHeader/recordIds/0").asText())
        .containsExactly(second);

    String all = handshake();
    subscribe(all, "/data/AccountChangeEvent", -2);
    List<String> ids = new ArrayList<>();
    connectUntil(all, 2)
        .forEach(e -> ids.add(e.at("/data/payload/ChangeEventHeader/recordIds/0").asText()));
    assertThat(ids).contains(first, second);

    JsonNode invalid = subscribe(handshake(), "/data/AccountChangeEvent", org.lastReplayId() + 50);
    assertThat(invalid.get("successful").asBoolean()).isFalse();
    assertThat(invalid.get("error").asText()).startsWith("400::The replayId {");
  }

  @Test
  void anObjectWithoutChangeEventsHasNoChannelAndPublishesNothing() {
    String clientId = handshake();
    JsonNode refused = subscribe(clientId, "/data/CaseChangeEvent", -1);
    assertThat(refused.get("successful").asBoolean()).isFalse();
    assertThat(refused.get("error").asText())
        .isEqualTo(
            "400::The channel you requested to subscribe to does not exist"
                + " {/data/CaseChangeEvent}");
    long before = org.lastReplayId();
    org.create("Case", Map.of("Subject", "No event for me"));
    assertThat(org.lastReplayId()).isEqualTo(before);
  }

  @Test
  void aRolledBackAllOrNoneWritePublishesNothing() {
    long before = org.lastReplayId();
    OrgHttp.Reply reply =
        api.post(
            OrgHttp.V + "/composite/sobjects",
            Map.of(
                "allOrNone",
                true,
                "records",
                List.of(
                    Map.of("attributes", Map.of("type", "Account"), "Name", "AON ok"),
                    Map.of("attributes", Map.of("type", "Account"), "Nope__c", "x"))));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(org.lastReplayId()).isEqualTo(before);
  }

  @Test
  void unknownClientsAreToldToHandshakeAndBadTokensGet401() {
    JsonNode reply = bayeux(connectMessage("nosuchclient")).json().get(0);
    assertThat(reply.get("successful").asBoolean()).isFalse();
    assertThat(reply.get("error").asText()).isEqualTo("403::Unknown client");
    assertThat(reply.at("/advice/reconnect").asText()).isEqualTo("handshake");

    String clientId = handshake();
    JsonNode gone = bayeux(Map.of("channel", "/meta/disconnect", "clientId", clientId)).json();
    assertThat(gone.get(0).get("successful").asBoolean()).isTrue();
    assertThat(bayeux(connectMessage(clientId)).json().get(0).get("error").asText())
        .isEqualTo("403::Unknown client");

    OrgHttp.Reply denied = api.withToken("00Dbad!token").post(COMETD, List.of(handshakeMessage()));
    assertThat(denied.status()).isEqualTo(401);
    assertThat(denied.json().get(0).get("error").asText()).isEqualTo("401::Authentication invalid");
    assertThat(api.post("/cometd/30.0", List.of(handshakeMessage())).status()).isEqualTo(404);
  }

  private String created(String name) {
    OrgHttp.Reply reply = api.post(OrgHttp.V + "/sobjects/Account", Map.of("Name", name));
    assertThat(reply.status()).isEqualTo(201);
    return reply.json().get("id").asText();
  }

  private static String anyContact() {
    return api.query("SELECT Id FROM Contact LIMIT 1").json().at("/records/0/Id").asText();
  }

  private static Map<String, Object> handshakeMessage() {
    return Map.of(
        "channel", "/meta/handshake",
        "version", "1.0",
        "supportedConnectionTypes", List.of("long-polling"),
        "id", "1");
  }

  private static String handshake() {
    OrgHttp.Reply reply = api.post(COMETD, List.of(handshakeMessage()));
    assertThat(reply.status()).isEqualTo(200);
    JsonNode hs = reply.json().get(0);
    assertThat(hs.get("successful").asBoolean()).isTrue();
    assertThat(hs.at("/ext/replay").asBoolean()).isTrue();
    assertThat(hs.get("id").asText()).isEqualTo("1");
    assertThat(reply.header("Set-Cookie")).startsWith("BAYEUX_BROWSER=");
    return hs.get("clientId").asText();
  }

  private static JsonNode subscribe(String clientId, String channel, long replayId) {
    JsonNode reply =
        bayeux(
                Map.of(
                    "channel",
                    "/meta/subscribe",
                    "clientId",
                    clientId,
                    "subscription",
                    channel,
                    "ext",
                    Map.of("replay", Map.of(channel, replayId))))
            .json()
            .get(0);
    assertThat(reply.get("subscription").asText()).isEqualTo(channel);
    return reply;
  }

  private static Map<String, Object> connectMessage(String clientId) {
    return Map.of(
        "channel", "/meta/connect", "connectionType", "long-polling", "clientId", clientId);
  }

  private static OrgHttp.Reply connect(String clientId) {
    return bayeux(connectMessage(clientId));
  }

  private static List<JsonNode> connectUntil(String clientId, int wanted) {
    List<JsonNode> events = new ArrayList<>();
    for (int i = 0; i < 5 && events.size() < wanted; i++) {
      JsonNode reply = connect(clientId).json();
      assertThat(metaReply(reply, "/meta/connect").get("successful").asBoolean()).isTrue();
      events.addAll(events(reply));
    }
    return events;
  }

  private static OrgHttp.Reply bayeux(Object message) {
    return api.post(COMETD, List.of(message));
  }

  private static List<JsonNode> events(JsonNode reply) {
    List<JsonNode> events = new ArrayList<>();
    reply.forEach(
        m -> {
          if (!m.get("channel").asText().startsWith("/meta/")) {
            events.add(m);
          }
        });
    return events;
  }

  private static JsonNode metaReply(JsonNode reply, String channel) {
    for (JsonNode m : reply) {
      if (m.get("channel").asText().equals(channel)) {
        return m;
      }
    }
    throw new AssertionError("no " + channel + " in " + reply);
  }
}
