package com.scopien.agent;

import com.scopien.salesforce.SObjectRecord;
import java.util.List;
import java.util.Locale;

/**
 * The answer to a question about one or two fields of one record, as a sentence with the record
 * linked: "[Jane Roe](…)'s email is jane.roe@acme.com.", "[Acme Corp Deal](…) is owned by John
 * Doe.", "[Acme Corp Deal](…) closes on Nov 24, 2026 (2026-11-24)." A date also keeps the form
 * Salesforce stores, which people search and paste.
 */
final class FieldAnswers {
  /** Questions about this many fields or fewer are answered in sentences; more get a table. */
  static final int MAX_FIELDS = 3;

  private FieldAnswers() {}

  static String sentences(
      String recordName,
      String recordId,
      String instanceUrl,
      List<RecordTable.Column> columns,
      SObjectRecord record) {
    String who = RecordTable.namedLink(recordName, recordId, instanceUrl);
    StringBuilder out = new StringBuilder();
    for (RecordTable.Column column : columns) {
      out.append(out.length() == 0 ? "" : " ");
      out.append(sentence(who, column, record.get(column.path())));
    }
    return out.toString();
  }

  private static String sentence(String who, RecordTable.Column column, Object value) {
    String path = column.path();
    String label = column.heading().toLowerCase(Locale.ROOT);
    if (value == null || value.toString().isBlank()) {
      return who + " has no " + label + " recorded.";
    }
    String shown = RecordTable.cell(spoken(value));
    if (path.equalsIgnoreCase("Owner.Name")) {
      return who + " is owned by " + shown + ".";
    }
    if (path.endsWith(".Name")) {
      String parent = path.substring(0, path.length() - 5).toLowerCase(Locale.ROOT);
      return who + "'s " + parent + " is " + shown + ".";
    }
    if (path.equalsIgnoreCase("CloseDate")) {
      return who + " closes on " + shown + ".";
    }
    return who + "'s " + label + " is " + shown + ".";
  }

  /** A value as said to a person; a date keeps its stored form alongside. */
  static String spoken(Object value) {
    return PeopleWords.date(value)
        .map(d -> d + " (" + value + ")")
        .orElseGet(() -> RecordTable.format(value));
  }
}
