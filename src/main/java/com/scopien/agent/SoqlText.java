package com.scopien.agent;

/**
 * Escaping for values placed in SOQL text: backslash first, then the quote, and in LIKE patterns
 * the two wildcards too, so no value a model or a record supplies can change the query's shape.
 */
final class SoqlText {
  private SoqlText() {}

  static String quote(String value) {
    return "'" + escape(value) + "'";
  }

  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '"' -> out.append("\\\"");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A LIKE pattern matching text that contains {@code value}. */
  static String containsPattern(String value) {
    String escaped = escape(value).replace("%", "\\%").replace("_", "\\_");
    return "'%" + escaped + "%'";
  }
}
