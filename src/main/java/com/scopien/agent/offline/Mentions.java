package com.scopien.agent.offline;

import com.scopien.agent.offline.Vocabulary.ObjectTerm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds the objects and orgs a request names, by the phrases of the {@link Vocabulary}. */
final class Mentions {
  private Mentions() {}

  /** Something named in the request, and where. */
  record Found<T>(T value, int start, int end) {}

  private static final List<String[]> ENVIRONMENTS =
      List.of(
          new String[] {"production", "production"},
          new String[] {"prod", "production"},
          new String[] {"prd", "production"},
          new String[] {"live org", "production"},
          new String[] {"sandbox", "sandbox"},
          new String[] {"sandbox org", "sandbox"},
          new String[] {"sbx", "sandbox"},
          new String[] {"staging", "sandbox"});

  /** Every object mention, in order of position; at one position the longest phrase wins. */
  static List<Found<ObjectTerm>> objects(Utterance u, Vocabulary v) {
    List<Found<ObjectTerm>> found = new ArrayList<>();
    for (ObjectTerm term : v.objects()) {
      for (String phrase : term.phrases()) {
        for (Utterance.Span s : u.findPhrase(phrase)) {
          if (!endsName(u, s.start())) {
            found.add(new Found<>(term, s.start(), s.end()));
          }
        }
      }
    }
    found.sort(
        Comparator.comparingInt((Found<ObjectTerm> f) -> f.start())
            .thenComparing(f -> -(f.end() - f.start())));
    List<Found<ObjectTerm>> distinct = new ArrayList<>();
    int reach = -1;
    for (Found<ObjectTerm> f : found) {
      if (f.start() >= reach) {
        distinct.add(f);
        reach = f.end();
      }
    }
    return distinct;
  }

  /**
   * A capitalised word right after another capitalised word is the end of a name ("Acme Corp
   * Deal"), not the object it also spells.
   */
  private static boolean endsName(Utterance u, int start) {
    String text = u.original();
    if (!Character.isUpperCase(text.charAt(start)) || start < 2 || text.charAt(start - 1) != ' ') {
      return false;
    }
    int wordStart = text.lastIndexOf(' ', start - 2) + 1;
    return wordStart > 0 && Character.isUpperCase(text.charAt(wordStart));
  }

  static Optional<Found<ObjectTerm>> firstObject(Utterance u, Vocabulary v) {
    List<Found<ObjectTerm>> all = objects(u, v);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** The org named, as "production", "sandbox" or an org's own name. */
  static Optional<Found<String>> org(Utterance u, Vocabulary v) {
    Found<String> best = null;
    for (String[] env : ENVIRONMENTS) {
      for (Utterance.Span s : u.findPhrase(env[0])) {
        best = better(best, new Found<>(env[1], s.start(), s.end()));
      }
    }
    for (String name : v.orgNames()) {
      for (Utterance.Span s : u.findPhrase(name.toLowerCase(Locale.ROOT))) {
        best = better(best, new Found<>(name, s.start(), s.end()));
      }
    }
    if (best == null) {
      best = unknownOrg(u).orElse(null);
    }
    return Optional.ofNullable(best);
  }

  /**
   * "in the Globex Europe org": an org named that no vocabulary knows. Kept as said, so the tool
   * call names it and the org lookup answers with the orgs there are, instead of the request
   * quietly running against the active org.
   */
  private static Optional<Found<String>> unknownOrg(Utterance u) {
    return u.first(NAMED_ORG)
        .map(
            s ->
                new Found<>(
                    u.originalText(s.match().start(1), s.match().end(1)).trim(),
                    s.start(),
                    s.end()));
  }

  private static final java.util.regex.Pattern NAMED_ORG =
      java.util.regex.Pattern.compile(
          "\\b(?:in|on|from|for|of)\\s+(?:the\\s+)?(?!(?:our|my|this|your|current|active|same|that|other|an?|salesforce)\\b)([a-z0-9][\\w.-]*(?:\\s+[\\w.-]+){0,2}?)\\s+(?:org|organization|organisation|instance)\\b");

  private static <T> Found<T> better(Found<T> a, Found<T> b) {
    if (a == null) {
      return b;
    }
    return (b.end() - b.start()) > (a.end() - a.start()) ? b : a;
  }
}
