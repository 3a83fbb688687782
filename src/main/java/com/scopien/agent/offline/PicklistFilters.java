package com.scopien.agent.offline;

import com.scopien.agent.offline.Vocabulary.FieldTerm;
import com.scopien.agent.offline.Vocabulary.ObjectTerm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Picklist values named in a request ("closed won", "high priority", "escalated") as filters on
 * their field. One-word values that are also everyday words count only next to the field's label.
 */
final class PicklistFilters {
  private static final Set<String> COMMON =
      Set.of(
          "new",
          "open",
          "closed",
          "other",
          "none",
          "email",
          "phone",
          "web",
          "active",
          "customer",
          "partner",
          "normal",
          "planned",
          "sent",
          "working");

  private static final Set<String> STATE_WORDS =
      Set.of("new", "open", "closed", "active", "other", "none", "normal");

  private PicklistFilters() {}

  static List<Filter> extract(Utterance u, ObjectTerm object) {
    record Hit(FieldTerm field, String value, Utterance.Span span, int labelStart, int labelEnd) {}
    List<Hit> hits = new ArrayList<>();
    for (FieldTerm field : object.fields()) {
      if (!field.type().equals("picklist")) {
        continue;
      }
      for (String value : field.picklist()) {
        for (String phrase : phrases(value)) {
          for (Utterance.Span s : u.findPhrase(phrase)) {
            int[] label = labelNear(u, field, s);
            if (COMMON.contains(phrase)
                && label == null
                && !beforeObject(u, phrase, s)
                && !sourceNamed(u, field, s)) {
              continue;
            }
            hits.add(
                new Hit(
                    field,
                    value,
                    s,
                    label == null ? s.start() : label[0],
                    label == null ? s.end() : label[1]));
          }
        }
      }
    }
    hits.sort(Comparator.comparingInt((Hit h) -> -(h.span().end() - h.span().start())));
    Map<String, List<String>> byField = new LinkedHashMap<>();
    for (Hit h : hits) {
      if (u.free(h.span().start(), h.span().end())) {
        u.use(h.span());
        u.use(h.labelStart(), h.labelEnd());
        byField.computeIfAbsent(h.field().apiName(), k -> new ArrayList<>()).add(h.value());
      }
    }
    List<Filter> filters = new ArrayList<>();
    byField.forEach(
        (field, values) ->
            filters.add(
                values.size() == 1
                    ? new Filter(field, "=", values.get(0))
                    : new Filter(field, "in", values)));
    return filters;
  }

  /**
   * How people say a value: in full, and for a value of two alternatives ("Negotiation/Review",
   * "Proposal/Price Quote") either one alone.
   */
  static List<String> phrases(String value) {
    String phrase = value.toLowerCase(Locale.ROOT);
    List<String> all = new ArrayList<>(List.of(phrase));
    if (phrase.contains("/")) {
      for (String part : phrase.split("/")) {
        if (part.trim().length() >= 4) {
          all.add(part.trim());
        }
      }
    }
    return all;
  }

  /**
   * "planned projects", "sent invoices": a common word right before the object's own name is a
   * value of it. Not for words that mean a state rather than a value (open, closed, new, active).
   */
  private static boolean beforeObject(Utterance u, String phrase, Utterance.Span s) {
    if (STATE_WORDS.contains(phrase)) {
      return false;
    }
    int next = s.end() + 1;
    return next < u.lower().length() && u.lower().charAt(s.end()) == ' ' && !u.free(next, next + 1);
  }

  /** "from the web", "by email": where a lead or case came from, on a source or origin field. */
  private static boolean sourceNamed(Utterance u, FieldTerm field, Utterance.Span s) {
    String label = field.label().toLowerCase(Locale.ROOT);
    if (!label.contains("source") && !label.contains("origin")) {
      return false;
    }
    String before = u.lower().substring(0, s.start());
    return before.matches("(?s).*\\b(from|by|via|through)\\s+(the\\s+)?$");
  }

  /** The field's label right before or after the value ("high priority", "status working"). */
  private static int[] labelNear(Utterance u, FieldTerm field, Utterance.Span s) {
    String text = u.lower();
    for (String phrase : field.phrases()) {
      int after = s.end() + 1;
      if (text.startsWith(phrase, after) && u.free(after, after + phrase.length())) {
        return new int[] {s.start(), after + phrase.length()};
      }
      int before = s.start() - 1 - phrase.length();
      if (before >= 0 && text.startsWith(phrase, before) && u.free(before, s.start())) {
        return new int[] {before, s.end()};
      }
    }
    return null;
  }
}
