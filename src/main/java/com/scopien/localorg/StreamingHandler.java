package com.scopien.localorg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The Streaming API ({@code POST /cometd/{version}}): Bayeux over HTTP long-polling, as Salesforce
 * serves Change Data Capture. {@code /meta/handshake} hands out a clientId, {@code /meta/subscribe}
 * takes {@code /data/ChangeEvents} or {@code /data/<Object>ChangeEvent} with a replay id in {@code
 * ext.replay} (-1 new events only, -2 everything retained, or an id to resume after), {@code
 * /meta/connect} returns the events since the client's position or waits for one (up to the
 * streaming timeout, without holding a server thread), and {@code /meta/disconnect} ends the
 * client. A bad token is HTTP 401; an unknown or expired clientId is {@code 403::Unknown client}
 * with advice to handshake again. Streaming requests do not count against the daily REST
 * allocation, as on Salesforce. Thread-safe.
 */
final class StreamingHandler {

  static final String ALL_CHANGES = "/data/ChangeEvents";
  private static final int MAX_EVENTS_PER_CONNECT = 500;

  /** One handshaken client: its subscriptions, each with the replay id delivered last. */
  private static final class Client {
    final String userId;
    final Map<String, Long> positions = new ConcurrentHashMap<>();
    volatile Instant lastSeen;

    Client(String userId, Instant now) {
      this.userId = userId;
      this.lastSeen = now;
    }
  }

  private final SessionStore sessions;
  private final ChangeEventLog log;
  private final ChangeEventPublisher publisher;
  private final OrgSchema schema;
  private final Clock clock;
  private final Duration timeout;
  private final Duration maxIdle;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Client> clients = new ConcurrentHashMap<>();

  StreamingHandler(
      SessionStore sessions,
      ChangeEventLog log,
      ChangeEventPublisher publisher,
      OrgSchema schema,
      Clock clock,
      Duration timeout) {
    this.sessions = sessions;
    this.log = log;
    this.publisher = publisher;
    this.schema = schema;
    this.clock = clock;
    this.timeout = timeout;
    // Salesforce drops a client that does not reconnect within 40 s of a reply.
    this.maxIdle = timeout.plusSeconds(40);
  }

  void handle(Context ctx) {
    String version = ctx.pathParam("version");
    if (!version.matches("\\d{2}\\.0")
        || Integer.parseInt(version.substring(0, 2)) < 37
        || Integer.parseInt(version.substring(0, 2)) > ApiVersions.NEWEST) {
      ctx.status(404).result("Not Found");
      return;
    }
    Optional<SessionStore.Session> session = sessions.touch(RestGate.bearer(ctx));
    if (session.isEmpty()) {
      ObjectNode denied = JsonNodeFactory.instance.objectNode();
      denied.put("successful", false);
      denied.put("error", "401::Authentication invalid");
      denied.putObject("advice").put("reconnect", "none");
      reply(ctx.status(401), JsonNodeFactory.instance.arrayNode().add(denied));
      return;
    }
    List<JsonNode> messages = messages(ctx);
    if (messages == null) {
      ctx.status(400).result("Bad Request");
      return;
    }
    expireIdle();
    ArrayNode replies = JsonNodeFactory.instance.arrayNode();
    JsonNode connect = null;
    for (JsonNode message : messages) {
      String channel = message.path("channel").asText("");
      switch (channel) {
        case "/meta/handshake" -> replies.add(handshake(ctx, message, session.get()));
        case "/meta/subscribe" -> replies.add(subscribe(message, true));
        case "/meta/unsubscribe" -> replies.add(subscribe(message, false));
        case "/meta/disconnect" -> replies.add(disconnect(message));
        case "/meta/connect" -> connect = message;
        default -> replies.add(failure(message, "403::Publishing is not allowed", null));
      }
    }
    if (connect == null) {
      reply(ctx, replies);
      return;
    }
    Client client = clients.get(connect.path("clientId").asText(""));
    if (client == null) {
      replies.add(unknownClient(connect));
      reply(ctx, replies);
      return;
    }
    client.lastSeen = clock.instant();
    JsonNode request = connect;
    CompletableFuture<Void> published = log.nextPublish();
    if (hasEvents(client)) {
      answerConnect(ctx, replies, request, client);
      return;
    }
    CompletableFuture<Void> waited =
        CompletableFuture.anyOf(
                published,
                new CompletableFuture<Void>()
                    .completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS))
            // Not on the publishing thread: that is a writer holding the org's write lock.
            .thenAcceptAsync(ignored -> answerConnect(ctx, replies, request, client));
    ctx.future(() -> waited);
  }

  private ObjectNode handshake(Context ctx, JsonNode message, SessionStore.Session session) {
    String clientId = randomId();
    clients.put(clientId, new Client(session.userId(), clock.instant()));
    ctx.cookie("BAYEUX_BROWSER", randomId().substring(0, 12));
    ObjectNode reply = base(message);
    reply.put("clientId", clientId);
    reply.put("version", "1.0");
    reply.put("minimumVersion", "1.0");
    reply.putArray("supportedConnectionTypes").add("long-polling");
    ObjectNode ext = reply.putObject("ext");
    ext.put("replay", true);
    ext.put("payload.format", true);
    reply.put("successful", true);
    advice(reply.putObject("advice"));
    return reply;
  }

  private ObjectNode subscribe(JsonNode message, boolean subscribe) {
    Client client = clients.get(message.path("clientId").asText(""));
    if (client == null) {
      return unknownClient(message);
    }
    client.lastSeen = clock.instant();
    String channel = message.path("subscription").asText("");
    ObjectNode reply = base(message);
    reply.put("clientId", message.path("clientId").asText());
    reply.put("subscription", channel);
    if (!subscribe) {
      client.positions.remove(channel);
      reply.put("successful", true);
      return reply;
    }
    if (!channel.equals(ALL_CHANGES) && publisher.objectOf(channel, schema).isEmpty()) {
      return failure(
          message,
          "400::The channel you requested to subscribe to does not exist {" + channel + "}",
          null);
    }
    JsonNode asked = message.path("ext").path("replay").path(channel);
    long replayId = asked.canConvertToLong() ? asked.asLong() : -1;
    if (!log.replayable(replayId)) {
      return failure(
          message,
          "400::The replayId {"
              + replayId
              + "} you provided was invalid.  Please provide a valid ID, -2 to replay all events,"
              + " or -1 to replay only new events.",
          null);
    }
    long position = replayId == -1 ? log.lastReplayId() : replayId == -2 ? 0 : replayId;
    client.positions.put(channel, position);
    reply.put("successful", true);
    return reply;
  }

  private ObjectNode disconnect(JsonNode message) {
    Client gone = clients.remove(message.path("clientId").asText(""));
    if (gone == null) {
      return unknownClient(message);
    }
    ObjectNode reply = base(message);
    reply.put("clientId", message.path("clientId").asText());
    reply.put("successful", true);
    return reply;
  }

  private boolean hasEvents(Client client) {
    for (Map.Entry<String, Long> s : client.positions.entrySet()) {
      if (!log.after(s.getValue(), matcher(s.getKey()), 1).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Writes the events the client has not had, then the connect reply with its advice. */
  private void answerConnect(Context ctx, ArrayNode replies, JsonNode request, Client client) {
    List<ObjectNode> delivered = new ArrayList<>();
    for (Map.Entry<String, Long> s : client.positions.entrySet()) {
      String channel = s.getKey();
      long position = s.getValue();
      for (ChangeEventLog.Event e : log.after(position, matcher(channel), MAX_EVENTS_PER_CONNECT)) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.set("data", e.data());
        message.put("channel", channel);
        delivered.add(message);
        position = e.replayId();
      }
      client.positions.replace(channel, s.getValue(), position);
    }
    delivered.sort(
        Comparator.comparingLong(m -> m.path("data").path("event").path("replayId").asLong()));
    delivered.forEach(replies::add);
    ObjectNode reply = base(request);
    reply.put("clientId", request.path("clientId").asText());
    reply.put("successful", true);
    advice(reply.putObject("advice"));
    replies.add(reply);
    client.lastSeen = clock.instant();
    reply(ctx, replies);
  }

  private java.util.function.Predicate<ChangeEventLog.Event> matcher(String channel) {
    if (channel.equals(ALL_CHANGES)) {
      return e -> true;
    }
    String entity = publisher.objectOf(channel, schema).map(ObjectDef::name).orElse("");
    return e -> e.entityName().equals(entity);
  }

  private void advice(ObjectNode advice) {
    advice.put("interval", 0);
    advice.put("timeout", timeout.toMillis());
    advice.put("reconnect", "retry");
  }

  private ObjectNode unknownClient(JsonNode message) {
    ObjectNode advice = JsonNodeFactory.instance.objectNode();
    advice.put("reconnect", "handshake");
    advice.put("interval", 0);
    return failure(message, "403::Unknown client", advice);
  }

  private static ObjectNode failure(JsonNode message, String error, ObjectNode advice) {
    ObjectNode reply = base(message);
    if (message.has("subscription")) {
      reply.put("subscription", message.path("subscription").asText());
    }
    if (message.has("clientId")) {
      reply.put("clientId", message.path("clientId").asText());
    }
    reply.put("successful", false);
    reply.put("error", error);
    if (advice != null) {
      reply.set("advice", advice);
    }
    return reply;
  }

  private static ObjectNode base(JsonNode message) {
    ObjectNode reply = JsonNodeFactory.instance.objectNode();
    reply.put("channel", message.path("channel").asText(""));
    if (message.has("id")) {
      reply.set("id", message.get("id"));
    }
    return reply;
  }

  private void expireIdle() {
    Instant oldest = clock.instant().minus(maxIdle);
    clients.values().removeIf(c -> c.lastSeen.isBefore(oldest));
  }

  private static List<JsonNode> messages(Context ctx) {
    try {
      JsonNode body = WireFormat.JSON.readTree(ctx.body());
      List<JsonNode> list = new ArrayList<>();
      if (body != null && body.isArray()) {
        body.forEach(list::add);
      } else if (body != null && body.isObject()) {
        list.add(body);
      }
      return list.isEmpty() ? null : list;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static void reply(Context ctx, ArrayNode replies) {
    try {
      ctx.contentType("application/json;charset=UTF-8")
          .result(WireFormat.JSON.writeValueAsBytes(replies));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("reply not serialisable", e);
    }
  }

  private String randomId() {
    StringBuilder out = new StringBuilder(26);
    for (int i = 0; i < 26; i++) {
      out.append(Character.toLowerCase(SalesforceIds.BASE62.charAt(random.nextInt(62))));
    }
    return out.toString();
  }
}
