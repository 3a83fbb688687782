package com.scopien.localorg;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Query rows as the Bulk APIs write them: a header of the selected paths ({@code Id}, {@code
 * Account.Name}) and one line per row, every value quoted with inner quotes doubled, null as an
 * empty quoted value, datetimes as {@code 2015-12-15T21:41:45.000Z}, numbers without exponent or
 * trailing zeros. Rows are written one at a time to the writer, so a result of any size streams
 * without being built in memory.
 */
final class QueryCsv {

  private final RecordStore store;
  private final List<FieldPath> paths = new ArrayList<>();
  private final List<String> header = new ArrayList<>();
  private final char delimiter;
  private final String lineEnding;

  QueryCsv(RecordStore store, QueryPlan plan, char delimiter, String lineEnding) {
    this.store = store;
    this.delimiter = delimiter;
    this.lineEnding = lineEnding;
    for (QueryPlan.Column column : plan.columns()) {
      if (column instanceof QueryPlan.FieldColumn field) {
        paths.add(field.path());
        StringBuilder name = new StringBuilder();
        for (FieldDef hop : field.path().hops()) {
          name.append(hop.relationshipName()).append('.');
        }
        header.add(name.append(field.path().leafName()).toString());
      }
    }
  }

  /** Writes the header and the rows {@code from} (inclusive) to {@code to} (exclusive). */
  void write(Writer out, List<StoredRecord> rows, int from, int to) throws IOException {
    for (int i = 0; i < header.size(); i++) {
      cell(out, i, header.get(i));
    }
    out.write(lineEnding);
    for (int r = from; r < to; r++) {
      StoredRecord row = rows.get(r);
      for (int i = 0; i < paths.size(); i++) {
        cell(out, i, text(paths.get(i).value(row, store)));
      }
      out.write(lineEnding);
    }
  }

  private void cell(Writer out, int index, String value) throws IOException {
    if (index > 0) {
      out.write(delimiter);
    }
    out.write('"');
    out.write(value.indexOf('"') < 0 ? value : value.replace("\"", "\"\""));
    out.write('"');
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Instant instant) {
      return WireFormat.formatDateTime(instant, "Z");
    }
    if (value instanceof Double number) {
      if (number == Math.rint(number) && Math.abs(number) < 1e15) {
        return Long.toString(number.longValue());
      }
      return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }
}
