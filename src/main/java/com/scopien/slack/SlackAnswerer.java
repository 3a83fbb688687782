package com.scopien.slack;

import com.scopien.ScopienException;
import com.scopien.agent.ChatListener;
import com.scopien.security.User;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker side of every Slack request: who is asking, what the assistant says, and delivering
 * it. Failures become a short message to the person (never a stack trace); a failure to deliver is
 * logged, since there is nobody left to tell.
 */
final class SlackAnswerer {
  private static final Logger LOG = LoggerFactory.getLogger(SlackAnswerer.class);
  static final String GENERIC_FAILURE = "Something went wrong on our side; please try again.";

  /** How answers in a thread show progress: when the placeholder appears, how often it changes. */
  record Pacing(ScheduledExecutorService ticker, Duration grace, Duration interval) {}

  private final SlackIdentities identities;
  private final SlackConversations conversations;
  private final SlackClient slack;
  private final Pacing pacing;

  SlackAnswerer(
      SlackIdentities identities,
      SlackConversations conversations,
      SlackClient slack,
      Pacing pacing) {
    this.identities = identities;
    this.conversations = conversations;
    this.slack = slack;
    this.pacing = pacing;
  }

  Optional<User> identify(String slackUserId) {
    return identities.resolve(slackUserId);
  }

  /**
   * Asks the assistant and answers in a Slack thread, showing progress when the answer takes a
   * while (see {@link SlackProgress}).
   */
  void answerInThread(
      Optional<User> user,
      String slackUserId,
      String threadKey,
      String text,
      String channel,
      String threadTs) {
    if (user.isEmpty() || SlackReplies.asksForHelp(text)) {
      deliver(
          m -> post(channel, threadTs, m),
          message(user, slackUserId, threadKey, text, ChatListener.NONE));
      return;
    }
    SlackProgress progress =
        SlackProgress.start(
            slack, pacing.ticker(), channel, threadTs, pacing.grace(), pacing.interval());
    SlackMessage message = message(user, slackUserId, threadKey, text, progress);
    deliver(progress::finish, message);
  }

  /**
   * Asks the assistant for a slash command and answers through its {@code response_url}, showing
   * progress there when the answer takes a while (see {@link SlackCommandProgress}).
   */
  void answerCommand(
      Optional<User> user, String slackUserId, String threadKey, String text, URI responseUrl) {
    if (user.isEmpty() || SlackReplies.asksForHelp(text)) {
      deliver(
          m -> slack.respond(responseUrl, m, true),
          message(user, slackUserId, threadKey, text, ChatListener.NONE));
      return;
    }
    SlackCommandProgress progress =
        SlackCommandProgress.start(
            slack, pacing.ticker(), responseUrl, pacing.grace(), pacing.interval());
    deliver(progress::finish, message(user, slackUserId, threadKey, text, progress));
  }

  void post(String channel, String threadTs, SlackMessage message) {
    slack.postMessage(channel, threadTs, message);
  }

  void deliver(Consumer<SlackMessage> deliver, SlackMessage message) {
    try {
      deliver.accept(message);
    } catch (RuntimeException e) {
      LOG.warn("Could not deliver a Slack answer: {}", e.getMessage());
    }
  }

  private SlackMessage message(
      Optional<User> user,
      String slackUserId,
      String threadKey,
      String text,
      ChatListener listener) {
    if (user.isEmpty()) {
      return SlackReplies.note(SlackReplies.UNKNOWN_USER);
    }
    if (SlackReplies.asksForHelp(text)) {
      return SlackMessage.note(SlackReplies.HELP);
    }
    try {
      return SlackReplies.answer(
          conversations.ask(user.get(), threadKey, text, listener, identities.zoneOf(slackUserId)),
          slackUserId);
    } catch (ScopienException e) {
      if (e.kind() == ScopienException.Kind.INTERNAL) {
        LOG.error("The assistant failed for a Slack message: {}", e.code(), e);
        return SlackReplies.note(GENERIC_FAILURE);
      }
      return SlackReplies.note(e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("The assistant failed for a Slack message", e);
      return SlackReplies.note(GENERIC_FAILURE);
    }
  }
}
