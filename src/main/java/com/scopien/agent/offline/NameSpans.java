package com.scopien.agent.offline;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proper names in the original text: a quoted string, or a run of capitalised words ("Acme Corp
 * Deal", "Jane Smith", "Globex", "Atlas Robotics - Enterprise Plan": a dash between capitalised
 * words belongs to the name) starting at a given position. Sentence-initial verbs and object words
 * are not names.
 */
final class NameSpans {
  private static final Pattern QUOTED = Pattern.compile("[\"“']([^\"”']{1,80})[\"”']");
  private static final Pattern CAPITALISED =
      Pattern.compile(
          "\\G\\s*((?:[A-Z0-9][\\w&.\\-']*|&)"
              + "(?:\\s+(?:[A-Z0-9][\\w&.\\-']*|&|of|de|and|[-–](?=\\s+[A-Z0-9])))*)");
  private static final Set<String> NOT_NAMES =
      Set.of(
          "Show",
          "List",
          "Find",
          "Get",
          "Create",
          "Update",
          "Set",
          "Change",
          "Add",
          "New",
          "Make",
          "Mark",
          "Move",
          "Count",
          "How",
          "What",
          "Which",
          "Sync",
          "Switch",
          "Describe",
          "Please",
          "I",
          "The",
          "A",
          "An");

  private NameSpans() {}

  /** A name as found: its text and where it ends. */
  record Name(String text, int start, int end) {}

  /** The first quoted string in the text. */
  static Optional<Name> quoted(Utterance u) {
    Matcher m = QUOTED.matcher(u.original());
    while (m.find()) {
      if (u.free(m.start(), m.end())) {
        return Optional.of(new Name(m.group(1).trim(), m.start(), m.end()));
      }
    }
    return Optional.empty();
  }

  /** A name starting at {@code from} (after spaces), or a quoted one there. */
  static Optional<Name> at(Utterance u, int from) {
    String text = u.original();
    if (from >= text.length()) {
      return Optional.empty();
    }
    Matcher q = QUOTED.matcher(text);
    q.region(from, text.length());
    if (q.lookingAt() || (q.find() && text.substring(from, q.start()).isBlank())) {
      return Optional.of(new Name(q.group(1).trim(), q.start(), q.end()));
    }
    Matcher m = CAPITALISED.matcher(text);
    m.region(from, text.length());
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    String name = m.group(1).replaceAll("\\s+(of|de|and)$", "").replaceAll("[.?!,]+$", "");
    if (name.isEmpty()
        || NOT_NAMES.contains(name)
        || !u.free(m.start(1), m.start(1) + name.length())) {
      return Optional.empty();
    }
    return Optional.of(new Name(name, m.start(1), m.start(1) + name.length()));
  }

  /** The first capitalised run anywhere that is not a sentence-initial word. */
  static Optional<Name> anywhere(Utterance u) {
    Optional<Name> quoted = quoted(u);
    if (quoted.isPresent()) {
      return quoted;
    }
    String text = u.original();
    for (int i = 0; i < text.length(); i++) {
      boolean wordStart = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
      if (wordStart && Character.isUpperCase(text.charAt(i)) && u.free(i, i + 1)) {
        Optional<Name> name = at(u, i);
        if (name.isPresent() && !(i == 0 && !name.get().text().contains(" "))) {
          return name;
        }
      }
    }
    return Optional.empty();
  }
}
