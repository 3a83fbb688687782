package com.scopien.agent.offline;

import com.scopien.agent.offline.Vocabulary.FieldTerm;
import com.scopien.agent.offline.Vocabulary.ObjectTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Comparisons with amounts ("over 50k", "at least $1M", "under 10,000", "between 10k and 20k") on
 * the numeric field named just before, else the object's main amount field.
 */
final class AmountFilters {
  private static final String OVER =
      "over|above|more than|greater than|bigger than|larger than|exceeding|at least|>=|>";
  private static final String UNDER =
      "under|below|less than|smaller than|lower than|at most|up to|<=|<";
  private static final Pattern COMPARISON =
      Pattern.compile("(" + OVER + "|" + UNDER + ")\\s*" + Amounts.NUMBER);
  private static final Pattern BETWEEN =
      Pattern.compile("between\\s*" + Amounts.NUMBER + "\\s*(?:and|-|to)\\s*" + Amounts.NUMBER);
  private static final List<String> MAIN_AMOUNT =
      List.of("Amount", "AnnualRevenue", "Amount__c", "Budget__c", "Score__c");

  private AmountFilters() {}

  static List<Filter> extract(Utterance u, ObjectTerm object) {
    List<Filter> filters = new ArrayList<>();
    for (Utterance.Span s : u.find(BETWEEN)) {
      Optional<FieldTerm> field = field(u, object, s.start());
      if (field.isPresent()) {
        u.use(s);
        filters.add(new Filter(field.get().apiName(), ">=", Amounts.value(s.group(1), s.group(2))));
        filters.add(new Filter(field.get().apiName(), "<=", Amounts.value(s.group(3), s.group(4))));
      }
    }
    for (Utterance.Span s : u.find(COMPARISON)) {
      Optional<FieldTerm> field = field(u, object, s.start());
      if (field.isEmpty()) {
        continue;
      }
      u.use(s);
      String word = s.group(1);
      String op =
          switch (word) {
            case "at least", ">=" -> ">=";
            case "at most", "up to", "<=" -> "<=";
            default -> word.matches(OVER) ? ">" : "<";
          };
      filters.add(new Filter(field.get().apiName(), op, Amounts.value(s.group(2), s.group(3))));
    }
    return filters;
  }

  private static Optional<FieldTerm> field(Utterance u, ObjectTerm object, int at) {
    String before = u.lower().substring(Math.max(0, at - 30), at);
    FieldTerm named = null;
    int bestEnd = -1;
    for (FieldTerm f : object.fields()) {
      if (!f.numeric()) {
        continue;
      }
      for (String phrase : f.phrases()) {
        int i = before.lastIndexOf(phrase);
        if (i >= 0 && i + phrase.length() > bestEnd) {
          named = f;
          bestEnd = i + phrase.length();
        }
      }
    }
    if (named != null) {
      return Optional.of(named);
    }
    for (String name : MAIN_AMOUNT) {
      Optional<FieldTerm> f = object.field(name);
      if (f.isPresent()) {
        return f;
      }
    }
    return object.fields().stream().filter(f -> f.type().equals("currency")).findFirst();
  }
}
