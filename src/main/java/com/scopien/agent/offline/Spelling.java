package com.scopien.agent.offline;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mends typos in the words of a request before it is understood ("shwo me opportunites" becomes
 * "show me opportunities"). A word is mended only when it is unknown, lower case (so names are left
 * alone), and exactly one known word is near it: one edit away, counting a swap of two neighbouring
 * letters as one edit, or two edits for long words. Known words are those of the catalogue's
 * example requests and of the org's schema (objects, fields, picklist values).
 */
final class Spelling {
  private static final Pattern WORD = Pattern.compile("(?<![\\w@.'-])[A-Za-z][a-z]{3,}(?![\\w@-])");
  private static final Set<String> EVERYDAY =
      Set.of(
          "about",
          "above",
          "across",
          "actually",
          "after",
          "again",
          "also",
          "always",
          "among",
          "amount",
          "around",
          "back",
          "been",
          "before",
          "being",
          "below",
          "best",
          "better",
          "between",
          "both",
          "bring",
          "brings",
          "brought",
          "call",
          "called",
          "calls",
          "came",
          "change",
          "closed",
          "come",
          "comes",
          "could",
          "count",
          "create",
          "describe",
          "does",
          "doing",
          "done",
          "down",
          "during",
          "each",
          "email",
          "errors",
          "even",
          "ever",
          "every",
          "failures",
          "find",
          "first",
          "from",
          "give",
          "gives",
          "going",
          "good",
          "have",
          "help",
          "here",
          "high",
          "highest",
          "into",
          "just",
          "know",
          "large",
          "largest",
          "last",
          "latest",
          "least",
          "left",
          "less",
          "like",
          "limit",
          "limits",
          "list",
          "look",
          "looks",
          "lower",
          "made",
          "make",
          "many",
          "maybe",
          "might",
          "mine",
          "month",
          "months",
          "more",
          "most",
          "much",
          "must",
          "name",
          "named",
          "need",
          "needs",
          "never",
          "newest",
          "next",
          "note",
          "notes",
          "number",
          "okay",
          "oldest",
          "only",
          "onto",
          "open",
          "other",
          "others",
          "ours",
          "over",
          "phone",
          "please",
          "quarter",
          "really",
          "recent",
          "recently",
          "record",
          "records",
          "remaining",
          "requests",
          "right",
          "said",
          "same",
          "says",
          "second",
          "shall",
          "should",
          "show",
          "since",
          "small",
          "smallest",
          "some",
          "status",
          "still",
          "such",
          "sure",
          "switch",
          "sync",
          "synced",
          "syncing",
          "syncs",
          "take",
          "tell",
          "than",
          "thank",
          "thanks",
          "that",
          "their",
          "them",
          "then",
          "there",
          "these",
          "they",
          "third",
          "this",
          "those",
          "today",
          "today's",
          "tomorrow",
          "total",
          "under",
          "until",
          "update",
          "upon",
          "usage",
          "very",
          "want",
          "week",
          "weeks",
          "well",
          "were",
          "what",
          "when",
          "where",
          "which",
          "while",
          "will",
          "with",
          "within",
          "without",
          "would",
          "year",
          "years",
          "yesterday",
          "your",
          "yours");

  private final Set<String> examples;

  /**
   * @param exampleRequests the catalogue's example requests, whose words are known
   */
  Spelling(List<String> exampleRequests) {
    Set<String> words = new HashSet<>(EVERYDAY);
    exampleRequests.forEach(e -> words.addAll(words(e)));
    this.examples = Set.copyOf(words);
  }

  /** The request with its unknown lower-case words mended where one known word is near. */
  String mend(String request, Vocabulary vocabulary) {
    Set<String> known = new HashSet<>(examples);
    known.addAll(vocabulary.words());
    Matcher m = WORD.matcher(request);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String word = m.group();
      boolean sentenceStart = m.start() == 0;
      if (Character.isUpperCase(word.charAt(0)) && !sentenceStart) {
        continue;
      }
      String lower = word.toLowerCase(Locale.ROOT);
      if (known.contains(lower)) {
        continue;
      }
      String mended = nearest(lower, known);
      if (mended != null) {
        if (Character.isUpperCase(word.charAt(0))) {
          mended = Character.toUpperCase(mended.charAt(0)) + mended.substring(1);
        }
        m.appendReplacement(out, Matcher.quoteReplacement(mended));
      }
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String nearest(String word, Set<String> known) {
    int allowed = word.length() >= 8 ? 2 : 1;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    boolean tie = false;
    for (String candidate : known) {
      if (Math.abs(candidate.length() - word.length()) > allowed || candidate.length() < 4) {
        continue;
      }
      int d = distance(word, candidate, allowed);
      if (d > allowed || (word.length() == 4 && d == 1 && !swapped(word, candidate))) {
        continue;
      }
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
        tie = false;
      } else if (d == bestDistance && !candidate.equals(best)) {
        tie = true;
      }
    }
    return tie ? null : best;
  }

  /** Four-letter words are mended only for a swap of two letters ("shwo"), the commonest slip. */
  private static boolean swapped(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i + 1 < a.length(); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return a.charAt(i) == b.charAt(i + 1)
            && a.charAt(i + 1) == b.charAt(i)
            && a.substring(i + 2).equals(b.substring(i + 2));
      }
    }
    return false;
  }

  /** Damerau-Levenshtein (optimal string alignment) distance, giving up past {@code bound}. */
  static int distance(String a, String b, int bound) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > bound) {
        return bound + 1;
      }
    }
    return d[a.length()][b.length()];
  }

  static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
      if (w.length() >= 2) {
        words.add(w);
      }
    }
    return words;
  }
}
