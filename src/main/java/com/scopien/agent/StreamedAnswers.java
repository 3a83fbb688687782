package com.scopien.agent;

import com.scopien.ScopienException;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One call of a streaming model, made to look like a blocking one: text pieces go to the listener
 * as they arrive, and the call returns the complete message (with any tool calls, which langchain4j
 * assembles from their pieces).
 */
final class StreamedAnswers {
  static final Duration TIMEOUT = Duration.ofSeconds(90);

  private StreamedAnswers() {}

  static AiMessage ask(StreamingChatModel model, ChatRequest request, ChatListener listener) {
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    model.chat(
        request,
        new StreamingChatResponseHandler() {
          @Override
          public void onPartialResponse(String text) {
            if (text != null && !text.isEmpty()) {
              listener.delta(text);
            }
          }

          @Override
          public void onCompleteResponse(ChatResponse response) {
            done.complete(response);
          }

          @Override
          public void onError(Throwable error) {
            done.completeExceptionally(error);
          }
        });
    try {
      return done.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).aiMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    } catch (ExecutionException | TimeoutException e) {
      throw unavailable(e.getCause() == null ? e : e.getCause());
    }
  }

  private static ScopienException unavailable(Throwable cause) {
    return new ScopienException(
        ScopienException.Kind.RETRIABLE,
        "model_unavailable",
        "The language model did not answer; please try again.",
        cause);
  }
}
