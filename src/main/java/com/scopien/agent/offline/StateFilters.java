package com.scopien.agent.offline;

import com.scopien.agent.offline.Vocabulary.FieldTerm;
import com.scopien.agent.offline.Vocabulary.ObjectTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * "open", "closed", "won" and "lost" as the object understands them: its IsClosed/IsWon flags when
 * it has them, else its status or stage picklist.
 */
final class StateFilters {
  private StateFilters() {}

  static List<Filter> extract(Utterance u, ObjectTerm object) {
    List<Filter> filters = new ArrayList<>();
    state(u, object, "open", false).ifPresent(filters::add);
    state(u, object, "closed", true).ifPresent(filters::add);
    for (Utterance.Span s : u.findPhrase("won")) {
      Optional<Filter> f = flagOrValue(object, "IsWon", true, "won");
      f.ifPresent(x -> u.use(s));
      f.ifPresent(filters::add);
    }
    for (Utterance.Span s : u.findPhrase("lost")) {
      Optional<Filter> f = picklistContaining(object, "lost").map(v -> new Filter(v[0], "=", v[1]));
      f.ifPresent(x -> u.use(s));
      f.ifPresent(filters::add);
    }
    return filters;
  }

  private static Optional<Filter> state(
      Utterance u, ObjectTerm object, String word, boolean closed) {
    List<Utterance.Span> spans = u.findPhrase(word);
    if (spans.isEmpty()) {
      return Optional.empty();
    }
    Optional<Filter> filter = flagOrValue(object, "IsClosed", closed, word);
    if (filter.isEmpty() && !closed) {
      Optional<FieldTerm> status = statusField(object);
      if (status.isPresent() && status.get().picklist().stream().anyMatch("Closed"::equals)) {
        filter = Optional.of(new Filter(status.get().apiName(), "!=", "Closed"));
      }
    }
    filter.ifPresent(f -> u.use(spans.get(0)));
    return filter;
  }

  private static Optional<Filter> flagOrValue(
      ObjectTerm object, String flag, boolean value, String word) {
    if (object.field(flag).isPresent()) {
      return Optional.of(new Filter(flag, "=", value));
    }
    return picklistContaining(object, word).map(v -> new Filter(v[0], "=", v[1]));
  }

  private static Optional<String[]> picklistContaining(ObjectTerm object, String word) {
    Optional<FieldTerm> status = statusField(object);
    if (status.isEmpty()) {
      return Optional.empty();
    }
    for (String value : status.get().picklist()) {
      if (value.toLowerCase(Locale.ROOT).startsWith(word)
          || value.toLowerCase(Locale.ROOT).equals("closed " + word)) {
        return Optional.of(new String[] {status.get().apiName(), value});
      }
    }
    return Optional.empty();
  }

  private static Optional<FieldTerm> statusField(ObjectTerm object) {
    for (String name : List.of("StageName", "Status", "Status__c")) {
      Optional<FieldTerm> f = object.field(name);
      if (f.isPresent() && !f.get().picklist().isEmpty()) {
        return f;
      }
    }
    return Optional.empty();
  }
}
