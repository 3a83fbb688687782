package com.scopien.agent.offline;

import com.scopien.agent.offline.Vocabulary.FieldTerm;
import com.scopien.agent.offline.Vocabulary.ObjectTerm;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word of a list request that named a value the model could not use ("opportunities in
 * negotiashun stage"): the reply names it and the values there are, instead of silently listing
 * every record.
 */
final class UnusedWords {
  private static final Pattern BEFORE_FIELD =
      Pattern.compile("\\b([a-z][a-z'-]{2,})\\s+(stage|status|priority)\\b");
  private static final Pattern IN_AT_END =
      Pattern.compile("\\b(?:in|at)\\s+(?:the\\s+)?([a-z][a-z'-]{2,})\\s*(?:stage|status)?[?.!]*$");
  private static final Set<String> NOT_VALUES =
      Set.of(
          "the",
          "this",
          "that",
          "which",
          "what",
          "any",
          "every",
          "its",
          "my",
          "our",
          "their",
          "open",
          "closed",
          "sales",
          "current",
          "same",
          "production",
          "prod",
          "sandbox",
          "org",
          "total",
          "all",
          "lead",
          "case",
          "deal",
          "task",
          "each",
          "some",
          "today",
          "month",
          "week",
          "quarter",
          "year",
          "time");

  private UnusedWords() {}

  /** The note to add to a list or count reply, when a value word went unused. */
  static Optional<String> note(String said, ToolCall call, Vocabulary v) {
    if (call == null
        || !Set.of("query_records", "count_records").contains(call.tool())
        || !call.arguments().has("object")) {
      return Optional.empty();
    }
    Optional<ObjectTerm> object = v.object(call.arguments().path("object").asText());
    if (object.isEmpty()) {
      return Optional.empty();
    }
    String lower = said.toLowerCase(Locale.ROOT).replace('’', '\'');
    String args = call.arguments().toString().toLowerCase(Locale.ROOT);
    for (Pattern p : List.of(BEFORE_FIELD, IN_AT_END)) {
      Matcher m = p.matcher(lower);
      if (!m.find()) {
        continue;
      }
      String word = m.group(1);
      String fieldWord = p == BEFORE_FIELD ? m.group(2) : "stage";
      Optional<FieldTerm> field = picklist(object.get(), fieldWord);
      if (field.isEmpty() || unusable(word, object.get(), v) || args.contains(word)) {
        continue;
      }
      List<String> values = field.get().picklist();
      return Optional.of(
          "(I couldn't use \""
              + word
              + "\": no "
              + field.get().label().toLowerCase(Locale.ROOT)
              + " is called that, so it is not in the filter. The values are "
              + String.join(", ", values.subList(0, Math.min(10, values.size())))
              + ".)");
    }
    return Optional.empty();
  }

  private static Optional<FieldTerm> picklist(ObjectTerm object, String word) {
    return object.fields().stream()
        .filter(f -> f.type().equals("picklist"))
        .filter(f -> f.phrases().contains(word) || f.label().toLowerCase(Locale.ROOT).equals(word))
        .findFirst()
        .or(
            () ->
                word.equals("stage")
                    ? object.field("StageName").or(() -> object.field("Status"))
                    : Optional.empty());
  }

  /** Words that are not meant as a value: fillers, object words, words of some value. */
  private static boolean unusable(String word, ObjectTerm object, Vocabulary v) {
    if (NOT_VALUES.contains(word)) {
      return true;
    }
    for (ObjectTerm o : v.objects()) {
      if (o.phrases().contains(word)) {
        return true;
      }
    }
    for (FieldTerm f : object.fields()) {
      for (String value : f.picklist()) {
        if (Spelling.words(value).contains(word)) {
          return true;
        }
      }
      if (f.phrases().contains(word)) {
        return true;
      }
    }
    return false;
  }
}
