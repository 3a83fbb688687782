package com.scopien.agent;

import com.scopien.agent.ChatReply.ToolCallRecord;
import java.util.Map;

/**
 * Follows one message's turn as it happens, for channels that stream (the chat panel's {@code POST
 * /api/chat/stream}). Calls come from the thread running the turn, in order: a tool's start before
 * its end, reply text in the order it is written. The reply's final text and tool calls are in the
 * {@link ChatReply} the turn returns; the chunks here are only a preview of it (a model may write
 * text before deciding to call a tool). A listener that throws ends the turn with that exception.
 */
public interface ChatListener {
  /** A listener that ignores everything. */
  ChatListener NONE = new ChatListener() {};

  /** A tool is about to run with these arguments (as the model gave them). */
  default void toolStarted(String tool, Map<String, Object> arguments) {}

  /** A tool has run; its status is {@code ok}, {@code error} or {@code needs_confirmation}. */
  default void toolFinished(ToolCallRecord call) {}

  /** The next piece of the reply text. */
  default void delta(String text) {}
}
