package com.scopien.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.ScopienException;
import com.scopien.agent.ChatReply;
import com.scopien.security.User;
import com.scopien.web.PendingWrites;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/interactivity}: the Confirm and Cancel buttons under a production write. A
 * click is acknowledged at once; a worker then confirms or cancels the change waiting in the
 * conversation the button names, as the Slack user who clicked. The agent lets the person who asked
 * or an admin carry out or drop the change, and never a Guest; anyone else is told privately who
 * can, and the buttons stay. When it is done, the message is updated in place ({@code chat.update},
 * or the click's {@code response_url} for an ephemeral message) to say who confirmed or cancelled.
 */
final class SlackInteractionHandler {
  static final String NOT_WAITING =
      "This change is no longer waiting: it was already confirmed or cancelled, or it expired.";
  private static final Logger LOG = LoggerFactory.getLogger(SlackInteractionHandler.class);

  /** Where the clicked message is: its channel and ts, unless it was ephemeral. */
  private record Clicked(URI responseUrl, String channel, String ts, String askedBy) {}

  private final SlackGate gate;
  private final SlackWorkers workers;
  private final SlackAnswerer answerer;
  private final PendingWrites pending;
  private final SlackClient slack;
  private final ObjectMapper json = new ObjectMapper();

  SlackInteractionHandler(
      SlackGate gate,
      SlackWorkers workers,
      SlackAnswerer answerer,
      PendingWrites pending,
      SlackClient slack) {
    this.gate = gate;
    this.workers = workers;
    this.answerer = answerer;
    this.pending = pending;
    this.slack = slack;
  }

  void handle(Context ctx) {
    String body = gate.verifiedBody(ctx);
    if (body == null) {
      return;
    }
    JsonNode payload = payload(SlackGate.form(body).get("payload"));
    ctx.status(200);
    if (!"block_actions".equals(payload.path("type").asText())) {
      return;
    }
    JsonNode action = payload.path("actions").path(0);
    String actionId = action.path("action_id").asText("");
    boolean confirm = SlackBlocks.CONFIRM.equals(actionId);
    if (!confirm && !SlackBlocks.CANCEL.equals(actionId)) {
      return;
    }
    String conversationId = action.path("value").asText("");
    String slackUser = payload.path("user").path("id").asText("");
    if (conversationId.isBlank() || slackUser.isBlank()) {
      throw ScopienException.invalid("invalid_action", "The click names no conversation or user.");
    }
    Clicked clicked = clicked(payload, action);
    boolean queued =
        workers.submit(
            "Slack " + actionId, () -> decide(confirm, conversationId, slackUser, clicked));
    if (!queued) {
      throw new ScopienException(ScopienException.Kind.RETRIABLE, "busy", SlackCommandHandler.BUSY);
    }
  }

  private static Clicked clicked(JsonNode payload, JsonNode action) {
    URI responseUrl = SlackCommandHandler.responseUrl(payload.path("response_url").asText(""));
    JsonNode container = payload.path("container");
    String askedBy = SlackBlocks.askedBy(action.path("block_id").asText(null));
    if (container.path("is_ephemeral").asBoolean(false)) {
      return new Clicked(responseUrl, null, null, askedBy);
    }
    String channel =
        container.path("channel_id").asText(payload.path("channel").path("id").asText(""));
    String ts = container.path("message_ts").asText(payload.path("message").path("ts").asText(""));
    return channel.isBlank() || ts.isBlank()
        ? new Clicked(responseUrl, null, null, askedBy)
        : new Clicked(responseUrl, channel, ts, askedBy);
  }

  private void decide(boolean confirm, String conversationId, String slackUser, Clicked clicked) {
    Optional<User> user = answerer.identify(slackUser);
    if (user.isEmpty()) {
      answerer.deliver(
          m -> slack.respond(clicked.responseUrl(), m, false),
          SlackReplies.note(SlackReplies.UNKNOWN_USER));
      return;
    }
    ChatReply reply;
    try {
      reply =
          confirm
              ? pending.confirm(user.get(), conversationId)
              : pending.cancel(user.get(), conversationId);
    } catch (ScopienException e) {
      answerer.deliver(
          m -> slack.respond(clicked.responseUrl(), m, false),
          SlackMessage.note(refusal(e, confirm, clicked.askedBy())));
      return;
    }
    String by = (confirm ? "Confirmed by " : "Cancelled by ") + mention(slackUser);
    if (clicked.askedBy() != null && !clicked.askedBy().equals(slackUser)) {
      by += ", asked by " + mention(clicked.askedBy());
    }
    answerer.deliver(m -> replaceClicked(clicked, m), SlackReplies.outcome(reply, by));
  }

  /** Updates the message the buttons were on; through the response URL if that cannot be done. */
  private void replaceClicked(Clicked clicked, SlackMessage message) {
    if (clicked.ts() != null) {
      try {
        slack.update(clicked.channel(), clicked.ts(), message);
        return;
      } catch (ScopienException e) {
        LOG.warn("Could not update the confirmed message in place: {}", e.getMessage());
      }
    }
    slack.respond(clicked.responseUrl(), message, true);
  }

  /** What the person clicking is told, as mrkdwn (a mention, then fixed words). */
  static String refusal(ScopienException e, boolean confirm, String askedBy) {
    if (e.kind() == ScopienException.Kind.FORBIDDEN) {
      boolean named = askedBy != null && SlackUserLinks.SLACK_USER_ID.matcher(askedBy).matches();
      String who = named ? mention(askedBy) : "the person who asked for it";
      return "Only " + who + " or an admin can " + (confirm ? "confirm" : "cancel") + " this.";
    }
    boolean gone =
        e.kind() == ScopienException.Kind.CONFLICT || e.kind() == ScopienException.Kind.NOT_FOUND;
    return gone ? NOT_WAITING : SlackAnswerer.GENERIC_FAILURE;
  }

  private static String mention(String slackUserId) {
    return SlackUserLinks.SLACK_USER_ID.matcher(slackUserId).matches()
        ? "<@" + slackUserId + ">"
        : "someone";
  }

  private JsonNode payload(String raw) {
    if (raw == null || raw.isBlank()) {
      throw ScopienException.invalid("missing_payload", "The request has no payload.");
    }
    try {
      return json.readTree(raw);
    } catch (JsonProcessingException e) {
      throw ScopienException.invalid("invalid_json", "The payload is not valid JSON.");
    }
  }
}
