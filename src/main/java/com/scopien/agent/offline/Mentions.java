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
   * The object a name's last word spells ("Acme Corp Deal" hints at an opportunity), for requests
   * that name a record but no object.
   */
  static Optional<ObjectTerm> nameHint(Utterance u, Vocabulary v) {
    for (ObjectTerm term : v.objects()) {
      for (String phrase : term.phrases()) {
        for (Utterance.Span s : u.findPhrase(phrase)) {
          if (endsName(u, s.start())) {
            return Optional.of(term);
          }
        }
      }
    }
    return Optional.empty();
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
    if (best != null && !isOrgName(v, text(u, best))) {
      best = widenedToName(u, best);
    }
    if (best == null) {
      best = unknownOrg(u).or(() -> namedAfterOrg(u)).or(() -> orgWord(u, v)).orElse(null);
    }
    return Optional.ofNullable(best);
  }

  private static boolean isOrgName(Vocabulary v, String said) {
    return v.orgNames().stream().anyMatch(n -> n.equalsIgnoreCase(said));
  }

  private static String text(Utterance u, Found<String> f) {
    return u.originalText(f.start(), f.end());
  }

  /**
   * "in UAT Sandbox": a capitalised word right before an environment word makes it part of an org's
   * name, kept as said, so the lookup finds that org (or says there is none) instead of answering
   * from whichever org is the sandbox.
   */
  private static Found<String> widenedToName(Utterance u, Found<String> env) {
    String text = u.original();
    int start = env.start();
    if (start < 2 || text.charAt(start - 1) != ' ') {
      return env;
    }
    int wordStart = text.lastIndexOf(' ', start - 2) + 1;
    String word = text.substring(wordStart, start - 1);
    boolean capitalised = !word.isEmpty() && Character.isUpperCase(word.charAt(0));
    boolean sentenceStart = wordStart == 0 && !word.equals(word.toUpperCase(Locale.ROOT));
    if (!capitalised || sentenceStart || !u.free(wordStart, start)) {
      return env;
    }
    return new Found<>(text.substring(wordStart, env.end()), wordStart, env.end());
  }

  /** "use the org UAT", "the organization called Globex EU": a name right after "org". */
  private static Optional<Found<String>> namedAfterOrg(Utterance u) {
    java.util.regex.Matcher m = AFTER_ORG.matcher(u.original());
    while (m.find()) {
      if (u.free(m.start(), m.end())) {
        return Optional.of(new Found<>(m.group(1).trim(), m.start(), m.end()));
      }
    }
    return Optional.empty();
  }

  private static final java.util.regex.Pattern AFTER_ORG =
      java.util.regex.Pattern.compile(
          "\\b(?:org|organi[sz]ation)\\s+(?:called\\s+|named\\s+)?"
              + "([A-Z0-9][\\w.-]*(?:\\s+[A-Z0-9][\\w.-]*){0,2})");

  /**
   * A capitalised word of exactly one connected org's name ("UAT" of "Acme UAT"), as its short
   * form; words several org names share ("Acme") say nothing.
   */
  private static Optional<Found<String>> orgWord(Utterance u, Vocabulary v) {
    java.util.Map<String, Integer> uses = new java.util.HashMap<>();
    for (String name : v.orgNames()) {
      for (String word : name.toLowerCase(Locale.ROOT).split("\\s+")) {
        uses.merge(word, 1, Integer::sum);
      }
    }
    for (java.util.Map.Entry<String, Integer> e : uses.entrySet()) {
      String word = e.getKey();
      if (e.getValue() > 1 || word.length() < 2 || Environment.isWord(word)) {
        continue;
      }
      for (Utterance.Span s : u.findPhrase(word)) {
        if (Character.isUpperCase(u.original().charAt(s.start())) && s.start() > 0) {
          return Optional.of(new Found<>(u.originalText(s.start(), s.end()), s.start(), s.end()));
        }
      }
    }
    return Optional.empty();
  }

  /** The environment words, which alone name no particular org. */
  private static final class Environment {
    static boolean isWord(String word) {
      return ENVIRONMENTS.stream().anyMatch(e -> e[0].equals(word));
    }
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
