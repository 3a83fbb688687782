package com.scopien.web;

import com.scopien.agent.ChatReply;
import com.scopien.security.User;

/**
 * The writes a conversation holds back until a person confirms them: a create or update in a
 * production org waits here with the tool call's status {@code needs_confirmation}. The chat
 * panel's Confirm and Cancel buttons (and Slack's) come through this interface; the agent
 * implements it, so the same checks (role, field-level security, audit) apply as when the write was
 * first asked for.
 *
 * <p>Implementations must be safe to call from several request threads at once; confirming or
 * cancelling the same conversation twice must carry the write out at most once.
 */
public interface PendingWrites {

  /**
   * Carries out the conversation's pending write and answers as the assistant would, with the
   * write's tool call now {@code ok} (or {@code error} when Salesforce refused it).
   *
   * @throws com.scopien.ScopienException NOT_FOUND ({@code no_pending_write}) when the conversation
   *     is unknown or has nothing waiting; FORBIDDEN when {@code user} may not carry it out
   */
  ChatReply confirm(User user, String conversationId);

  /**
   * Drops the conversation's pending write without changing anything, and answers saying so.
   *
   * @throws com.scopien.ScopienException NOT_FOUND ({@code no_pending_write}) when the conversation
   *     is unknown or has nothing waiting; FORBIDDEN when {@code user} may not act on it
   */
  ChatReply cancel(User user, String conversationId);
}
