package com.scopien.web;

import com.scopien.ScopienException;
import com.scopien.agent.Assistant;
import com.scopien.agent.ChatReply;
import com.scopien.security.User;
import io.javalin.http.Context;
import java.util.function.BiFunction;

/**
 * {@code POST /api/chat} and the confirmation of pending writes: parse, call the assistant, render.
 * Access and errors are handled around it, by the route's {@link Access} and the error mapper.
 */
final class ChatHandler {

  /** Long enough for any request a person types or pastes; the body limit bounds it anyway. */
  static final int MAX_MESSAGE_CHARS = 8_000;

  private final Assistant assistant;
  private final PendingWrites pendingWrites;
  private final JsonBodyReader reader;

  ChatHandler(Assistant assistant, PendingWrites pendingWrites, JsonBodyReader reader) {
    this.assistant = assistant;
    this.pendingWrites = pendingWrites;
    this.reader = reader;
  }

  void chat(Context ctx) {
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
    ChatReply reply = assistant.chat(ApiKeyAuthHandler.user(ctx), conversationId, message);
    ctx.json(WireFormat.chat(reply));
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
    ctx.json(WireFormat.chat(action.apply(ApiKeyAuthHandler.user(ctx), conversationId)));
  }
}
