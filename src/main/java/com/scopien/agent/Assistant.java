package com.scopien.agent;

import com.scopien.security.User;

/**
 * The conversational assistant: one message in, one reply out, with the tools it called. Every
 * channel (chat panel, REST, Slack, CLI) goes through this one interface, so the checks it makes
 * (roles, field-level security, confirmation of production writes) hold everywhere.
 */
public interface Assistant {

  /**
   * Answers one message.
   *
   * @param conversationId null to start a new conversation
   * @throws com.scopien.ScopienException INVALID_INPUT for an empty message, NOT_FOUND for an
   *     unknown conversation
   */
  ChatReply chat(User user, String conversationId, String message);
}
