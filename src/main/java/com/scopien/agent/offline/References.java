package com.scopien.agent.offline;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words that point back at a record shown earlier: "it", "her", "his", "that deal", "this one",
 * "the second one", "the last contact". Resolved against the conversation's {@link Recall}.
 */
final class References {
  private static final Pattern PRONOUN =
      Pattern.compile(
          "^(?:it|its|it's|her|hers|him|his|she|he|them|their|this|that"
              + "|(?:this|that|the same)\\s+(?:one|record|deal|opportunity|opp|contact|lead"
              + "|account|case|ticket|company|customer|person|task|invoice|project))$");
  private static final Pattern ORDINAL =
      Pattern.compile(
          "^(?:the\\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
              + "|1st|2nd|3rd|4th|5th|6th|7th|8th|9th|10th|last)(?:\\s+(?:one|record|row|[a-z]+))?$");
  private static final Map<String, Integer> ORDINALS =
      Map.ofEntries(
          Map.entry("first", 1),
          Map.entry("1st", 1),
          Map.entry("second", 2),
          Map.entry("2nd", 2),
          Map.entry("third", 3),
          Map.entry("3rd", 3),
          Map.entry("fourth", 4),
          Map.entry("4th", 4),
          Map.entry("fifth", 5),
          Map.entry("5th", 5),
          Map.entry("sixth", 6),
          Map.entry("6th", 6),
          Map.entry("seventh", 7),
          Map.entry("7th", 7),
          Map.entry("eighth", 8),
          Map.entry("8th", 8),
          Map.entry("ninth", 9),
          Map.entry("9th", 9),
          Map.entry("tenth", 10),
          Map.entry("10th", 10));

  private References() {}

  /** Whether the words are a reference back rather than a name ("her", "the second one"). */
  static boolean isReference(String words) {
    String w = clean(words);
    return PRONOUN.matcher(w).matches() || ORDINAL.matcher(w).matches();
  }

  /** The record the words point at, when they are a reference the recall can resolve. */
  static Optional<Recall.Record> resolve(String words, Recall recall) {
    String w = clean(words);
    if (PRONOUN.matcher(w).matches()) {
      return recall.it();
    }
    Matcher m = ORDINAL.matcher(w);
    if (m.matches()) {
      if (m.group(1).equals("last")) {
        return recall.nth(recall.records().size());
      }
      return recall.nth(ORDINALS.get(m.group(1)));
    }
    return Optional.empty();
  }

  private static String clean(String words) {
    return words.trim().toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[?.!,]+$", "");
  }
}
