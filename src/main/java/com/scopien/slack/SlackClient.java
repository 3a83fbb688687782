package com.scopien.slack;

import java.net.URI;
import java.util.Optional;

/**
 * The few Slack Web API calls Scopien makes, with the bot token. One production implementation,
 * {@link HttpSlackClient}; tests run it against a fake Slack server over HTTP.
 *
 * <p>Failures are {@link com.scopien.ScopienException}s: {@code UPSTREAM/slack_error} when Slack
 * answers {@code "ok": false} (the message names Slack's error code, never the token), {@code
 * RETRIABLE/slack_unreachable} when it cannot be reached or keeps rate-limiting. Thread-safe.
 */
interface SlackClient {

  /** Who the bot is ({@code auth.test}): its user id, to ignore its own messages. */
  record BotIdentity(String userId, String botId, String teamId) {}

  /**
   * Posts a message ({@code chat.postMessage}).
   *
   * @param threadTs the thread to answer in, or null for a new message
   * @return the new message's {@code ts}, which names it for {@link #update}; null if Slack did not
   *     say
   */
  String postMessage(String channel, String threadTs, SlackMessage message);

  /**
   * Replaces the text and blocks of a message the bot posted ({@code chat.update}). Slack allows
   * about one update per second per message; callers pace themselves.
   *
   * @param ts the message's {@code ts}, as {@link #postMessage} returned it
   */
  void update(String channel, String ts, SlackMessage message);

  /**
   * The email address of a Slack user ({@code users.info}, needs the {@code users:read.email}
   * scope); empty for an unknown user, a bot, or a user without one.
   */
  Optional<String> emailOf(String slackUserId);

  /**
   * The time zone of a Slack user's profile ({@code users.info}'s {@code tz}, e.g.
   * America/New_York); empty when Slack does not give one.
   */
  default Optional<java.time.ZoneId> timeZoneOf(String slackUserId) {
    return Optional.empty();
  }

  /** The bot's own identity ({@code auth.test}). */
  BotIdentity whoAmI();

  /**
   * Answers through a {@code response_url} of a slash command or a button click.
   *
   * @param replaceOriginal true to replace the message the button was on
   */
  void respond(URI responseUrl, SlackMessage message, boolean replaceOriginal);
}
