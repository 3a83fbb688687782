package com.scopien.slack;

import com.scopien.ScopienException;
import com.scopien.security.User;
import java.util.Optional;
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

  private final SlackIdentities identities;
  private final SlackConversations conversations;
  private final SlackClient slack;

  SlackAnswerer(SlackIdentities identities, SlackConversations conversations, SlackClient slack) {
    this.identities = identities;
    this.conversations = conversations;
    this.slack = slack;
  }

  Optional<User> identify(String slackUserId) {
    return identities.resolve(slackUserId);
  }

  /** Asks the assistant as {@code user} in the thread's conversation and delivers the answer. */
  void answer(Optional<User> user, String threadKey, String text, Consumer<SlackMessage> deliver) {
    SlackMessage message;
    if (user.isEmpty()) {
      message = SlackReplies.note(SlackReplies.UNKNOWN_USER);
    } else if (text.isBlank()) {
      message = SlackMessage.note(SlackReplies.HELP);
    } else {
      message = ask(user.get(), threadKey, text);
    }
    deliver(deliver, message);
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

  private SlackMessage ask(User user, String threadKey, String text) {
    try {
      return SlackReplies.answer(conversations.ask(user, threadKey, text));
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
