package com.scopien.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A model that answers with queued messages and records every request it was sent. */
final class ScriptedChatModel implements ChatModel {
  private final Deque<AiMessage> replies = new ArrayDeque<>();
  final List<ChatRequest> requests = new ArrayList<>();
  private int ids;

  ScriptedChatModel thenCall(String tool, String argumentsJson) {
    replies.add(AiMessage.from(List.of(request(tool, argumentsJson))));
    return this;
  }

  ScriptedChatModel thenCallAll(ToolExecutionRequest... calls) {
    replies.add(AiMessage.from(List.of(calls)));
    return this;
  }

  ScriptedChatModel thenSay(String text) {
    replies.add(AiMessage.from(text));
    return this;
  }

  ToolExecutionRequest request(String tool, String argumentsJson) {
    return ToolExecutionRequest.builder()
        .id("call-" + (++ids))
        .name(tool)
        .arguments(argumentsJson)
        .build();
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    requests.add(request);
    AiMessage next = replies.poll();
    return ChatResponse.builder()
        .aiMessage(next == null ? AiMessage.from("(no more script)") : next)
        .build();
  }
}
