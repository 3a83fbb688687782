package com.scopien.agent;

import com.scopien.ScopienException;
import com.scopien.agent.ChatReply.ToolCallRecord;
import com.scopien.orgs.Org;
import com.scopien.security.User;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One turn of a conversation: an explicit loop over {@link ChatModel#chat(ChatRequest)} that runs
 * the tools the model asks for, records each call in order with its status, stops at the per-turn
 * bound, and ends at once when a write waits for confirmation (the model is not asked again, so it
 * cannot talk its way past the check).
 */
final class TurnRunner {
  static final int HISTORY_WINDOW = 40;

  private final ChatModel model;
  private final ToolCatalogue catalogue;
  private final ToolDispatcher dispatcher;
  private final PromptLibrary prompts;
  private final int maxToolCalls;
  private final Clock clock;

  TurnRunner(
      ChatModel model,
      ToolCatalogue catalogue,
      ToolDispatcher dispatcher,
      PromptLibrary prompts,
      int maxToolCalls,
      Clock clock) {
    this.model = model;
    this.catalogue = catalogue;
    this.dispatcher = dispatcher;
    this.prompts = prompts;
    this.maxToolCalls = maxToolCalls;
    this.clock = clock;
  }

  /** The reply, the tool calls made, and the messages this turn adds to the memory. */
  record Turn(String reply, List<ToolCallRecord> toolCalls, List<ChatMessage> added) {}

  Turn run(User user, String conversationId, Org active, List<ChatMessage> history, String text) {
    SystemMessage system = SystemMessage.from(systemPrompt(user, active));
    List<ToolSpecification> tools = toolsFor(user);
    List<ChatMessage> added = new ArrayList<>();
    added.add(UserMessage.from(text));
    List<ToolCallRecord> calls = new ArrayList<>();
    int used = 0;
    while (true) {
      boolean spent = used >= maxToolCalls;
      AiMessage ai = ask(system, history, added, spent ? List.of() : tools);
      added.add(ai);
      if (!ai.hasToolExecutionRequests()) {
        return new Turn(ai.text() == null ? "" : ai.text(), calls, added);
      }
      String confirmation = null;
      for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
        ToolOutcome outcome;
        if (used >= maxToolCalls) {
          outcome =
              ToolOutcome.error(
                  "Not run: this message already used its " + maxToolCalls + " tool calls.");
        } else {
          used++;
          ToolDispatcher.Dispatched done = dispatcher.dispatch(user, conversationId, request);
          outcome = done.outcome();
          calls.add(new ToolCallRecord(done.tool(), done.arguments(), outcome.status().wire()));
        }
        added.add(
            ToolExecutionResultMessage.builder()
                .id(request.id())
                .toolName(request.name())
                .text(outcome.text())
                .isError(outcome.status() == ToolOutcome.Status.ERROR)
                .build());
        if (outcome.status() == ToolOutcome.Status.NEEDS_CONFIRMATION) {
          confirmation = outcome.text();
        }
      }
      if (confirmation != null) {
        added.add(AiMessage.from(confirmation));
        return new Turn(confirmation, calls, added);
      }
      if (spent) {
        String reply = "I stopped after " + maxToolCalls + " tool calls for this message.";
        added.add(AiMessage.from(reply));
        return new Turn(reply, calls, added);
      }
    }
  }

  private AiMessage ask(
      SystemMessage system,
      List<ChatMessage> history,
      List<ChatMessage> added,
      List<ToolSpecification> tools) {
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(system);
    messages.addAll(window(history, HISTORY_WINDOW));
    messages.addAll(added);
    ChatRequest.Builder request = ChatRequest.builder().messages(messages);
    if (!tools.isEmpty()) {
      request.toolSpecifications(tools);
    }
    try {
      return model.chat(request.build()).aiMessage();
    } catch (ScopienException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ScopienException(
          ScopienException.Kind.RETRIABLE,
          "model_unavailable",
          "The language model did not answer; please try again.",
          e);
    }
  }

  /** The last {@code size} messages, starting at a user message so tool results keep their call. */
  static List<ChatMessage> window(List<ChatMessage> messages, int size) {
    int start = Math.max(0, messages.size() - size);
    while (start < messages.size() && !(messages.get(start) instanceof UserMessage)) {
      start++;
    }
    return new ArrayList<>(messages.subList(start, messages.size()));
  }

  private List<ToolSpecification> toolsFor(User user) {
    List<ToolSpecification> allowed = new ArrayList<>();
    List<ToolSpecification> specs = catalogue.specifications();
    for (ToolSpecification spec : specs) {
      catalogue
          .find(spec.name())
          .filter(t -> user.role().atLeast(t.role()))
          .ifPresent(t -> allowed.add(spec));
    }
    return allowed;
  }

  private String systemPrompt(User user, Org active) {
    return prompts.render(
        "system",
        Map.of(
            "today", LocalDate.now(clock).toString(),
            "userName", user.name() == null ? user.id() : user.name(),
            "role", user.role().name().toLowerCase(),
            "orgName", active.name(),
            "orgEnvironment", active.environment().wireName()));
  }
}
