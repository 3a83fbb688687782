package com.scopien.agent;

import java.util.List;
import java.util.Map;

/**
 * The answer to one message: the reply text, the conversation's active org after the message, and
 * the tools called, in order. Serialised as the contract's {@code POST /api/chat} body.
 */
public record ChatReply(
    String conversationId, String reply, OrgSummary org, List<ToolCallRecord> toolCalls) {
  public ChatReply {
    toolCalls = List.copyOf(toolCalls);
  }

  /** The org, as the contract shows it. */
  public record OrgSummary(String id, String name, String environment) {}

  /**
   * One tool call: its name, the arguments given, and {@code ok|error|needs_confirmation}; for the
   * read tools also {@code source} ({@code mirror} or {@code live}) and, from the mirror, {@code
   * asOf} (ISO-8601); both null otherwise.
   */
  public record ToolCallRecord(
      String tool, Map<String, Object> arguments, String status, String source, String asOf) {
    public ToolCallRecord(String tool, Map<String, Object> arguments, String status) {
      this(tool, arguments, status, null, null);
    }
  }
}
