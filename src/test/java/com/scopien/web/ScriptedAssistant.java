package com.scopien.web;

import com.scopien.agent.Assistant;
import com.scopien.agent.ChatReply;
import com.scopien.security.User;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Answers with whatever the test scripted next, and records every message it was sent. */
final class ScriptedAssistant implements Assistant {

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

  @Override
  public ChatReply chat(User user, String conversationId, String message) {
    calls.add(new Call(user, conversationId, message));
    return next.get();
  }
}
