package com.scopien.agent.offline;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests Scopien cannot carry out from chat (deleting, converting, merging, emailing, ...): the
 * reply says so plainly and offers what it can do, and no tool is called. Better than the help text
 * or, worse, a tool that does something else.
 */
final class Refusals {
  private record Limit(Pattern pattern, String cannot, String can) {}

  private static final List<Limit> LIMITS =
      List.of(
          limit(
              "\\b(delete|remove|erase|purge|wipe|destroy|trash)\\b",
              "delete records",
              "show them, count them, or update a field such as the status"),
          limit(
              "\\bconvert\\b",
              "convert leads",
              "update the lead's status, or create the account, contact and opportunity for it"),
          limit(
              "\\b(merge|dedupe|de-duplicate|deduplicate)\\b",
              "merge records",
              "find the duplicates so you can merge them in Salesforce"),
          limit(
              "^(please\\s+)?(send|draft|write)\\b.*\\b(emails?|e-mails?|mail|message)\\b"
                  + "|^e-?mail\\s+(him|her|them|the|all|every)\\b",
              "send emails",
              "log the email as a completed task, or look up the contact's email address"),
          limit(
              "\\b(undo|restore|undelete|recover)\\b",
              "undo changes or restore records",
              "show the record as it is now and change a field back"),
          limit(
              "\\b(run|execute|write|send)\\b.*\\b(soql|sql|apex|query)\\b",
              "run SOQL or Apex",
              "find records with filters, sorting and counts, which I turn into a safe query"));

  private Refusals() {}

  private static Limit limit(String regex, String cannot, String can) {
    return new Limit(Pattern.compile(regex), cannot, can);
  }

  static Optional<Decision> interpret(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (Limit limit : LIMITS) {
      Matcher m = limit.pattern().matcher(lower);
      if (m.find()) {
        return Optional.of(
            Decision.say("I can't " + limit.cannot() + " here; I can " + limit.can() + "."));
      }
    }
    return Optional.empty();
  }
}
