package com.scopien.slack;

import com.scopien.ScopienException;
import com.scopien.agent.ChatListener;
import com.scopien.agent.ChatReply;
import com.scopien.agent.StreamingAssistant;
import com.scopien.security.User;
import java.time.Clock;
import java.util.Optional;

/**
 * Each Slack thread is its own conversation with the assistant, so "switch to sandbox" or "yes" in
 * a thread means that thread. Two people in one thread have a conversation each: a conversation
 * belongs to one user, whose role, active org and pending change it carries. The mapping is in the
 * store, so a thread keeps its conversation across restarts and instances. Thread-safe: messages of
 * one person in one thread are answered one at a time.
 */
final class SlackConversations {
  private final StreamingAssistant assistant;
  private final SlackStore store;
  private final Clock clock;
  private final Object[] locks = new Object[64];

  SlackConversations(StreamingAssistant assistant, SlackStore store, Clock clock) {
    this.assistant = assistant;
    this.store = store;
    this.clock = clock;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
  }

  /**
   * The key of a thread: {@code team:channel:thread_ts}.
   *
   * @param threadTs the thread's first message's ts
   */
  static String threadKey(String team, String channel, String threadTs) {
    return team + ":" + channel + ":" + threadTs;
  }

  /**
   * Sends the message into the person's conversation in the thread, starting one if needed; {@code
   * listener} hears the tools as they run.
   */
  ChatReply ask(User user, String threadKey, String message, ChatListener listener) {
    return ask(user, threadKey, message, listener, null);
  }

  /** The same, with times in the reply in {@code zone} (the person's Slack profile zone). */
  ChatReply ask(
      User user, String threadKey, String message, ChatListener listener, java.time.ZoneId zone) {
    synchronized (locks[Math.floorMod((threadKey + user.id()).hashCode(), locks.length)]) {
      Optional<String> known = store.conversation(threadKey, user.id());
      ChatReply reply;
      try {
        reply = assistant.chat(user, known.orElse(null), message, listener, zone);
      } catch (ScopienException e) {
        if (known.isEmpty() || !"unknown_conversation".equals(e.code())) {
          throw e;
        }
        // The conversation is gone from the store (or was never this user's): start afresh.
        reply = assistant.chat(user, null, message, listener, zone);
      }
      if (!known.map(reply.conversationId()::equals).orElse(false)) {
        store.saveConversation(threadKey, user.id(), reply.conversationId(), clock.instant());
      }
      return reply;
    }
  }
}
