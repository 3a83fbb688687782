package com.scopien.soql;

/**
 * SOQL string literals: decoding the text between quotes and quoting a value. Recognised escapes
 * are {@code \n \r \t \b \f \" \' \\ \}{@code uXXXX} (letters in either case), and {@code \%}
 * {@code \_} inside LIKE patterns only; any other backslash is an error, as in Salesforce.
 */
final class StringEscapes {
  private StringEscapes() {}

  /**
   * Decodes the raw text between the quotes. In a LIKE pattern, escaped {@code \}, {@code %} and
   * {@code _} keep their backslash, giving the pattern form {@link LikePattern} reads.
   *
   * @return the value, or throws a {@link SoqlException} whose reason names the bad sequence
   */
  static String decode(String raw, boolean likePattern) {
    StringBuilder out = new StringBuilder(raw.length());
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i++);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i >= raw.length()) {
        throw illegal(raw, "\\");
      }
      char e = raw.charAt(i++);
      switch (e) {
        case 'n', 'N' -> out.append('\n');
        case 'r', 'R' -> out.append('\r');
        case 't', 'T' -> out.append('\t');
        case 'b', 'B' -> out.append('\b');
        case 'f', 'F' -> out.append('\f');
        case '"' -> out.append('"');
        case '\'' -> out.append('\'');
        case '\\' -> out.append(likePattern ? "\\\\" : "\\");
        case '%', '_' -> {
          if (!likePattern) {
            throw illegal(raw, "\\" + e);
          }
          out.append('\\').append(e);
        }
        case 'u', 'U' -> {
          if (i + 4 > raw.length()) {
            throw illegal(raw, raw.substring(i - 2));
          }
          int code = 0;
          for (int k = 0; k < 4; k++) {
            int digit = Character.digit(raw.charAt(i + k), 16);
            if (digit < 0) {
              throw illegal(raw, raw.substring(i - 2, i + 4));
            }
            code = code * 16 + digit;
          }
          i += 4;
          char decoded = (char) code;
          if (likePattern && (decoded == '\\')) {
            out.append("\\\\");
          } else {
            out.append(decoded);
          }
        }
        default -> throw illegal(raw, "\\" + e);
      }
    }
    return out.toString();
  }

  /** {@code value} as a quoted SOQL literal: {@code \} first, then {@code '}, then controls. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
    for (int i = 0; i < value.length(); i++) {
      appendEscaped(out, value.charAt(i));
    }
    return out.append('\'').toString();
  }

  /** A LIKE pattern as a quoted literal; its own backslash escapes are written as they are. */
  static String quoteLike(String pattern) {
    LikePattern.requireWellFormed(pattern);
    StringBuilder out = new StringBuilder(pattern.length() + 2).append('\'');
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        out.append('\\').append(pattern.charAt(++i));
      } else {
        appendEscaped(out, c);
      }
    }
    return out.append('\'').toString();
  }

  private static void appendEscaped(StringBuilder out, char c) {
    switch (c) {
      case '\\' -> out.append("\\\\");
      case '\'' -> out.append("\\'");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      default -> {
        if (c < 0x20 || c == 0x7f) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
  }

  private static SoqlException illegal(String raw, String sequence) {
    String shown = raw.length() > 60 ? raw.substring(0, 60) + "..." : raw;
    return new SoqlException(
        "Invalid string literal '"
            + shown
            + "'. Illegal character sequence '"
            + sequence
            + "' in string literal.");
  }
}
