package com.scopien.soql;

/**
 * A lexical token: its type, its text (for strings, the raw text between the quotes) and its offset
 * in the query.
 */
record Token(Type type, String text, int offset) {
  enum Type {
    WORD,
    STRING,
    NUMBER,
    DATE,
    DATETIME,
    LPAREN,
    RPAREN,
    COMMA,
    DOT,
    COLON,
    OPERATOR,
    EOF
  }

  boolean is(Type t) {
    return type == t;
  }

  /** Whether this is the keyword {@code word}, in any case. */
  boolean isWord(String word) {
    return type == Type.WORD && text.equalsIgnoreCase(word);
  }

  /** The token as Salesforce shows it in {@code unexpected token: '...'}. */
  String shown() {
    if (type == Type.EOF) {
      return "<EOF>";
    }
    String s = type == Type.STRING ? "'" + text + "'" : text;
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
