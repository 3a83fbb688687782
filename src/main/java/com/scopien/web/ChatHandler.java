package com.scopien.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.ScopienException;
import com.scopien.agent.ChatListener;
import com.scopien.agent.ChatReply;
import com.scopien.agent.StreamingAssistant;
import com.scopien.security.User;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code POST /api/chat}, its streamed twin, the conversation's history and the confirmation of
 * pending writes: parse, call the assistant, render. Access and errors are handled around it, by
 * the route's {@link Access} and the error mapper (for a stream, until its first event).
 */
final class ChatHandler {

  /** Long enough for any request a person types or pastes; the body limit bounds it anyway. */
  static final int MAX_MESSAGE_CHARS = 8_000;

  private final StreamingAssistant assistant;
  private final PendingWrites pendingWrites;
  private final JsonBodyReader reader;
  private final ObjectMapper json;

  ChatHandler(
      StreamingAssistant assistant,
      PendingWrites pendingWrites,
      JsonBodyReader reader,
      ObjectMapper json) {
    this.assistant = assistant;
    this.pendingWrites = pendingWrites;
    this.reader = reader;
    this.json = json;
  }

  void chat(Context ctx) {
    Request request = request(ctx);
    ChatReply reply =
        request.timeZone() == null
            ? assistant.chat(
                ApiKeyAuthHandler.user(ctx), request.conversationId(), request.message())
            : assistant.chat(
                ApiKeyAuthHandler.user(ctx),
                request.conversationId(),
                request.message(),
                ChatListener.NONE,
                request.timeZone());
    ctx.json(WireFormat.chat(reply));
  }

  /**
   * {@code POST /api/chat/stream}: the same body as {@code /api/chat}, answered as server-sent
   * events: {@code tool} as each tool call starts ({@code status: running}) and ends, {@code delta}
   * with each piece of reply text, then {@code done} with the whole {@code /api/chat} body. An
   * error after the first event arrives as an {@code error} event with the usual error body.
   */
  void stream(Context ctx) {
    Request request = request(ctx);
    EventStream events = new EventStream(ctx, json);
    ChatListener listener =
        new ChatListener() {
          @Override
          public void toolStarted(String tool, Map<String, Object> arguments) {
            events.send("tool", new WireFormat.ToolCall(tool, arguments, "running", null, null));
          }

          @Override
          public void toolFinished(ChatReply.ToolCallRecord call) {
            events.send("tool", WireFormat.toolCall(call));
          }

          @Override
          public void delta(String text) {
            events.send("delta", new WireFormat.Delta(text));
          }
        };
    ChatReply reply;
    try {
      reply =
          assistant.chat(
              ApiKeyAuthHandler.user(ctx),
              request.conversationId(),
              request.message(),
              listener,
              request.timeZone());
    } catch (RuntimeException e) {
      if (!events.started()) {
        throw e;
      }
      events.send("error", ErrorMapper.bodyFor(e, ctx));
      return;
    }
    events.send("done", WireFormat.chat(reply));
  }

  /** {@code GET /api/conversations/{id}/messages}: the turns people saw, for a reloaded panel. */
  void history(Context ctx) {
    String id = JsonBodyReader.conversationId(ctx.pathParam("id"), "id");
    User user = ApiKeyAuthHandler.user(ctx);
    assistant.requireConversation(user, id);
    ctx.json(
        WireFormat.history(
            id, assistant.history(user, id), assistant.pendingChange(user, id).orElse(null)));
  }

  /** A browser's IANA time zone ("Europe/Berlin"); anything else is a 400 saying so. */
  private static java.time.ZoneId zone(String name) {
    try {
      return java.time.ZoneId.of(name.trim());
    } catch (java.time.DateTimeException e) {
      throw ScopienException.invalid(
          "invalid_time_zone",
          "Field 'timeZone' is not a time zone Scopien knows: '"
              + name
              + "'. Send an IANA zone name such as Europe/Berlin or America/New_York.");
    }
  }

  private record Request(String message, String conversationId, java.time.ZoneId timeZone) {}

  private Request request(Context ctx) {
    JsonBodyReader.Body body = reader.read(ctx);
    String message = body.requiredText("message");
    if (message.length() > MAX_MESSAGE_CHARS) {
      throw ScopienException.invalid(
          "message_too_long",
          "Field 'message' is longer than " + MAX_MESSAGE_CHARS + " characters.");
    }
    String conversationId =
        body.optionalText("conversationId")
            .map(id -> JsonBodyReader.conversationId(id, "conversationId"))
            .orElse(null);
    java.time.ZoneId timeZone = body.optionalText("timeZone").map(ChatHandler::zone).orElse(null);
    return new Request(message, conversationId, timeZone);
  }

  void confirm(Context ctx) {
    answerPending(ctx, pendingWrites::confirm);
  }

  void cancel(Context ctx) {
    answerPending(ctx, pendingWrites::cancel);
  }

  private void answerPending(Context ctx, BiFunction<User, String, ChatReply> action) {
    JsonBodyReader.Body body = reader.read(ctx);
    String conversationId =
        JsonBodyReader.conversationId(body.requiredText("conversationId"), "conversationId");
    User user = ApiKeyAuthHandler.user(ctx);
    // Someone else's conversation is answered as if it did not exist (admins excepted).
    assistant.requireConversation(user, conversationId);
    ctx.json(WireFormat.chat(action.apply(user, conversationId)));
  }
}
