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
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One turn of a conversation: an explicit loop over {@link ChatModel#chat(ChatRequest)} that runs
 * the tools the model asks for, records each call in order with its status, stops at the per-turn
 * bound, and ends at once when writes wait for confirmation (the model is not asked again, so it
 * cannot talk its way past the check). All writes asked for in that answer wait together, in one
 * confirmation. A write runs without confirmation only where the org allows it and the person's
 * message asked for a change, before any tool result of the turn was seen ({@link WriteRequests});
 * results that read records reach the model marked as data ({@link RecordData}).
 */
final class TurnRunner {
  static final int HISTORY_WINDOW = 40;

  /** The attribute of a turn's last message that keeps the turn's tool calls, for the history. */
  static final String TOOL_CALLS = "scopien.toolCalls";

  private final ChatModel model;
  private final StreamingChatModel streaming;
  private final ToolCatalogue catalogue;
  private final ToolDispatcher dispatcher;
  private final PromptLibrary prompts;
  private final int maxToolCalls;
  private final Clock clock;

  TurnRunner(
      ChatModel model,
      StreamingChatModel streaming,
      ToolCatalogue catalogue,
      ToolDispatcher dispatcher,
      PromptLibrary prompts,
      int maxToolCalls,
      Clock clock) {
    this.model = model;
    this.streaming = streaming;
    this.catalogue = catalogue;
    this.dispatcher = dispatcher;
    this.prompts = prompts;
    this.maxToolCalls = maxToolCalls;
    this.clock = clock;
  }

  /** The reply, the tool calls made, and the messages this turn adds to the memory. */
  record Turn(
      String reply,
      List<ToolCallRecord> toolCalls,
      List<ChatMessage> added,
      ConversationState state) {}

  Turn run(
      User user,
      String conversationId,
      Org active,
      List<ChatMessage> history,
      String text,
      ChatListener listener) {
    ConversationState state = ConversationState.latest(history);
    String prompt = systemPrompt(user, active);
    SystemMessage system =
        SystemMessage.from(state.isEmpty() ? prompt : prompt + "\n\n" + state.forModel());
    List<ToolSpecification> tools = toolsFor(user);
    List<ChatMessage> added = new ArrayList<>();
    added.add(UserMessage.from(text));
    List<ToolCallRecord> calls = new ArrayList<>();
    int used = 0;
    boolean seenToolResult = false;
    while (true) {
      boolean spent = used >= maxToolCalls;
      Answer answer = ask(system, history, added, spent ? List.of() : tools, listener);
      AiMessage ai = answer.message();
      if (!ai.hasToolExecutionRequests()) {
        String reply = ai.text() == null ? "" : ai.text();
        if (!answer.streamed()) {
          ReplyChunks.send(reply, listener);
        }
        return finish(reply, calls, added, state);
      }
      added.add(ai);
      boolean writeAsked = WriteRequests.asked(text, seenToolResult);
      List<String> confirmations = new ArrayList<>();
      List<String> waiting = new ArrayList<>();
      for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
        ToolOutcome outcome;
        if (used >= maxToolCalls) {
          outcome =
              ToolOutcome.error(
                  "Not run: this message already used its " + maxToolCalls + " tool calls.");
        } else {
          used++;
          listener.toolStarted(request.name(), dispatcher.arguments(request));
          ToolDispatcher.Dispatched done =
              dispatcher.dispatch(user, conversationId, request, writeAsked);
          outcome = done.outcome();
          state = StateUpdates.after(state, done.tool(), done.arguments(), outcome, done.org());
          ToolCallRecord call =
              new ToolCallRecord(
                  done.tool(),
                  done.arguments(),
                  outcome.status().wire(),
                  outcome.source(),
                  outcome.asOf() == null ? null : outcome.asOf().toString());
          calls.add(call);
          listener.toolFinished(call);
        }
        added.add(
            ToolExecutionResultMessage.builder()
                .id(request.id())
                .toolName(request.name())
                .text(RecordData.forModel(request.name(), outcome.text()))
                .isError(outcome.status() == ToolOutcome.Status.ERROR)
                .build());
        if (outcome.status() == ToolOutcome.Status.NEEDS_CONFIRMATION) {
          confirmations.add(outcome.text());
          waiting.add(outcome.pendingSummary());
        }
      }
      seenToolResult = true;
      if (!confirmations.isEmpty()) {
        String confirmation =
            confirmations.size() == 1
                ? confirmations.get(0)
                : PendingReplies.confirmation(waiting, false);
        ReplyChunks.send(confirmation, listener);
        return finish(confirmation, calls, added, state);
      }
      if (spent) {
        String reply = "I stopped after " + maxToolCalls + " tool calls for this message.";
        ReplyChunks.send(reply, listener);
        return finish(reply, calls, added, state);
      }
    }
  }

  /**
   * The turn's last message keeps its tool calls and the conversation state after it as attributes,
   * so the history can show them and the next turn resolve follow-ups.
   */
  private static Turn finish(
      String reply, List<ToolCallRecord> calls, List<ChatMessage> added, ConversationState state) {
    added.add(replyMessage(reply, calls, state));
    return new Turn(reply, calls, added, state);
  }

  /** A reply as stored in the memory, with the contract's tool calls of its turn. */
  static AiMessage replyMessage(String reply, List<ToolCallRecord> calls) {
    return replyMessage(reply, calls, ConversationState.EMPTY);
  }

  /** A reply as stored in the memory, with its turn's tool calls and the state after it. */
  static AiMessage replyMessage(String reply, List<ToolCallRecord> calls, ConversationState state) {
    List<Map<String, Object>> wire = new ArrayList<>();
    for (ToolCallRecord call : calls) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("tool", call.tool());
      entry.put("arguments", call.arguments());
      entry.put("status", call.status());
      if (call.source() != null) {
        entry.put("source", call.source());
      }
      if (call.asOf() != null) {
        entry.put("asOf", call.asOf());
      }
      wire.add(entry);
    }
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put(TOOL_CALLS, wire);
    if (!state.isEmpty()) {
      attributes.put(ConversationState.ATTRIBUTE, state.toJson());
    }
    return AiMessage.builder().text(reply).attributes(attributes).build();
  }

  private record Answer(AiMessage message, boolean streamed) {}

  private Answer ask(
      SystemMessage system,
      List<ChatMessage> history,
      List<ChatMessage> added,
      List<ToolSpecification> tools,
      ChatListener listener) {
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(system);
    messages.addAll(window(history, HISTORY_WINDOW));
    messages.addAll(added);
    ChatRequest.Builder builder = ChatRequest.builder().messages(messages);
    if (!tools.isEmpty()) {
      builder.toolSpecifications(tools);
    }
    ChatRequest request = builder.build();
    try {
      if (streaming != null && listener != ChatListener.NONE) {
        return new Answer(StreamedAnswers.ask(streaming, request, listener), true);
      }
      return new Answer(model.chat(request).aiMessage(), false);
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
