package com.scopien.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.scopien.agent.ChatReply;
import com.scopien.agent.StreamingAssistant;
import com.scopien.orgs.Environment;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgStatus;
import com.scopien.security.User;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON bodies of the HTTP contract, as records Jackson writes field by field, so the wire shape
 * is visible in one place and does not move when a domain type grows a field.
 */
final class WireFormat {

  private WireFormat() {}

  /** {@code GET /health}. */
  record Health(String status, String version, Instant time) {}

  /** {@code GET /api/me}: who the key belongs to; the role in lower case. */
  /** {@code csrfToken} only for a browser session (cookie); absent for an API key. */
  record Me(
      String id,
      String email,
      String name,
      String role,
      @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          String csrfToken) {}

  /**
   * One entry of {@code GET /api/orgs}. {@code status} is the lower-case wire form of {@link
   * OrgStatus}: {@code active}, {@code needs_reauth} or {@code disconnected}; {@code lastSyncAt} is
   * an ISO-8601 instant or null when the org was never synced.
   */
  record OrgEntry(
      String id,
      String name,
      String environment,
      String instanceUrl,
      String status,
      Instant lastSyncAt) {}

  /** The org as a chat reply names it. */
  record OrgRef(String id, String name, String environment) {}

  /**
   * One tool call of a reply; status is {@code ok}, {@code error} or {@code needs_confirmation}.
   */
  /** {@code source} and {@code asOf} only for reads (left out of the JSON when null). */
  record ToolCall(
      String tool,
      Map<String, Object> arguments,
      String status,
      @JsonInclude(JsonInclude.Include.NON_NULL) String source,
      @JsonInclude(JsonInclude.Include.NON_NULL) String asOf) {}

  /** {@code POST /api/chat}, {@code /api/chat/confirm} and {@code /api/chat/cancel}. */
  record Chat(String conversationId, String reply, OrgRef org, List<ToolCall> toolCalls) {}

  /** One piece of a streamed reply's text ({@code delta} event). */
  record Delta(String text) {}

  /** One visible turn of {@code GET /api/conversations/{id}/messages}. */
  record Turn(String role, String text, List<ToolCall> toolCalls) {}

  /**
   * {@code GET /api/conversations/{id}/messages}: the turns in order, and the change waiting for
   * confirmation (its summary) or null.
   */
  record History(String conversationId, List<Turn> messages, String pendingChange) {}

  /** {@code GET /api/conversations/{id}} and the org switch: the conversation's active org. */
  record Conversation(String conversationId, OrgRef org) {}

  /** Every error: {@code {"error":{"code","message"}}}. */
  record ErrorBody(Detail error) {
    record Detail(String code, String message) {}

    static ErrorBody of(String code, String message) {
      return new ErrorBody(new Detail(code, message));
    }
  }

  static Me me(User user) {
    return me(user, null);
  }

  static Me me(User user, String csrfToken) {
    return new Me(user.id(), user.email(), user.name(), lower(user.role().name()), csrfToken);
  }

  static OrgEntry orgEntry(Org org) {
    return new OrgEntry(
        org.id(),
        org.name(),
        org.environment().wireName(),
        org.instanceUrl(),
        status(org.status()),
        org.lastSyncAt());
  }

  static String status(OrgStatus status) {
    return lower(status.name());
  }

  static OrgRef orgRef(Org org) {
    return new OrgRef(org.id(), org.name(), org.environment().wireName());
  }

  static Chat chat(ChatReply reply) {
    ChatReply.OrgSummary org = reply.org();
    OrgRef ref =
        org == null ? null : new OrgRef(org.id(), org.name(), environment(org.environment()));
    return new Chat(reply.conversationId(), reply.reply(), ref, toolCalls(reply.toolCalls()));
  }

  static History history(
      String conversationId, List<StreamingAssistant.ChatTurn> turns, String pendingChange) {
    return new History(
        conversationId,
        turns.stream().map(t -> new Turn(t.role(), t.text(), toolCalls(t.toolCalls()))).toList(),
        pendingChange);
  }

  private static List<ToolCall> toolCalls(List<ChatReply.ToolCallRecord> calls) {
    return calls.stream().map(WireFormat::toolCall).toList();
  }

  static ToolCall toolCall(ChatReply.ToolCallRecord c) {
    return new ToolCall(
        c.tool(),
        c.arguments() == null ? Map.of() : c.arguments(),
        c.status(),
        c.source(),
        c.asOf());
  }

  /**
   * The agent may name the environment any way {@link Environment#parse} reads; the wire is fixed.
   */
  private static String environment(String text) {
    return Environment.parse(text).map(Environment::wireName).orElse(text);
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
