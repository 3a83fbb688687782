package com.scopien.agent.offline;

import com.scopien.agent.offline.Vocabulary.FieldTerm;
import com.scopien.agent.offline.Vocabulary.ObjectTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relative dates ("today", "this week", "closing this month", "created in the last 7 days") as a
 * filter with a SOQL date literal on the date field the words point at.
 */
final class DateFilters {
  private static final Map<String, String> FIXED =
      Map.ofEntries(
          Map.entry("today", "TODAY"),
          Map.entry("yesterday", "YESTERDAY"),
          Map.entry("tomorrow", "TOMORROW"),
          Map.entry("this week", "THIS_WEEK"),
          Map.entry("last week", "LAST_WEEK"),
          Map.entry("next week", "NEXT_WEEK"),
          Map.entry("this month", "THIS_MONTH"),
          Map.entry("last month", "LAST_MONTH"),
          Map.entry("next month", "NEXT_MONTH"),
          Map.entry("this quarter", "THIS_QUARTER"),
          Map.entry("last quarter", "LAST_QUARTER"),
          Map.entry("next quarter", "NEXT_QUARTER"),
          Map.entry("this year", "THIS_YEAR"),
          Map.entry("last year", "LAST_YEAR"),
          Map.entry("next year", "NEXT_YEAR"),
          Map.entry("in the last day", "LAST_N_DAYS:1"),
          Map.entry("in the past day", "LAST_N_DAYS:1"),
          Map.entry("last 24 hours", "LAST_N_DAYS:1"));
  private static final Pattern RELATIVE =
      Pattern.compile("(?:in the )?(last|past|next) (\\d{1,3}) (day|days|week|weeks|month|months)");
  private static final Pattern VERB =
      Pattern.compile(
          "\\b(created|added|new|closing|closes|close|closed|due|modified|updated|changed|starting"
              + "|starts|scheduled)\\s*(?:on|in|during|for)?\\s*$");

  private DateFilters() {}

  static List<Filter> extract(Utterance u, ObjectTerm object) {
    List<Filter> filters = new ArrayList<>();
    for (Utterance.Span s : u.find(RELATIVE)) {
      String unit =
          s.group(3).startsWith("day")
              ? "DAYS"
              : s.group(3).startsWith("week") ? "WEEKS" : "MONTHS";
      String dir = s.group(1).equals("next") ? "NEXT" : "LAST";
      add(u, object, s.start(), s.end(), dir + "_N_" + unit + ":" + s.group(2), filters);
    }
    FIXED.entrySet().stream()
        .sorted((a, b) -> b.getKey().length() - a.getKey().length())
        .forEach(
            e -> {
              for (Utterance.Span s : u.findPhrase(e.getKey())) {
                add(u, object, s.start(), s.end(), e.getValue(), filters);
              }
            });
    return filters;
  }

  private static void add(
      Utterance u, ObjectTerm object, int start, int end, String literal, List<Filter> out) {
    if (!u.free(start, end)) {
      return;
    }
    int window = Math.max(0, start - 24);
    Matcher verb = VERB.matcher(u.lower().substring(window, start));
    String word = "";
    int from = start;
    if (verb.find()) {
      word = verb.group(1);
      from = u.free(window + verb.start(), start) ? window + verb.start() : start;
    }
    Optional<FieldTerm> field = field(object, word);
    if (field.isEmpty()) {
      return;
    }
    u.use(from, end);
    out.add(new Filter(field.get().apiName(), "=", literal));
  }

  /** The date field the verb points at, else the object's usual date field. */
  static Optional<FieldTerm> field(ObjectTerm object, String verb) {
    List<String> choices =
        switch (verb.toLowerCase(Locale.ROOT)) {
          case "created", "added", "new" -> List.of("CreatedDate");
          case "closing", "closes", "close", "closed" -> List.of("CloseDate", "ClosedDate");
          case "due" -> List.of("ActivityDate", "Due_Date__c", "DueDate");
          case "modified", "updated", "changed" -> List.of("LastModifiedDate");
          case "starting", "starts", "scheduled" ->
              List.of("StartDateTime", "StartDate", "Start_Date__c", "ActivityDate");
          default ->
              List.of(
                  "CloseDate",
                  "ActivityDate",
                  "StartDateTime",
                  "StartDate",
                  "Due_Date__c",
                  "CreatedDate");
        };
    for (String name : choices) {
      Optional<FieldTerm> f = object.field(name);
      if (f.isPresent()) {
        return f;
      }
    }
    return object.fields().stream().filter(FieldTerm::date).findFirst();
  }
}
