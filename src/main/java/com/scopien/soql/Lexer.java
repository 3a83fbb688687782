package com.scopien.soql;

import java.util.ArrayList;
import java.util.List;

/** Splits query text into {@link Token}s. Whitespace separates tokens and is otherwise ignored. */
final class Lexer {
  private final String src;
  private int pos;

  private Lexer(String src) {
    this.src = src;
  }

  static List<Token> tokenize(String src) {
    Lexer lexer = new Lexer(src);
    List<Token> tokens = new ArrayList<>();
    Token t;
    do {
      t = lexer.next();
      tokens.add(t);
    } while (!t.is(Token.Type.EOF));
    return tokens;
  }

  private Token next() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
    int start = pos;
    if (pos >= src.length()) {
      return new Token(Token.Type.EOF, "", start);
    }
    char c = src.charAt(pos);
    if (isWordStart(c)) {
      while (pos < src.length() && isWordPart(src.charAt(pos))) {
        pos++;
      }
      return new Token(Token.Type.WORD, src.substring(start, pos), start);
    }
    if (isDigit(c) || (c == '-' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
      return number(start);
    }
    switch (c) {
      case '\'':
        return string(start);
      case '(':
        return single(Token.Type.LPAREN, start);
      case ')':
        return single(Token.Type.RPAREN, start);
      case ',':
        return single(Token.Type.COMMA, start);
      case '.':
        return single(Token.Type.DOT, start);
      case ':':
        return single(Token.Type.COLON, start);
      case '=':
        return single(Token.Type.OPERATOR, start);
      case '!':
        if (peek(1) == '=') {
          pos += 2;
          return new Token(Token.Type.OPERATOR, "!=", start);
        }
        break;
      case '<':
        if (peek(1) == '=' || peek(1) == '>') {
          pos += 2;
          return new Token(Token.Type.OPERATOR, src.substring(start, pos), start);
        }
        return single(Token.Type.OPERATOR, start);
      case '>':
        if (peek(1) == '=') {
          pos += 2;
          return new Token(Token.Type.OPERATOR, ">=", start);
        }
        return single(Token.Type.OPERATOR, start);
      default:
        break;
    }
    throw Parser.error(
        src,
        start,
        "no viable alternative at character '"
            + new String(Character.toChars(src.codePointAt(start)))
            + "'");
  }

  private Token single(Token.Type type, int start) {
    pos++;
    return new Token(type, src.substring(start, pos), start);
  }

  private Token string(int start) {
    pos++;
    StringBuilder raw = new StringBuilder();
    while (pos < src.length()) {
      char c = src.charAt(pos++);
      if (c == '\'') {
        return new Token(Token.Type.STRING, raw.toString(), start);
      }
      raw.append(c);
      if (c == '\\' && pos < src.length()) {
        raw.append(src.charAt(pos++));
      }
    }
    throw Parser.error(src, start, "unterminated string literal");
  }

  /** A number, or a bare date {@code 2024-01-31} or datetime {@code 2024-01-31T10:00:00Z}. */
  private Token number(int start) {
    if (src.charAt(pos) != '-' && matchesDate(pos)) {
      pos += 10;
      if (peek(0) != 'T' && peek(0) != 't') {
        return new Token(Token.Type.DATE, src.substring(start, pos), start);
      }
      return datetime(start);
    }
    if (src.charAt(pos) == '-') {
      pos++;
    }
    digits();
    if (peek(0) == '.' && isDigit(peek(1))) {
      pos++;
      digits();
    }
    return new Token(Token.Type.NUMBER, src.substring(start, pos), start);
  }

  private Token datetime(int start) {
    pos++; // the T
    if (!(digitsAt(pos, 2)
        && peek(2) == ':'
        && digitsAt(pos + 3, 2)
        && peek(5) == ':'
        && digitsAt(pos + 6, 2))) {
      throw Parser.error(src, start, "invalid datetime: expected hh:mm:ss after 'T'");
    }
    pos += 8;
    if (peek(0) == '.') {
      pos++;
      int fractionStart = pos;
      digits();
      if (pos == fractionStart || pos - fractionStart > 9) {
        throw Parser.error(src, start, "invalid datetime: expected 1 to 9 fraction digits");
      }
    }
    char zone = peek(0);
    if (zone == 'Z' || zone == 'z') {
      pos++;
    } else if ((zone == '+' || zone == '-')
        && digitsAt(pos + 1, 2)
        && peek(3) == ':'
        && digitsAt(pos + 4, 2)) {
      pos += 6;
    } else {
      throw Parser.error(src, start, "invalid datetime: expected Z or an offset such as +01:00");
    }
    if (pos < src.length() && isWordPart(src.charAt(pos))) {
      throw Parser.error(src, pos, "unexpected token: '" + src.charAt(pos) + "'");
    }
    return new Token(Token.Type.DATETIME, src.substring(start, pos), start);
  }

  private boolean matchesDate(int at) {
    return digitsAt(at, 4)
        && peek(at - pos + 4) == '-'
        && digitsAt(at + 5, 2)
        && peek(at - pos + 7) == '-'
        && digitsAt(at + 8, 2)
        && !isDigit(peek(at - pos + 10));
  }

  private boolean digitsAt(int at, int count) {
    if (at + count > src.length()) {
      return false;
    }
    for (int i = at; i < at + count; i++) {
      if (!isDigit(src.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private void digits() {
    while (pos < src.length() && isDigit(src.charAt(pos))) {
      pos++;
    }
  }

  private char peek(int ahead) {
    int at = pos + ahead;
    return at >= 0 && at < src.length() ? src.charAt(at) : 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isWordPart(char c) {
    return isWordStart(c) || isDigit(c);
  }
}
