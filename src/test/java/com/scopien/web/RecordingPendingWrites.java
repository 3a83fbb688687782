package com.scopien.web;

import com.scopien.ScopienException;
import com.scopien.agent.ChatReply;
import com.scopien.security.User;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records each confirm and cancel; knows one conversation with a write waiting. */
final class RecordingPendingWrites implements PendingWrites {

  static final String PENDING_CONVERSATION = "conv-pending";

  record Call(String action, User user, String conversationId) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();

  List<Call> calls() {
    return List.copyOf(calls);
  }

  @Override
  public ChatReply confirm(User user, String conversationId) {
    return answer("confirm", user, conversationId, "Done: the Amount is now 80,000.", "ok");
  }

  @Override
  public ChatReply cancel(User user, String conversationId) {
    return answer("cancel", user, conversationId, "Cancelled: nothing was changed.", "error");
  }

  private ChatReply answer(
      String action, User user, String conversationId, String text, String status) {
    calls.add(new Call(action, user, conversationId));
    if (!PENDING_CONVERSATION.equals(conversationId)) {
      throw ScopienException.notFound("no_pending_write", "Nothing is waiting for confirmation.");
    }
    return new ChatReply(
        conversationId,
        text,
        new ChatReply.OrgSummary("org-prod", "Acme Production", "production"),
        List.of(
            new ChatReply.ToolCallRecord(
                "update_record",
                Map.of("object", "Opportunity", "fields", Map.of("Amount", 80000)),
                status)));
  }
}
