package com.scopien.web;

import com.scopien.agent.ChatListener;
import com.scopien.agent.ChatReply;
import com.scopien.agent.StreamingAssistant;
import com.scopien.security.User;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Answers with whatever the test scripted next, and records every message it was sent. */
final class ScriptedAssistant implements StreamingAssistant {

  record Call(User user, String conversationId, String message) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private volatile Supplier<ChatReply> next =
      () -> {
        throw new IllegalStateException("no reply scripted");
      };

  void replyWith(ChatReply reply) {
    next = () -> reply;
  }

  void failWith(RuntimeException failure) {
    next =
        () -> {
          throw failure;
        };
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  /** What a streamed turn tells its listener before the reply; nothing unless scripted. */
  private volatile java.util.function.Consumer<ChatListener> events = listener -> {};

  private volatile List<ChatTurn> history = List.of();

  void streamFirst(java.util.function.Consumer<ChatListener> events) {
    this.events = events;
  }

  void historyIs(List<ChatTurn> history) {
    this.history = List.copyOf(history);
  }

  @Override
  public ChatReply chat(User user, String conversationId, String message) {
    return chat(user, conversationId, message, ChatListener.NONE);
  }

  @Override
  public ChatReply chat(User user, String conversationId, String message, ChatListener listener) {
    calls.add(new Call(user, conversationId, message));
    events.accept(listener);
    return next.get();
  }

  /** Ids starting with {@code unknown-} are conversations nobody created; others exist. */
  @Override
  public void requireConversation(User user, String conversationId) {
    if (conversationId.startsWith("unknown-")) {
      throw com.scopien.ScopienException.notFound(
          "unknown_conversation", "There is no conversation with that id.");
    }
  }

  @Override
  public List<ChatTurn> history(User user, String conversationId) {
    return history;
  }

  @Override
  public Optional<String> pendingChange(User user, String conversationId) {
    return Optional.empty();
  }
}
