package com.scopien.agent;

import com.scopien.salesforce.SObjectRecord;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * Renders records as a Markdown pipe table. Cell text from records is untrusted: pipes, line breaks
 * and control characters are neutralised and long values cut, so a record cannot break the table or
 * smuggle formatting into the reply.
 */
final class RecordTable {
  private static final int MAX_CELL = 80;

  private RecordTable() {}

  /** A column: the record path to read and the heading to show. */
  record Column(String path, String heading) {}

  static String render(List<Column> columns, List<SObjectRecord> records) {
    StringBuilder out = new StringBuilder("|");
    for (Column c : columns) {
      out.append(' ').append(cell(c.heading())).append(" |");
    }
    out.append("\n|");
    out.append("---|".repeat(columns.size()));
    for (SObjectRecord record : records) {
      out.append("\n|");
      for (Column c : columns) {
        out.append(' ').append(cell(format(record.get(c.path())))).append(" |");
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
      return text.substring(0, 10) + " " + text.substring(11, 16);
    }
    return text;
  }

  static String cell(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '|') {
        out.append("\\|");
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
