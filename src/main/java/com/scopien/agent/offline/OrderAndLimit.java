package com.scopien.agent.offline;

import com.scopien.agent.offline.Vocabulary.ObjectTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How many and in which order: "top 5 ... by annual revenue", "10 latest leads", "biggest deals",
 * "sorted by close date descending", "first 20".
 */
final class OrderAndLimit {
  private static final Pattern TOP = Pattern.compile("\\b(?:top|first|last)\\s+(\\d{1,3})\\b");
  private static final Pattern COUNT_BEFORE =
      Pattern.compile(
          "\\b(?:show|list|give|get|find|display)?\\s*(?:me\\s+)?(\\d{1,2})\\s+(?=[a-z])");
  private static final Pattern BY =
      Pattern.compile(
          "\\b(?:by|sorted by|ordered by|order by|sort by)\\s+(?:the\\s+|their\\s+|highest\\s+"
              + "|largest\\s+|biggest\\s+)?([a-z ]+?)(?:\\s+(asc|ascending|desc|descending))?\\s*$");
  private static final Pattern NEWEST =
      Pattern.compile("\\b(latest|newest|most recent|recent|recently created)\\b");
  private static final Pattern OLDEST = Pattern.compile("\\b(oldest|earliest)\\b");
  private static final Pattern BIGGEST =
      Pattern.compile("\\b(biggest|largest|highest|most valuable|top)\\b");

  private OrderAndLimit() {}

  /** A sort key for the tool call. */
  record Order(String field, String direction) {}

  /** The limit asked for, if any. */
  static Optional<Integer> limit(Utterance u) {
    for (Pattern p : List.of(TOP, COUNT_BEFORE)) {
      for (Utterance.Span s : u.find(p)) {
        int n = Integer.parseInt(s.group(1));
        if (n >= 1 && n <= 50) {
          u.use(s);
          return Optional.of(n);
        }
      }
    }
    return Optional.empty();
  }

  static List<Order> order(Utterance u, ObjectTerm object) {
    List<Order> order = new ArrayList<>();
    for (Utterance.Span s : u.find(BY)) {
      Optional<FieldPhrases.Match> field = FieldPhrases.in(s.group(1).trim(), object);
      if (field.isPresent()) {
        u.use(s);
        String dir = s.group(2);
        boolean asc = dir != null && dir.startsWith("asc");
        order.add(new Order(field.get().field().apiName(), asc ? "asc" : "desc"));
        return order;
      }
    }
    if (!u.find(NEWEST).isEmpty() && object.field("CreatedDate").isPresent()) {
      u.use(u.find(NEWEST).get(0));
      order.add(new Order("CreatedDate", "desc"));
    } else if (!u.find(OLDEST).isEmpty() && object.field("CreatedDate").isPresent()) {
      u.use(u.find(OLDEST).get(0));
      order.add(new Order("CreatedDate", "asc"));
    } else if (!u.find(BIGGEST).isEmpty()) {
      for (String name : List.of("Amount", "AnnualRevenue", "Amount__c", "Score__c")) {
        if (object.field(name).isPresent()) {
          u.use(u.find(BIGGEST).get(0));
          order.add(new Order(name, "desc"));
          break;
        }
      }
    }
    return order;
  }
}
