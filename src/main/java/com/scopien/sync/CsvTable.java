package com.scopien.sync;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read whole: its header and its rows, each with the line of the file it starts on (the
 * header is line 1; a quoted value holding line breaks makes its row span several lines, and the
 * next row's number counts them). RFC 4180 quoting, a byte order mark before the header, CRLF or LF
 * line ends. Blank rows (no value, or only empty ones) are skipped.
 */
record CsvTable(List<String> header, List<Row> rows) {

  /** One data row and the line it starts on. */
  record Row(long line, List<String> values) {}

  CsvTable {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  /**
   * Reads the whole file.
   *
   * @throws ValidationProblems {@code invalid_csv} when the file has no header or is not CSV (an
   *     unclosed quote, text after a closing quote), naming the line
   */
  static CsvTable read(Reader reader) {
    CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    List<String> header = null;
    List<Row> rows = new ArrayList<>();
    long endOfLast = 0;
    try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      Iterator<CSVRecord> records = parser.iterator();
      while (true) {
        long start = endOfLast + 1;
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          throw invalid("line " + start + ": the file is not valid CSV here (" + reason(e) + ")");
        }
        endOfLast = parser.getCurrentLineNumber();
        List<String> values = record.toList();
        if (header == null) {
          header = new ArrayList<>(values);
          if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
          }
          if (header.stream().allMatch(String::isBlank)) {
            throw invalid("line " + start + ": the first line must name the columns");
          }
          continue;
        }
        if (values.stream().allMatch(String::isEmpty)) {
          continue;
        }
        rows.add(new Row(start, values));
      }
    } catch (IOException e) {
      throw invalid("the file cannot be read: " + e.getMessage());
    }
    if (header == null) {
      throw invalid("the file is empty; the first line must name the columns");
    }
    return new CsvTable(header, rows);
  }

  private static String reason(RuntimeException e) {
    String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
    if (message == null) {
      return "unreadable";
    }
    // commons-csv says where it stopped; our line number already says that.
    int at = message.indexOf(" at line ");
    return at > 0 ? message.substring(0, at) : message;
  }

  private static ValidationProblems invalid(String problem) {
    return new ValidationProblems("invalid_csv", "The CSV file cannot be read", List.of(problem));
  }
}
