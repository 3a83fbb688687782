package com.scopien.agent.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.FinishReason;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The built-in model, for running Scopien with no key and no network. Given a user message it emits
 * the tool call an LLM would (see {@link RequestInterpreter}); given tool results it words them
 * into the reply. It only calls tools the request offers, and is deterministic.
 *
 * <p>Thread-safe; the vocabulary supplier is asked once per request.
 */
public final class OfflineChatModel implements ChatModel {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Supplier<Vocabulary> vocabulary;
  private final Clock clock;
  private final RequestInterpreter interpreter;
  private final Spelling spelling;
  private final ResultReplies results;

  /**
   * @param vocabulary the schema words to understand; {@link Vocabulary#demo()} when no org can be
   *     described
   */
  public OfflineChatModel(Supplier<Vocabulary> vocabulary, Clock clock) {
    this(vocabulary, clock, new KeywordIntentClassifier(), new Spelling(List.of()));
  }

  private OfflineChatModel(
      Supplier<Vocabulary> vocabulary,
      Clock clock,
      IntentClassifier classifier,
      Spelling spelling) {
    this.vocabulary = vocabulary;
    this.clock = clock;
    this.interpreter = new RequestInterpreter(classifier);
    this.spelling = spelling;
    this.results = new ResultReplies(vocabulary, spelling);
  }

  /**
   * The offline model understanding by keyword cues, mending typos with the words of the
   * catalogue's example requests.
   *
   * @param examplesByTool the example requests of each tool, as the catalogue lists them
   */
  public static OfflineChatModel withExamples(
      Supplier<Vocabulary> vocabulary, Clock clock, Map<String, List<String>> examplesByTool) {
    return new OfflineChatModel(
        vocabulary, clock, new KeywordIntentClassifier(), spelling(examplesByTool));
  }

  /**
   * The offline model that also understands requests by meaning: it embeds the catalogue's example
   * requests once, here, with {@code embeddings}, and matches each request to them alongside the
   * keyword cues. Building it costs one batch of embeddings; each message then costs one more.
   */
  public static OfflineChatModel withExamples(
      Supplier<Vocabulary> vocabulary,
      Clock clock,
      Map<String, List<String>> examplesByTool,
      EmbeddingModel embeddings) {
    return new OfflineChatModel(
        vocabulary,
        clock,
        new CombinedIntentClassifier(
            new KeywordIntentClassifier(),
            EmbeddingIntentClassifier.index(embeddings, gists(examplesByTool))),
        spelling(examplesByTool));
  }

  /** The examples as their gists, read with the demo schema's words (they name demo objects). */
  private static Map<String, List<String>> gists(Map<String, List<String>> examplesByTool) {
    Vocabulary demo = Vocabulary.demo();
    Map<String, List<String>> gists = new java.util.LinkedHashMap<>();
    examplesByTool.forEach(
        (tool, examples) ->
            gists.put(tool, examples.stream().map(e -> Gist.of(e, demo)).distinct().toList()));
    return gists;
  }

  private static Spelling spelling(Map<String, List<String>> examplesByTool) {
    return new Spelling(examplesByTool.values().stream().flatMap(List::stream).toList());
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    List<ChatMessage> messages = unmarked(request.messages());
    ChatMessage last = messages.get(messages.size() - 1);
    AiMessage answer;
    if (last instanceof ToolExecutionResultMessage) {
      answer = results.answer(messages);
    } else if (last instanceof UserMessage user && user.hasSingleText()) {
      answer = answer(user.singleText(), messages, offered(request));
    } else {
      answer = AiMessage.from(ReplyWriter.HELP);
    }
    return ChatResponse.builder()
        .aiMessage(answer)
        .modelName("scopien-offline")
        .finishReason(
            answer.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP)
        .build();
  }

  /** The messages with tool results as the tools wrote them, without the record-data marks. */
  private static List<ChatMessage> unmarked(List<ChatMessage> messages) {
    List<ChatMessage> plain = new java.util.ArrayList<>(messages.size());
    for (ChatMessage m : messages) {
      if (m instanceof ToolExecutionResultMessage r) {
        plain.add(
            ToolExecutionResultMessage.builder()
                .id(r.id())
                .toolName(r.toolName())
                .text(com.scopien.agent.RecordData.unmarked(r.text()))
                .isError(r.isError())
                .build());
      } else {
        plain.add(m);
      }
    }
    return plain;
  }

  private AiMessage answer(String said, List<ChatMessage> messages, Set<String> offered) {
    Vocabulary v = vocabulary.get();
    String text = spelling.mend(said, v);
    Recall recall = Recall.from(messages);
    Optional<Decision> decision =
        ChatterPosts.interpret(said)
            .map(Decision::call)
            .or(() -> Refusals.interpret(said))
            .or(() -> Refusals.interpret(text))
            .or(() -> ListFollowUps.apply(text, recall, v).map(Decision::call))
            .or(() -> FollowUps.apply(text, previousCall(messages), v).map(Decision::call))
            .or(() -> FieldQuestions.interpret(text, v, recall))
            .or(() -> NamedRecords.lookup(text, v).map(l -> Decision.call(NamedRecords.call(l, 0))))
            .or(() -> Activities.interpret(text, v, LocalDate.now(clock)).map(Decision::call))
            .or(
                () ->
                    interpreter
                        .interpret(text, v, LocalDate.now(clock), recall)
                        .map(Decision::call));
    if (decision.isEmpty()) {
      return AiMessage.from(ReplyWriter.HELP);
    }
    if (decision.get().call() == null) {
      return AiMessage.from(decision.get().text());
    }
    Optional<ToolCall> call = Optional.of(decision.get().call());
    Optional<String> unsure = Clarifications.unsure(text, call.get(), v);
    if (unsure.isPresent()) {
      return AiMessage.from(unsure.get());
    }
    if (!offered.contains(call.get().tool())) {
      return AiMessage.from(ReplyWriter.notAllowed(call.get().tool()));
    }
    ToolExecutionRequest request =
        ToolExecutionRequest.builder()
            .id("offline-" + messages.size())
            .name(call.get().tool())
            .arguments(call.get().arguments().toString())
            .build();
    return AiMessage.from(List.of(request));
  }

  private static Set<String> offered(ChatRequest request) {
    List<ToolSpecification> tools = request.toolSpecifications();
    return tools == null
        ? Set.of()
        : tools.stream().map(ToolSpecification::name).collect(Collectors.toSet());
  }

  /** The last tool call of an earlier turn, for follow-ups such as "now the sandbox". */
  private static ToolCall previousCall(List<ChatMessage> messages) {
    for (int i = messages.size() - 2; i >= 0; i--) {
      if (messages.get(i) instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
        ToolExecutionRequest r = ai.toolExecutionRequests().get(0);
        try {
          return new ToolCall(r.name(), (ObjectNode) JSON.readTree(r.arguments()));
        } catch (Exception e) {
          return null;
        }
      }
    }
    return null;
  }
}
