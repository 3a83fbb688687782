package com.scopien.localorg;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CSV of a Bulk API batch (RFC 4180: quoted fields, doubled quotes, line breaks inside
 * quotes, LF or CRLF) one record at a time, from its own buffer.
 */
final class CsvReader {

  private final Reader in;
  private final char[] buffer = new char[64 * 1024];
  private int position;
  private int length;
  private int peeked = -2;

  CsvReader(Reader in) {
    this.in = in;
  }

  /**
   * The next record's fields, or null at the end.
   *
   * @throws IOException also when the input ends inside a quoted field
   */
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
          throw new IOException("the CSV ends inside a quoted field");
        }
        if (c == '"') {
          int next = read();
          if (next != '"') {
            quoted = false;
            c = next;
            continue;
          }
        }
        field.append((char) c);
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' || c == '\n' || c == -1) {
        if (c == '\r') {
          int next = read();
          if (next != '\n') {
            peeked = next;
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
      length = Math.max(0, in.read(buffer, 0, buffer.length));
      position = 0;
      if (length == 0) {
        return -1;
      }
    }
    return buffer[position++];
  }
}
