package com.scopien.agent.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the offline model says once tools have answered: the results as the reply (see {@link
 * ReplyWriter}) with a note on a word of the request it could not use, or, while a name-only lookup
 * ("show me Jane Roe") has not found the record yet, the next object to look on.
 */
final class ResultReplies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Supplier<Vocabulary> vocabulary;
  private final Spelling spelling;

  ResultReplies(Supplier<Vocabulary> vocabulary, Spelling spelling) {
    this.vocabulary = vocabulary;
    this.spelling = spelling;
  }

  AiMessage answer(List<ChatMessage> messages) {
    return nextLookup(messages).orElseGet(() -> AiMessage.from(resultReply(messages)));
  }

  /** The tool results as the reply, with a note on any word of the request it could not use. */
  private String resultReply(List<ChatMessage> messages) {
    String reply = ReplyWriter.write(trailingResults(messages));
    int user = messages.size() - 1;
    while (user >= 0 && !(messages.get(user) instanceof UserMessage)) {
      user--;
    }
    if (user < 0
        || !(messages.get(user) instanceof UserMessage said)
        || !said.hasSingleText()
        || user + 1 >= messages.size()
        || !(messages.get(user + 1) instanceof AiMessage ai)
        || !ai.hasToolExecutionRequests()) {
      return reply;
    }
    Vocabulary v = vocabulary.get();
    ToolExecutionRequest first = ai.toolExecutionRequests().get(0);
    ToolCall call;
    try {
      call = new ToolCall(first.name(), (ObjectNode) JSON.readTree(first.arguments()));
    } catch (Exception e) {
      return reply;
    }
    return UnusedWords.note(said.singleText(), call, v)
        .or(() -> UnusedWords.note(spelling.mend(said.singleText(), v), call, v))
        .map(note -> reply + "\n\n" + note)
        .orElse(reply);
  }

  /**
   * After a name-only lookup ("show me Jane Roe") found nothing on one object, the next object to
   * try; after the last, the words saying none has it. Empty when the turn was no such lookup.
   */
  private Optional<AiMessage> nextLookup(List<ChatMessage> messages) {
    int user = messages.size() - 1;
    while (user >= 0 && !(messages.get(user) instanceof UserMessage)) {
      user--;
    }
    if (user < 0 || !(messages.get(user) instanceof UserMessage said) || !said.hasSingleText()) {
      return Optional.empty();
    }
    ToolExecutionResultMessage result =
        (ToolExecutionResultMessage) messages.get(messages.size() - 1);
    if (!Boolean.TRUE.equals(result.isError()) || !result.text().startsWith("No ")) {
      return Optional.empty();
    }
    Vocabulary v = vocabulary.get();
    Optional<NamedRecords.Lookup> lookup =
        NamedRecords.lookup(spelling.mend(said.singleText(), v), v);
    if (lookup.isEmpty()) {
      return Optional.empty();
    }
    int tried = 0;
    for (ChatMessage m : messages.subList(user, messages.size())) {
      if (m instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
        tried += ai.toolExecutionRequests().size();
      }
    }
    if (tried >= lookup.get().objects().size()) {
      return Optional.of(AiMessage.from(NamedRecords.noneFound(lookup.get(), v)));
    }
    ToolCall next = NamedRecords.call(lookup.get(), tried);
    return Optional.of(
        AiMessage.from(
            List.of(
                ToolExecutionRequest.builder()
                    .id("offline-" + messages.size())
                    .name(next.tool())
                    .arguments(next.arguments().toString())
                    .build())));
  }

  private static List<ToolExecutionResultMessage> trailingResults(List<ChatMessage> messages) {
    List<ToolExecutionResultMessage> results = new ArrayList<>();
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (!(messages.get(i) instanceof ToolExecutionResultMessage result)) {
        break;
      }
      results.add(0, result);
    }
    return results;
  }
}
