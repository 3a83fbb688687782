package com.scopien.agent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the real names closest to a name that does not exist, by edit distance over API names and
 * labels, so a model that guessed "Amout" or "Revenue" is told "Amount" or "AnnualRevenue".
 */
final class NameSuggester {
  private NameSuggester() {}

  /** A real name and the label people know it by. */
  record Candidate(String name, String label) {}

  static List<String> closest(String wanted, List<Candidate> candidates, int max) {
    String key = normalise(wanted);
    List<Scored> scored = new ArrayList<>();
    for (Candidate c : candidates) {
      int byName = distance(key, normalise(c.name()));
      int byLabel = c.label() == null ? Integer.MAX_VALUE : distance(key, normalise(c.label()));
      int best = Math.min(byName, byLabel);
      boolean contains =
          !key.isEmpty()
              && (normalise(c.name()).contains(key)
                  || (c.label() != null && normalise(c.label()).contains(key))
                  || key.contains(normalise(c.name())));
      scored.add(new Scored(c.name(), contains ? Math.min(best, 1) : best));
    }
    int cutoff = Math.max(3, key.length() / 2);
    return scored.stream()
        .filter(s -> s.score <= cutoff)
        .sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::name))
        .limit(max)
        .map(Scored::name)
        .toList();
  }

  private record Scored(String name, int score) {}

  static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replace("__c", "").replaceAll("[^a-z0-9]", "");
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
