package com.scopien.agent.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopien.agent.offline.Vocabulary.ObjectTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Show me Jane Roe", "look up Acme Corporation", "who is Jane Smith?": a record asked for by name
 * alone. The object is the one the name hints at ("Acme Corp Deal" is an opportunity), else the
 * people and companies a salesperson names most, tried in turn (contact, lead, account,
 * opportunity) until one has a record of that name. Never a question about orgs or API usage.
 */
final class NamedRecords {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ASK =
      Pattern.compile(
          "^(?:please\\s+)?(?:show(?:\\s+me)?|find|get|open|pull up|look up|lookup|who is|who's"
              + "|tell me about|what about|details (?:of|for|on|about)|info on|search for)"
              + "\\s+(?:the\\s+)?(?=[A-Z0-9\"“])",
          Pattern.CASE_INSENSITIVE);
  private static final List<String> TRIED_IN_TURN =
      List.of("Contact", "Lead", "Account", "Opportunity");

  private NamedRecords() {}

  /**
   * The name asked for and the objects to look for it on, in order; empty if not such a request.
   */
  record Lookup(String name, List<String> objects) {}

  static Optional<Lookup> lookup(String text, Vocabulary v) {
    String said = text.strip().replaceAll("[?.!]+$", "");
    Matcher m = ASK.matcher(said);
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    Utterance u = new Utterance(said);
    Optional<NameSpans.Name> name = NameSpans.at(u, m.end());
    if (name.isEmpty() || name.get().end() != u.original().length()) {
      return Optional.empty();
    }
    String words = name.get().text();
    Utterance alone = new Utterance(words);
    if (!Mentions.objects(alone, v).isEmpty()) {
      return Optional.empty();
    }
    Optional<ObjectTerm> hinted = Mentions.nameHint(alone, v);
    if (hinted.isPresent()) {
      return Optional.of(new Lookup(words, List.of(hinted.get().apiName())));
    }
    List<String> objects = new ArrayList<>();
    TRIED_IN_TURN.stream().filter(o -> v.object(o).isPresent()).forEach(objects::add);
    return objects.isEmpty() ? Optional.empty() : Optional.of(new Lookup(words, objects));
  }

  static ToolCall call(Lookup lookup, int attempt) {
    ObjectNode args = JSON.createObjectNode();
    args.put("object", lookup.objects().get(attempt));
    args.put("name", lookup.name());
    return new ToolCall("get_record", args);
  }

  /** What to say when no object had a record of that name. */
  static String noneFound(Lookup lookup, Vocabulary v) {
    List<String> labels = new ArrayList<>();
    for (String api : lookup.objects()) {
      labels.add(v.object(api).map(o -> o.label().toLowerCase(Locale.ROOT)).orElse(api));
    }
    String kinds =
        labels.size() == 1
            ? labels.get(0)
            : String.join(", ", labels.subList(0, labels.size() - 1))
                + " or "
                + labels.get(labels.size() - 1);
    return "I found no "
        + kinds
        + " named '"
        + lookup.name()
        + "'. Check the spelling, or say"
        + " what it is (\"the account "
        + lookup.name()
        + "\").";
  }
}
