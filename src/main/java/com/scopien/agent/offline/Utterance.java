package com.scopien.agent.offline;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request being understood: the original text (for names, which keep their case), its lower
 * case form (for matching), and which characters earlier extractors already used, so two extractors
 * never read the same words.
 */
final class Utterance {
  private final String original;
  private final String lower;
  private final BitSet used = new BitSet();

  Utterance(String text) {
    this.original = text.strip().replace('’', '\'');
    this.lower = original.toLowerCase(Locale.ROOT);
  }

  String original() {
    return original;
  }

  String lower() {
    return lower;
  }

  /** A match of a phrase or pattern: where it is and what it captured. */
  record Span(int start, int end, MatchResult match) {
    String group(int i) {
      return match.group(i);
    }
  }

  /** Every free match of {@code phrase} as whole words. */
  List<Span> findPhrase(String phrase) {
    return find(Pattern.compile("(?<![a-z0-9_])" + Pattern.quote(phrase) + "(?![a-z0-9_])"));
  }

  boolean has(String phrase) {
    return !findPhrase(phrase).isEmpty();
  }

  boolean hasAny(String... phrases) {
    for (String p : phrases) {
      if (has(p)) {
        return true;
      }
    }
    return false;
  }

  /** Every match of a lower-case pattern that touches no used character. */
  List<Span> find(Pattern pattern) {
    List<Span> spans = new ArrayList<>();
    Matcher m = pattern.matcher(lower);
    while (m.find()) {
      if (m.end() > m.start() && free(m.start(), m.end())) {
        spans.add(new Span(m.start(), m.end(), m.toMatchResult()));
      }
    }
    return spans;
  }

  Optional<Span> first(Pattern pattern) {
    List<Span> spans = find(pattern);
    return spans.isEmpty() ? Optional.empty() : Optional.of(spans.get(0));
  }

  boolean free(int start, int end) {
    int next = used.nextSetBit(start);
    return next < 0 || next >= end;
  }

  void use(int start, int end) {
    used.set(start, end);
  }

  void use(Span span) {
    use(span.start(), span.end());
  }

  /** The original-case text of a range. */
  String originalText(int start, int end) {
    return original.substring(start, end);
  }

  /** The text with used ranges blanked, for extractors that read "what is left". */
  String remaining() {
    StringBuilder out = new StringBuilder(lower);
    for (int i = used.nextSetBit(0); i >= 0 && i < out.length(); i = used.nextSetBit(i + 1)) {
      out.setCharAt(i, ' ');
    }
    return out.toString();
  }
}
