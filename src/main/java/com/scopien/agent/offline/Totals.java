package com.scopien.agent.offline;

import com.scopien.agent.offline.Vocabulary.FieldTerm;
import com.scopien.agent.offline.Vocabulary.ObjectTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a totals request asks for: the function ("total", "average", "largest", "how many"), the
 * field it applies to ("amount", "deal size", else the object's main amount) and the fields to
 * break it down by ("by stage", "per lead source", "by status and priority", "per owner"). Empty
 * when the request asks for no total at all, so that a plain list or count is left to its tool.
 */
final class Totals {
  private static final Pattern BREAKDOWN =
      Pattern.compile(
          "\\b(?:broken down by|break(?:ing)? (?:it |them )?down by|breakdown by|grouped by"
              + "|group(?:ed)? by|split by|for each|per|by)\\s+(?:the\\s+|each\\s+|their\\s+)?");
  private static final Pattern AVERAGE = Pattern.compile("\\b(average|avg|mean)\\b");
  private static final Pattern SMALLEST =
      Pattern.compile("\\b(smallest|lowest|minimum|min|earliest)\\b");
  private static final Pattern LARGEST =
      Pattern.compile("\\b(largest|biggest|highest|maximum|max|latest|most recent)\\b");
  private static final Pattern SUM =
      Pattern.compile("\\b(total|sum|summed|combined|overall|add up|pipeline)\\b");
  private static final Pattern COUNT =
      Pattern.compile("\\b(how many|count|number of|total number|tally)\\b");
  private static final Pattern AND = Pattern.compile("^\\s*(?:and|,|&)\\s*(?:by\\s+)?");
  private static final List<String> MAIN_AMOUNT =
      List.of("Amount", "AnnualRevenue", "Amount__c", "Budget__c", "Score__c");
  private static final Set<String> GROUPABLE =
      Set.of("string", "picklist", "boolean", "reference", "date", "email", "phone", "combobox");

  private Totals() {}

  /** The function, its field (null for a count) and the breakdown fields (API paths). */
  record Ask(String function, String field, List<String> groupBy) {}

  static Optional<Ask> extract(Utterance u, ObjectTerm object) {
    List<String> groupBy = groupBy(u, object);
    String text = u.remaining();
    String function;
    if (AVERAGE.matcher(text).find()) {
      function = "avg";
    } else if (COUNT.matcher(text).find()) {
      function = "count";
    } else if (SMALLEST.matcher(text).find()) {
      function = "min";
    } else if (LARGEST.matcher(text).find()) {
      function = "max";
    } else if (SUM.matcher(text).find()) {
      function = "sum";
    } else if (!groupBy.isEmpty()) {
      function = namedNumber(u, object).isPresent() ? "sum" : "count";
    } else {
      return Optional.empty();
    }
    if (function.equals("count")) {
      return Optional.of(new Ask(function, null, groupBy));
    }
    boolean extreme = function.equals("min") || function.equals("max");
    Optional<FieldTerm> field = extreme ? namedNumberOrDate(u, object) : namedNumber(u, object);
    Optional<String> chosen = field.map(FieldTerm::apiName).or(() -> mainAmount(object));
    if (chosen.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Ask(function, chosen.get(), groupBy));
  }

  /** "by stage", "per lead source", "by status and priority": up to two groupable fields. */
  private static List<String> groupBy(Utterance u, ObjectTerm object) {
    List<String> fields = new ArrayList<>();
    for (Utterance.Span by : u.find(BREAKDOWN)) {
      int at = by.end();
      Optional<Named> first = groupField(u, object, at);
      if (first.isEmpty()) {
        continue;
      }
      u.use(by.start(), first.get().end());
      fields.add(first.get().path());
      String rest = u.lower().substring(first.get().end());
      Matcher and = AND.matcher(rest);
      if (and.find()) {
        int next = first.get().end() + and.end();
        Optional<Named> second = groupField(u, object, next);
        if (second.isPresent() && !second.get().path().equals(first.get().path())) {
          u.use(first.get().end(), second.get().end());
          fields.add(second.get().path());
        }
      }
      break;
    }
    return fields;
  }

  private record Named(String path, int end) {}

  /** The groupable field whose phrase starts at {@code at}, longest phrase first. */
  private static Optional<Named> groupField(Utterance u, ObjectTerm object, int at) {
    String text = u.lower();
    Named best = null;
    int bestLength = 0;
    for (FieldTerm field : object.fields()) {
      if (!GROUPABLE.contains(field.type())) {
        continue;
      }
      for (String phrase : phrases(field)) {
        int end = at + phrase.length();
        boolean fits =
            text.startsWith(phrase, at)
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))
                && u.free(at, end);
        if (fits && phrase.length() > bestLength) {
          best = new Named(path(field), end);
          bestLength = phrase.length();
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** A lookup is said by its relationship ("owner", "account") and grouped by the parent's name. */
  private static List<String> phrases(FieldTerm field) {
    List<String> phrases = new ArrayList<>(field.phrases());
    if (field.type().equals("reference")) {
      for (String phrase : field.phrases()) {
        if (phrase.endsWith(" id")) {
          phrases.add(phrase.substring(0, phrase.length() - 3));
        }
      }
      phrases.add(field.apiName().replaceAll("(Id|__c)$", "").toLowerCase(Locale.ROOT));
    }
    return phrases;
  }

  private static String path(FieldTerm field) {
    if (!field.type().equals("reference")) {
      return field.apiName();
    }
    String name = field.apiName();
    if (name.endsWith("__c")) {
      return name.substring(0, name.length() - 3) + "__r.Name";
    }
    return (name.endsWith("Id") ? name.substring(0, name.length() - 2) : name) + ".Name";
  }

  private static Optional<FieldTerm> namedNumber(Utterance u, ObjectTerm object) {
    return named(u, object, false);
  }

  private static Optional<FieldTerm> namedNumberOrDate(Utterance u, ObjectTerm object) {
    return named(u, object, true);
  }

  /** The longest phrase of a number field (or date field) of the object in the unused text. */
  private static Optional<FieldTerm> named(Utterance u, ObjectTerm object, boolean dates) {
    String text = u.remaining();
    FieldTerm best = null;
    int bestLength = 0;
    for (FieldTerm field : object.fields()) {
      if (!field.numeric() && !(dates && field.date())) {
        continue;
      }
      for (String phrase : field.phrases()) {
        if (FieldPhrases.indexOfWord(text, phrase) >= 0 && phrase.length() > bestLength) {
          best = field;
          bestLength = phrase.length();
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static Optional<String> mainAmount(ObjectTerm object) {
    for (String name : MAIN_AMOUNT) {
      if (object.field(name).isPresent()) {
        return Optional.of(name);
      }
    }
    return object.fields().stream()
        .filter(f -> f.type().equals("currency"))
        .map(FieldTerm::apiName)
        .findFirst();
  }
}
