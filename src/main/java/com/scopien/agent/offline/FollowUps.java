package com.scopien.agent.offline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopien.agent.offline.Mentions.Found;
import com.scopien.agent.offline.Vocabulary.ObjectTerm;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Follow-ups that only change the previous request: "now the sandbox", "and in production?", "what
 * about contacts". A message is a follow-up when, once its org, object and filler words are set
 * aside, nothing is left.
 */
final class FollowUps {
  private static final Set<String> FILLER =
      Set.of(
          "now",
          "and",
          "what",
          "about",
          "how",
          "same",
          "also",
          "then",
          "ok",
          "okay",
          "the",
          "in",
          "on",
          "for",
          "from",
          "please",
          "org",
          "one",
          "too",
          "instead",
          "there",
          "with",
          "again",
          "do",
          "it",
          "thing",
          "that",
          "this",
          "show",
          "me",
          "of",
          "environment");
  private static final Set<String> OBJECT_TOOLS =
      Set.of("query_records", "count_records", "describe_object");

  private FollowUps() {}

  /** The previous call, changed as the follow-up says; empty when the text is not a follow-up. */
  static Optional<ToolCall> apply(String text, ToolCall previous, Vocabulary v) {
    if (previous == null) {
      return Optional.empty();
    }
    Utterance u = new Utterance(text);
    Optional<Found<String>> org = Mentions.org(u, v);
    org.ifPresent(o -> u.use(o.start(), o.end()));
    List<Found<ObjectTerm>> objects = Mentions.objects(u, v);
    objects.forEach(o -> u.use(o.start(), o.end()));
    if (org.isEmpty() && objects.isEmpty()) {
      return Optional.empty();
    }
    for (String word : u.remaining().split("[^a-z']+")) {
      if (!word.isEmpty() && !FILLER.contains(word)) {
        return Optional.empty();
      }
    }
    ObjectNode args = previous.arguments().deepCopy();
    org.ifPresent(o -> args.put("org", o.value()));
    if (!objects.isEmpty()) {
      if (!OBJECT_TOOLS.contains(previous.tool())) {
        return Optional.empty();
      }
      args.put("object", objects.get(0).value().apiName());
      args.remove(List.of("filters", "orderBy", "fields", "offset"));
    }
    return Optional.of(new ToolCall(previous.tool(), args));
  }
}
