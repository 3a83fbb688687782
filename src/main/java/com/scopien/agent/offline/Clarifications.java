package com.scopien.agent.offline;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When the model is not confident: a request that names a record but lands on a tool about orgs or
 * API usage, without saying anything about orgs or usage, is a guess. It asks a short question
 * instead of answering with a table nobody asked for.
 */
final class Clarifications {
  private static final Set<String> ABOUT_THE_SERVICE = Set.of("list_orgs", "api_usage");
  private static final Pattern SERVICE_WORDS =
      Pattern.compile(
          "(?i)\\b(orgs?|organi[sz]ations?|environments?|connections?|connected|instances?|api"
              + "|limits?|usage|quota|calls|requests|budget|allowance)\\b");

  private Clarifications() {}

  static Optional<String> unsure(String text, ToolCall call, Vocabulary v) {
    if (!ABOUT_THE_SERVICE.contains(call.tool()) || SERVICE_WORDS.matcher(text).find()) {
      return Optional.empty();
    }
    Optional<NameSpans.Name> name = NameSpans.anywhere(new Utterance(text));
    if (name.isPresent()) {
      String n = name.get().text();
      return Optional.of(
          "I'm not sure what you'd like to know about "
              + n
              + ". Try \"show me "
              + n
              + "\" or ask about one field, like \"who owns "
              + n
              + "?\".");
    }
    return Optional.of(
        "I'm not sure what you mean. Do you want to find records (\"show open cases\"), a count"
            + " (\"how many leads?\"), or the org's API usage?");
  }
}
