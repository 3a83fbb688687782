package com.scopien.agent.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopien.agent.offline.Vocabulary.ObjectTerm;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question about one field of one record: "What is Jane Roe's email?", "what's her phone
 * number?", "What stage is the Acme Corp Deal in?", "When is the Acme Corp Deal closing?", "who
 * owns it?". Becomes get_record with that field (a parent field such as Owner.Name for "who owns"),
 * the record named or the one the conversation points at. A record question never becomes a
 * question about orgs or API usage.
 */
final class FieldQuestions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ASK =
      "(?:what|what's|whats|what is|what was|what are|tell me|give me|get me|show me|and|so)";

  /** A question shape: where the record and the field are, or the field it always asks. */
  private record Shape(Pattern pattern, int record, int field, String fixedField) {}

  private static final List<Shape> SHAPES =
      List.of(
          shape(
              "^who\\s+(?:owns|is the owner of|is responsible for|manages)\\s+(.+?)$",
              1,
              0,
              "Owner.Name"),
          shape(
              "^who(?:'s| is)\\s+(?:the\\s+)?owner\\s+(?:of|for|on)\\s+(.+?)$", 1, 0, "Owner.Name"),
          shape("^who(?:'s| is)\\s+(.+?)(?:'s|s')\\s+owner$", 1, 0, "Owner.Name"),
          shape(
              "^when\\s+(?:is|does|will|'s)\\s+(.+?)\\s+(?:close|closing|due to close"
                  + "|expected to close|going to close|set to close)$",
              1,
              0,
              "CloseDate"),
          shape("^how much is\\s+(.+?)\\s+worth$", 1, 0, "Amount"),
          shape(
              "^(?:which|what)\\s+(?:account|company)\\s+(?:is|does)\\s+(.+?)\\s+"
                  + "(?:at|in|with|work for|belong to|under)$",
              1,
              0,
              "Account.Name"),
          shape("^" + ASK + "?\\s*(?:is\\s+)?(her|his|its|their)\\s+(.+?)$", 1, 2, null),
          shape("^" + ASK + "\\s+(?:is\\s+|are\\s+)?(.+?)(?:'s|s')\\s+(.+?)$", 1, 2, null),
          shape("^" + ASK + "\\s+(?:is\\s+)?the\\s+(.+?)\\s+(?:of|for|on)\\s+(.+?)$", 2, 1, null),
          shape(
              "^(?:what|which)\\s+(.+?)\\s+(?:is|are)\\s+(.+?)(?:\\s+(?:in|at|on|with))?$",
              2,
              1,
              null));

  /** Objects a person's field usually belongs to, when the question names no object. */
  private static final List<String> PREFERRED =
      List.of("Contact", "Lead", "Opportunity", "Account", "Case", "User");

  private FieldQuestions() {}

  private static Shape shape(String regex, int record, int field, String fixed) {
    return new Shape(Pattern.compile(regex), record, field, fixed);
  }

  static Optional<Decision> interpret(String text, Vocabulary v, Recall recall) {
    String question =
        text.strip().replace('’', '\'').replaceAll("[?.!]+$", "").replaceAll("\\s+", " ");
    // "who's the owner?", "what's the amount?": about the record the conversation is on.
    question =
        question
            .replaceAll("(?i)^(who(?:'s| is)) the owner$", "who owns it")
            .replaceAll(
                "^((?i:what(?:'s| is))) the ((?:(?!\\b(?:of|on|for|in)\\b)[a-z ])+)$", "$1 its $2");
    String lower = question.toLowerCase(Locale.ROOT);
    for (Shape shape : SHAPES) {
      Matcher m = shape.pattern().matcher(lower);
      if (!m.matches()) {
        continue;
      }
      String recordText = question.substring(m.start(shape.record()), m.end(shape.record()));
      String fieldText = shape.field() == 0 ? null : m.group(shape.field());
      Optional<Decision> decision = decide(recordText, fieldText, shape.fixedField(), v, recall);
      if (decision.isPresent()) {
        return decision;
      }
    }
    return Optional.empty();
  }

  private static Optional<Decision> decide(
      String recordText, String fieldText, String fixedField, Vocabulary v, Recall recall) {
    String words = recordText.trim();
    if (References.isReference(words)) {
      Optional<Recall.Record> record = References.resolve(words, recall);
      if (record.isEmpty()) {
        return namesAField(fieldText, fixedField, v)
            ? Optional.of(Decision.say(whichRecord(recall)))
            : Optional.empty();
      }
      Optional<ObjectTerm> object = v.object(record.get().object());
      if (object.isEmpty()) {
        return Optional.empty();
      }
      return field(fieldText, fixedField, object.get())
          .map(f -> Decision.call(call(object.get(), "id", record.get().id(), f)));
    }
    String name = words.replaceAll("^(?i)(the|a|an)\\s+", "");
    Utterance u = new Utterance(name);
    Optional<Mentions.Found<ObjectTerm>> named = Mentions.firstObject(u, v);
    ObjectTerm object = null;
    if (named.isPresent() && named.get().start() == 0) {
      object = named.get().value();
      name = name.substring(named.get().end()).trim();
    }
    if (!looksLikeName(name)) {
      return Optional.empty();
    }
    if (object == null) {
      object = Mentions.nameHint(new Utterance(name), v).orElse(null);
    }
    if (object == null && recall.focus() != null && name.equalsIgnoreCase(recall.focus().name())) {
      object = v.object(recall.focus().object()).orElse(null);
    }
    String recordName = cleanName(name);
    if (object != null) {
      ObjectTerm known = object;
      return field(fieldText, fixedField, known)
          .map(f -> Decision.call(call(known, "name", recordName, f)));
    }
    for (String api : PREFERRED) {
      Optional<ObjectTerm> candidate = v.object(api);
      if (candidate.isPresent()) {
        Optional<String> f = field(fieldText, fixedField, candidate.get());
        if (f.isPresent()) {
          return Optional.of(Decision.call(call(candidate.get(), "name", recordName, f.get())));
        }
      }
    }
    return Optional.empty();
  }

  /** Whether the words name a field a person asks about, on any of the usual objects. */
  private static boolean namesAField(String fieldText, String fixedField, Vocabulary v) {
    for (String api : PREFERRED) {
      Optional<ObjectTerm> object = v.object(api);
      if (object.isPresent() && field(fieldText, fixedField, object.get()).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** The field's API path on the object: the fixed one, "owner", "account", or by its phrases. */
  private static Optional<String> field(String fieldText, String fixedField, ObjectTerm object) {
    String path = fixedField;
    if (path == null) {
      String f = fieldText.trim().toLowerCase(Locale.ROOT).replaceAll("^(the|current)\\s+", "");
      if (f.matches("owner|owner's name|account owner|record owner")) {
        path = "Owner.Name";
      } else if (f.matches("account|company|account name|company name|employer")
          && object.field("AccountId").isPresent()) {
        path = "Account.Name";
      } else {
        Optional<FieldPhrases.Match> match = FieldPhrases.in(f, object);
        if (match.isEmpty() || !coversMostOf(f, match.get())) {
          return Optional.empty();
        }
        path = match.get().field().apiName();
      }
    }
    String relationship = path.contains(".") ? path.substring(0, path.indexOf('.')) : null;
    if (relationship != null) {
      boolean has = object.field(relationship + "Id").isPresent();
      return has ? Optional.of(path) : Optional.empty();
    }
    return object.field(path).isPresent() ? Optional.of(path) : Optional.empty();
  }

  private static boolean coversMostOf(String text, FieldPhrases.Match match) {
    String rest = (text.substring(0, match.start()) + " " + text.substring(match.end())).trim();
    return rest.isEmpty() || rest.matches("(address|number|value|date|name|field|\\s)+");
  }

  private static boolean looksLikeName(String name) {
    if (name.isBlank()) {
      return false;
    }
    char first = name.charAt(0);
    return Character.isUpperCase(first) || Character.isDigit(first) || first == '"';
  }

  private static String cleanName(String name) {
    return name.replaceAll("^[\"“']|[\"”']$", "").trim();
  }

  private static ToolCall call(ObjectTerm object, String key, String value, String field) {
    ObjectNode args = JSON.createObjectNode();
    args.put("object", object.apiName());
    args.put(key, value);
    args.putArray("fields").add(field);
    return new ToolCall("get_record", args);
  }

  /** The clarifying question when "it" could mean any of several records, or none. */
  static String whichRecord(Recall recall) {
    if (recall.records().size() > 1) {
      StringBuilder list = new StringBuilder("Which one do you mean?");
      int n = 1;
      for (Recall.Record r : recall.records().subList(0, Math.min(5, recall.records().size()))) {
        list.append("\n").append(n++).append(". ").append(r.name() == null ? r.id() : r.name());
      }
      return list.append("\n\nSay its name, or \"the second one\".").toString();
    }
    return "Which record do you mean? Say its name, for example \"What is Jane Roe's email?\".";
  }
}
