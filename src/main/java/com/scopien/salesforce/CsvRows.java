package com.scopien.salesforce;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, LF or CRLF) one
 * record at a time, so a result file of any size passes through in constant memory. It buffers the
 * reader itself: reading a character at a time from a {@code BufferedReader} takes its lock per
 * character.
 */
final class CsvRows {

  private final Reader in;
  private final char delimiter;
  private final char[] buffer = new char[64 * 1024];
  private int position;
  private int length;
  private int peeked = -2;

  CsvRows(Reader in, char delimiter) {
    this.in = in;
    this.delimiter = delimiter;
  }

  /** The next record's fields, or null at the end of the input. */
  List<String> next() throws IOException {
    int c = read();
    if (c == -1) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    while (true) {
      if (quoted) {
        if (c == -1) {
          throw new IOException("CSV ends inside a quoted field");
        }
        if (c == '"') {
          int next = read();
          if (next == '"') {
            field.append('"');
          } else {
            quoted = false;
            c = next;
            continue;
          }
        } else {
          field.append((char) c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' || c == '\n' || c == -1) {
        if (c == '\r') {
          int next = read();
          if (next != '\n') {
            unread(next);
          }
        }
        fields.add(field.toString());
        return fields;
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }

  private int read() throws IOException {
    if (peeked != -2) {
      int c = peeked;
      peeked = -2;
      return c;
    }
    if (position == length) {
      length = in.read(buffer, 0, buffer.length);
      position = 0;
      if (length <= 0) {
        length = 0;
        return -1;
      }
    }
    return buffer[position++];
  }

  private void unread(int c) {
    peeked = c;
  }
}
