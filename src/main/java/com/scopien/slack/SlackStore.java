package com.scopien.slack;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the Slack channel keeps in the shared store, so that a restart or a second instance behind
 * the same database neither answers an event twice nor loses a thread's conversation: the events
 * already taken, the conversation of each person in each thread, and the Slack users an admin
 * linked to Scopien users.
 *
 * <p>Implementations must be safe to call from several threads and several instances at once.
 */
public interface SlackStore {

  /** A Slack user linked by an admin to a Scopien user. */
  record Link(String slackUserId, String userId, String linkedBy, Instant linkedAt) {}

  /**
   * Takes an event for handling.
   *
   * @return true the first time, false when it was already taken (a retry, or another instance)
   */
  boolean claimEvent(String eventId, Instant receivedAt);

  /** Gives an event back, so that Slack's retry of an event we could not take is handled. */
  void releaseEvent(String eventId);

  /** Forgets events taken before {@code cutoff} (Slack stops retrying after minutes). */
  int forgetEventsBefore(Instant cutoff);

  /** True when anyone has a conversation in the thread. */
  boolean hasThread(String threadKey);

  /** The conversation of {@code userId} in the thread, if they have one. */
  Optional<String> conversation(String threadKey, String userId);

  /** Remembers (or replaces) the conversation of {@code userId} in the thread. */
  void saveConversation(String threadKey, String userId, String conversationId, Instant at);

  /** The explicit link of a Slack user, if an admin made one. */
  Optional<Link> link(String slackUserId);

  /** Creates or replaces the link of {@code link.slackUserId()}. */
  void saveLink(Link link);

  /** Removes a link; false when there was none. */
  boolean deleteLink(String slackUserId);

  /** Every link, oldest first. */
  List<Link> links();
}
