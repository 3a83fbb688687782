package com.scopien.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopien.ScopienException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's own Slack user id, so it never answers itself. Each event names the app's bot user in
 * {@code authorizations}; {@code auth.test} is asked once, from a worker, as a fallback and kept.
 */
final class SlackBot {
  private static final Logger LOG = LoggerFactory.getLogger(SlackBot.class);

  private final SlackClient slack;
  private final AtomicReference<String> userId = new AtomicReference<>();

  SlackBot(SlackClient slack) {
    this.slack = slack;
  }

  /** The bot's user id as far as known without calling Slack: from the event, or remembered. */
  String known(JsonNode envelope) {
    for (JsonNode authorization : envelope.path("authorizations")) {
      if (authorization.path("is_bot").asBoolean(false)
          && !authorization.path("user_id").asText("").isEmpty()) {
        String id = authorization.path("user_id").asText();
        userId.compareAndSet(null, id);
        return id;
      }
    }
    return userId.get();
  }

  /** The bot's user id, asking Slack once when it is not known yet; null if Slack cannot say. */
  String userId() {
    String id = userId.get();
    if (id != null) {
      return id;
    }
    try {
      String asked = slack.whoAmI().userId();
      if (asked != null) {
        userId.compareAndSet(null, asked);
      }
      return userId.get();
    } catch (ScopienException e) {
      LOG.warn("Could not ask Slack who the bot is: {}", e.getMessage());
      return null;
    }
  }
}
