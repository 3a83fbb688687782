package com.scopien.agent;

import com.scopien.salesforce.SObjectRecord;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Renders records as a Markdown pipe table. Cell text from records is untrusted: markup is reduced
 * to its readable text with jsoup (a rich-text description keeps its words, never its tags or
 * attributes), pipes, Markdown punctuation, line breaks and control characters are neutralised and
 * long values cut, so a record cannot break the table, smuggle formatting or a link into the reply,
 * or hand HTML to any channel. The Id column links to the record in Salesforce.
 */
final class RecordTable {
  private static final int MAX_CELL = 80;

  private static final Pattern SALESFORCE_ID =
      Pattern.compile("[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?");

  private RecordTable() {}

  /** A column: the record path to read and the heading to show. */
  record Column(String path, String heading) {}

  /**
   * @param recordUrlBase the org's instance URL; each Id becomes a link to {@code base/Id}, or
   *     stays plain text when null
   */
  static String render(List<Column> columns, List<SObjectRecord> records, String recordUrlBase) {
    StringBuilder out = new StringBuilder("|");
    for (Column c : columns) {
      out.append(' ').append(cell(c.heading())).append(" |");
    }
    out.append("\n|");
    out.append("---|".repeat(columns.size()));
    for (SObjectRecord record : records) {
      out.append("\n|");
      for (Column c : columns) {
        Object value = record.get(c.path());
        String text =
            c.path().equals("Id") && recordUrlBase != null
                ? link(String.valueOf(value), recordUrlBase)
                : cell(format(value));
        out.append(' ').append(text).append(" |");
      }
    }
    return out.toString();
  }

  static String format(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
      BigDecimal number = new BigDecimal(value.toString());
      NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
      format.setMaximumFractionDigits(2);
      return format.format(number);
    }
    if (value instanceof Long || value instanceof Integer) {
      return String.format(Locale.US, "%,d", ((Number) value).longValue());
    }
    String text = value.toString();
    if (text.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})")) {
      return PeopleWords.moment(text).orElse(text);
    }
    return PeopleWords.date(text).orElse(text);
  }

  /** A Markdown link to the record in Salesforce, when the Id looks like one. */
  static String link(String id, String recordUrlBase) {
    if (recordUrlBase == null
        || !SALESFORCE_ID.matcher(id).matches()
        || !recordUrlBase.matches("https?://[^\\s()]+")) {
      return cell(id);
    }
    String base = recordUrlBase.endsWith("/") ? recordUrlBase : recordUrlBase + "/";
    return "[" + id + "](" + base + id + ")";
  }

  /** The record's name linked to it in Salesforce; the plain name when it cannot be linked. */
  static String namedLink(String name, String id, String recordUrlBase) {
    String shown = name == null || name.isBlank() ? id : cell(name);
    if (recordUrlBase == null
        || id == null
        || !SALESFORCE_ID.matcher(id).matches()
        || !recordUrlBase.matches("https?://[^\\s()]+")) {
      return "**" + shown + "**";
    }
    String base = recordUrlBase.endsWith("/") ? recordUrlBase : recordUrlBase + "/";
    return "[" + shown + "](" + base + id + ")";
  }

  /** Text that may hold markup, as a person would read it: tags, attributes and scripts dropped. */
  static String plainText(String text) {
    if (text.indexOf('<') < 0) {
      return text;
    }
    Document fragment = Jsoup.parseBodyFragment(text);
    if (fragment.body().getAllElements().size() <= 1 && fragment.body().dataNodes().isEmpty()) {
      return text;
    }
    return fragment.body().text();
  }

  static String cell(String raw) {
    String text = plainText(raw);
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '|') {
        out.append("\\|");
      } else if (c == '[' || c == ']' || c == '*' || c == '`' || c == '\\') {
        out.append('\\').append(c);
      } else if (Character.isISOControl(c)) {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    String clean = out.toString().trim();
    return clean.length() > MAX_CELL ? clean.substring(0, MAX_CELL - 1) + "…" : clean;
  }

  static String count(long n) {
    return String.format(Locale.US, "%,d", n);
  }
}
