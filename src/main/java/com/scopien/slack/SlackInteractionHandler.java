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

/**
 * {@code POST /slack/interactivity}: the Confirm and Cancel buttons under a production write. A
 * click is acknowledged at once; a worker then confirms or cancels the change waiting in the
 * conversation the button names, as the Slack user who clicked, and updates the message through its
 * {@code response_url}. The agent lets only the person who asked carry out or drop their change;
 * anyone else is told so privately and the buttons stay.
 */
final class SlackInteractionHandler {
  static final String NOT_YOURS =
      "Only the person who asked for this change can confirm or cancel it.";
  static final String NOT_WAITING =
      "This change is no longer waiting: it was already confirmed or cancelled, or it expired.";

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
    URI responseUrl = SlackCommandHandler.responseUrl(payload.path("response_url").asText(""));
    if (conversationId.isBlank() || slackUser.isBlank()) {
      throw ScopienException.invalid("invalid_action", "The click names no conversation or user.");
    }
    boolean queued =
        workers.submit(
            "Slack " + actionId, () -> decide(confirm, conversationId, slackUser, responseUrl));
    if (!queued) {
      throw new ScopienException(ScopienException.Kind.RETRIABLE, "busy", SlackCommandHandler.BUSY);
    }
  }

  private void decide(boolean confirm, String conversationId, String slackUser, URI responseUrl) {
    Optional<User> user = answerer.identify(slackUser);
    SlackMessage message;
    boolean replace = false;
    if (user.isEmpty()) {
      message = SlackReplies.note(SlackReplies.UNKNOWN_USER);
    } else {
      try {
        ChatReply reply =
            confirm
                ? pending.confirm(user.get(), conversationId)
                : pending.cancel(user.get(), conversationId);
        String by = (confirm ? "Confirmed by " : "Cancelled by ") + mention(slackUser);
        message = SlackReplies.outcome(reply, by);
        replace = true;
      } catch (ScopienException e) {
        boolean gone =
            e.kind() == ScopienException.Kind.CONFLICT || "no_pending_write".equals(e.code());
        boolean notYours =
            e.kind() == ScopienException.Kind.NOT_FOUND
                || e.kind() == ScopienException.Kind.FORBIDDEN;
        message =
            SlackReplies.note(
                gone ? NOT_WAITING : notYours ? NOT_YOURS : SlackAnswerer.GENERIC_FAILURE);
        replace = gone;
      }
    }
    SlackMessage answer = message;
    boolean replaceOriginal = replace;
    answerer.deliver(m -> slack.respond(responseUrl, m, replaceOriginal), answer);
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
