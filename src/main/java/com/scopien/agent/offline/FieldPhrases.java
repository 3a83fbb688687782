package com.scopien.agent.offline;

import com.scopien.agent.offline.Vocabulary.FieldTerm;
import com.scopien.agent.offline.Vocabulary.ObjectTerm;
import java.util.Optional;

/** Finds which field a piece of text names, by the field labels and synonyms of the vocabulary. */
final class FieldPhrases {
  private FieldPhrases() {}

  /** A field of an object and how many characters of the text named it. */
  record Match(ObjectTerm object, FieldTerm field, int start, int end) {}

  /** The longest field phrase of {@code object} inside {@code text} (lower case). */
  static Optional<Match> in(String text, ObjectTerm object) {
    Match best = null;
    for (FieldTerm field : object.fields()) {
      for (String phrase : field.phrases()) {
        int at = indexOfWord(text, phrase);
        if (at >= 0 && (best == null || phrase.length() > best.end() - best.start())) {
          best = new Match(object, field, at, at + phrase.length());
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** The field {@code text} names on any object, preferring {@code preferred} when given. */
  static Optional<Match> anywhere(String text, Vocabulary v, ObjectTerm preferred) {
    if (preferred != null) {
      Optional<Match> own = in(text, preferred);
      if (own.isPresent()) {
        return own;
      }
    }
    Match best = null;
    for (ObjectTerm object : v.objects()) {
      Optional<Match> m = in(text, object);
      if (m.isPresent() && (best == null || better(m.get(), best))) {
        best = m.get();
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The longer phrase wins; at equal length a standard field said by its API name ("amount" is
   * Opportunity.Amount) beats a custom field that merely shares its label (Invoice__c.Amount__c).
   */
  private static boolean better(Match candidate, Match best) {
    int lengthCandidate = candidate.end() - candidate.start();
    int lengthBest = best.end() - best.start();
    if (lengthCandidate != lengthBest) {
      return lengthCandidate > lengthBest;
    }
    return standardness(candidate) > standardness(best);
  }

  private static int standardness(Match m) {
    int score = 0;
    if (!m.field().apiName().endsWith("__c")) {
      score += 2;
    }
    if (!m.object().apiName().endsWith("__c")) {
      score += 1;
    }
    return score;
  }

  static int indexOfWord(String text, String phrase) {
    int from = 0;
    while (true) {
      int at = text.indexOf(phrase, from);
      if (at < 0) {
        return -1;
      }
      int end = at + phrase.length();
      boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
      boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
      if (startOk && endOk) {
        return at;
      }
      from = at + 1;
    }
  }
}
