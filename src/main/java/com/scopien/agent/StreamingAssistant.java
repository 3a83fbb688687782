package com.scopien.agent;

import com.scopien.security.User;
import java.util.List;
import java.util.Optional;

/**
 * The assistant as the chat panel uses it: replies that can be followed while they are made, and
 * the conversation read back after a reload or a restart. Same checks as {@link Assistant#chat}.
 */
public interface StreamingAssistant extends Assistant {

  /**
   * Answers one message, telling {@code listener} about each tool call and piece of reply text as
   * it happens.
   *
   * @throws com.scopien.ScopienException as {@link Assistant#chat}; errors raised before the
   *     listener heard anything mean nothing was done
   */
  ChatReply chat(User user, String conversationId, String message, ChatListener listener);

  /**
   * Returns when {@code conversationId} names a conversation the server created that {@code user}
   * owns, or any conversation when {@code user} is an admin. Every conversation route calls this
   * first, so that a conversation of someone else and an id nobody created look the same.
   *
   * @throws com.scopien.ScopienException NOT_FOUND {@code unknown_conversation} otherwise
   */
  void requireConversation(User user, String conversationId);

  /**
   * The same, with times in the reply written in {@code timeZone} (the reader's; null keeps the
   * zone the conversation last used, else UTC). The zone is kept with the conversation.
   */
  default ChatReply chat(
      User user,
      String conversationId,
      String message,
      ChatListener listener,
      java.time.ZoneId timeZone) {
    return chat(user, conversationId, message, listener);
  }

  /**
   * The turns people saw in the conversation, oldest first: each message and the reply to it, with
   * the tools that reply used. The conversation's last reply shows {@code needs_confirmation} while
   * its change still waits.
   *
   * @throws com.scopien.ScopienException NOT_FOUND {@code unknown_conversation} when the
   *     conversation does not exist or belongs to someone else (admins may read any)
   */
  List<ChatTurn> history(User user, String conversationId);

  /**
   * A short description of the change waiting for confirmation in the conversation, if any.
   *
   * @throws com.scopien.ScopienException NOT_FOUND {@code unknown_conversation}
   */
  Optional<String> pendingChange(User user, String conversationId);

  /** One visible turn: {@code role} is {@code user} or {@code assistant}. */
  record ChatTurn(String role, String text, List<ChatReply.ToolCallRecord> toolCalls) {
    public ChatTurn {
      toolCalls = List.copyOf(toolCalls);
    }
  }
}
