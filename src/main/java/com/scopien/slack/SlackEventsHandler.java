package com.scopien.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.ScopienException;
import com.scopien.security.User;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}, Slack's Events API: answers the URL verification, and takes {@code
 * app_mention}s, direct messages and (when the app subscribes to channel messages) replies in a
 * thread where the person already talks to Scopien. It acknowledges at once and answers in the
 * thread from a worker.
 *
 * <p>Each event is taken once, by {@code event_id} in the store, so a retry (Slack sends {@code
 * X-Slack-Retry-Num} when it thinks a delivery failed) or a second instance does not answer twice.
 * Messages from bots (Scopien's own included) and edits, deletions and other subtypes are ignored;
 * Slack sends an {@code app_mention} again, marked {@code edited}, when a mention is edited, and
 * that is not answered twice.
 */
final class SlackEventsHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SlackEventsHandler.class);
  static final Duration KEEP_EVENTS = Duration.ofDays(1);
  private static final int PRUNE_EVERY = 256;

  /** One message to answer; {@code onlyInKnownThread} for a thread reply without a mention. */
  record Incoming(
      String team,
      String channel,
      String user,
      String text,
      String replyThreadTs,
      boolean onlyInKnownThread) {
    String threadKey() {
      return SlackConversations.threadKey(team, channel, replyThreadTs);
    }
  }

  private final SlackGate gate;
  private final SlackStore store;
  private final SlackWorkers workers;
  private final SlackAnswerer answerer;
  private final SlackBot bot;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicLong claims = new AtomicLong();

  SlackEventsHandler(
      SlackGate gate,
      SlackStore store,
      SlackWorkers workers,
      SlackAnswerer answerer,
      SlackBot bot,
      Clock clock) {
    this.gate = gate;
    this.store = store;
    this.workers = workers;
    this.answerer = answerer;
    this.bot = bot;
    this.clock = clock;
  }

  void handle(Context ctx) {
    String body = gate.verifiedBody(ctx);
    if (body == null) {
      return;
    }
    JsonNode envelope = parse(body);
    switch (envelope.path("type").asText("")) {
      case "url_verification" ->
          ctx.json(Map.of("challenge", envelope.path("challenge").asText("")));
      case "event_callback" -> {
        take(envelope, ctx.header("X-Slack-Retry-Num"));
        ctx.status(200);
      }
      default -> ctx.status(200);
    }
  }

  private void take(JsonNode envelope, String retryNum) {
    String botUserId = bot.known(envelope);
    Optional<Incoming> incoming = incoming(envelope, botUserId);
    if (incoming.isEmpty()) {
      return;
    }
    Incoming message = incoming.get();
    if (message.onlyInKnownThread() && !store.hasThread(message.threadKey())) {
      return;
    }
    String eventId = envelope.path("event_id").asText("");
    if (eventId.isEmpty() || eventId.length() > 64) {
      throw ScopienException.invalid("invalid_event", "The event has no usable event_id.");
    }
    if (!store.claimEvent(eventId, clock.instant())) {
      LOG.info("Slack event {} was already taken (retry {})", eventId, retryNum);
      return;
    }
    if (claims.incrementAndGet() % PRUNE_EVERY == 0) {
      workers.submit(
          "prune Slack events", () -> store.forgetEventsBefore(clock.instant().minus(KEEP_EVENTS)));
    }
    if (!workers.submit("answer Slack event " + eventId, () -> answer(message))) {
      // Give the event back and let Slack retry it a little later.
      store.releaseEvent(eventId);
      throw new ScopienException(
          ScopienException.Kind.RETRIABLE, "busy", "Scopien is busy; Slack will retry.");
    }
  }

  private void answer(Incoming message) {
    String botUserId = bot.userId();
    if (message.user().equals(botUserId)) {
      return;
    }
    Optional<User> user = answerer.identify(message.user());
    if (message.onlyInKnownThread()
        && user.flatMap(u -> store.conversation(message.threadKey(), u.id())).isEmpty()) {
      // A reply in a thread where this person has not asked Scopien anything: not for us.
      return;
    }
    String text = SlackText.plain(message.text(), botUserId);
    answerer.answerInThread(
        user,
        message.user(),
        message.threadKey(),
        text,
        message.channel(),
        message.replyThreadTs());
  }

  /** The message to answer in an event, if it is one Scopien should answer. */
  static Optional<Incoming> incoming(JsonNode envelope, String botUserId) {
    JsonNode event = envelope.path("event");
    String type = event.path("type").asText("");
    if (!type.equals("app_mention") && !type.equals("message")) {
      return Optional.empty();
    }
    // Edits (message_changed, or an app_mention sent again with "edited"), deletions, joins and
    // bots' messages are not requests; a reply also sent to the channel (thread_broadcast) is.
    String subtype = event.path("subtype").asText("");
    boolean personMessage = subtype.isEmpty() || subtype.equals("thread_broadcast");
    if (!personMessage
        || event.has("edited")
        || event.hasNonNull("bot_id")
        || event.has("bot_profile")) {
      return Optional.empty();
    }
    String user = event.path("user").asText("");
    String channel = event.path("channel").asText("");
    String ts = event.path("ts").asText("");
    String team = envelope.path("team_id").asText(event.path("team").asText(""));
    if (user.isEmpty() || channel.isEmpty() || ts.isEmpty() || user.equals(botUserId)) {
      return Optional.empty();
    }
    String text = event.path("text").asText("");
    String threadTs = event.path("thread_ts").asText("");
    String replyTs = threadTs.isEmpty() ? ts : threadTs;
    if (type.equals("app_mention")) {
      return Optional.of(new Incoming(team, channel, user, text, replyTs, false));
    }
    if ("im".equals(event.path("channel_type").asText(""))) {
      return Optional.of(new Incoming(team, channel, user, text, replyTs, false));
    }
    // A channel message: only a thread reply that does not mention the bot (a mention comes as
    // its own app_mention event, which answers it).
    boolean mentionsBot = botUserId != null ? text.contains("<@" + botUserId) : text.contains("<@");
    if (threadTs.isEmpty() || mentionsBot) {
      return Optional.empty();
    }
    return Optional.of(new Incoming(team, channel, user, text, replyTs, true));
  }

  private JsonNode parse(String body) {
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.isObject()) {
        throw ScopienException.invalid("invalid_json", "The body is not a JSON object.");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ScopienException.invalid("invalid_json", "The body is not valid JSON.");
    }
  }
}
