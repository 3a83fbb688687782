package com.scopien.agent.offline;

import com.scopien.agent.offline.Vocabulary.FieldTerm;
import com.scopien.agent.offline.Vocabulary.ObjectTerm;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An update request read as record + field + value: "set the stage of Acme Corp Deal to Closed
 * Won", "update Acme Corp Deal's amount to 80k", "change the lead score of Jane Smith to 90", "mark
 * Acme Corp Deal as closed won".
 */
final class Assignments {
  private static final String VERB =
      "(?i)^(?:please\\s+)?(?:set|change|update|modify|edit|make|put|bump|raise|lower|increase"
          + "|decrease)\\s+(?:the\\s+)?";
  private static final Pattern FIELD_OF =
      Pattern.compile(VERB + "(.+?)\\s+(?:of|for|on)\\s+(.+?)\\s+(?:to|=|as|into)\\s+(.+?)[.!]?$");
  private static final Pattern POSSESSIVE =
      Pattern.compile(VERB + "(.+?)'s?\\s+(.+?)\\s+(?:to|=|as)\\s+(.+?)[.!]?$");
  private static final Pattern RECORD_FIELD =
      Pattern.compile(VERB + "(.+?)\\s+(?:to|=)\\s+(.+?)[.!]?$");
  private static final Pattern MARK =
      Pattern.compile(
          "(?i)^(?:please\\s+)?(?:mark|move|flag|put)\\s+(?:the\\s+)?(.+?)\\s+(?:as|to|in|into)"
              + "\\s+(?:the\\s+)?(.+?)(?:\\s+(?:stage|status))?[.!]?$");

  private Assignments() {}

  /** What the request asks to change. */
  record Change(ObjectTerm object, String record, FieldTerm field, Object value) {}

  static Optional<Change> extract(Utterance u, Vocabulary v, ObjectTerm named) {
    String text = u.original();
    Matcher m = FIELD_OF.matcher(text);
    if (m.find()) {
      Optional<FieldPhrases.Match> f = fieldIn(m.group(1), v, named);
      if (f.isPresent()) {
        return Optional.of(change(f.get(), m.group(2), m.group(3), v));
      }
    }
    m = POSSESSIVE.matcher(text);
    if (m.find()) {
      Optional<FieldPhrases.Match> f = fieldIn(m.group(2), v, named);
      if (f.isPresent()) {
        return Optional.of(change(f.get(), m.group(1), m.group(3), v));
      }
    }
    m = RECORD_FIELD.matcher(text);
    if (m.find()) {
      String left = m.group(1).toLowerCase(Locale.ROOT);
      Optional<FieldPhrases.Match> f = trailingField(left, v, named);
      if (f.isPresent()) {
        String record = m.group(1).substring(0, f.get().start()).trim();
        return Optional.of(change(f.get(), record, m.group(2), v));
      }
    }
    m = MARK.matcher(text);
    if (m.find()) {
      return picklistChange(m.group(1), m.group(2), v, named);
    }
    return Optional.empty();
  }

  private static Optional<FieldPhrases.Match> fieldIn(String text, Vocabulary v, ObjectTerm named) {
    String lower = text.toLowerCase(Locale.ROOT).trim();
    return FieldPhrases.anywhere(lower, v, named);
  }

  /** The longest field phrase that ends the text ("Acme Corp Deal amount"). */
  private static Optional<FieldPhrases.Match> trailingField(
      String text, Vocabulary v, ObjectTerm named) {
    FieldPhrases.Match best = null;
    List<ObjectTerm> objects = named == null ? v.objects() : List.of(named);
    for (ObjectTerm object : objects) {
      for (FieldTerm field : object.fields()) {
        for (String phrase : field.phrases()) {
          if (text.endsWith(" " + phrase)
              && (best == null || phrase.length() > best.end() - best.start())) {
            int at = text.length() - phrase.length();
            best = new FieldPhrases.Match(object, field, at, text.length());
          }
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static Change change(FieldPhrases.Match f, String record, String value, Vocabulary v) {
    return new Change(
        f.object(), cleanRecord(record, f.object()), f.field(), typed(f.field(), value));
  }

  private static Optional<Change> picklistChange(
      String record, String value, Vocabulary v, ObjectTerm named) {
    List<ObjectTerm> objects = named == null ? v.objects() : List.of(named);
    for (ObjectTerm object : objects) {
      for (FieldTerm field : object.fields()) {
        for (String option : field.picklist()) {
          if (option.equalsIgnoreCase(value.trim())) {
            return Optional.of(new Change(object, cleanRecord(record, object), field, option));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The record's name without articles or the object's own word ("the Acme deal opportunity"). */
  static String cleanRecord(String record, ObjectTerm object) {
    String name = record.trim().replaceAll("^(?i)(the|a|an)\\s+", "");
    // Only a lower-case object word is dropped: "Acme Corp Deal" keeps its capitalised "Deal".
    for (String phrase : object.phrases()) {
      name = name.replaceAll("^" + Pattern.quote(phrase) + "\\s+(?=\\S)", "");
      name = name.replaceAll("\\s+" + Pattern.quote(phrase) + "$", "");
    }
    return name.replaceAll("^[\"“']|[\"”']$", "").trim();
  }

  /** The value typed as the field holds it: a number, a boolean, a picklist's own spelling. */
  static Object typed(FieldTerm field, String raw) {
    String value = raw.trim().replaceAll("^[\"“']|[\"”']$", "");
    if (field.numeric()) {
      return Amounts.parse(value.replace("%", "")).map(Object.class::cast).orElse(value);
    }
    if (field.type().equals("boolean")) {
      return value.matches("(?i)true|yes|checked|on");
    }
    for (String option : field.picklist()) {
      if (option.equalsIgnoreCase(value)) {
        return option;
      }
    }
    return value;
  }
}
