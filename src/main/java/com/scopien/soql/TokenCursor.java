package com.scopien.soql;

import java.util.List;
import java.util.function.Supplier;

/** A position in the token list of one query, with the error reporting the parsers share. */
final class TokenCursor {
  private final String src;
  private final List<Token> tokens;
  private int index;

  TokenCursor(String src) {
    this.src = src;
    this.tokens = Lexer.tokenize(src);
  }

  Token peek() {
    return tokens.get(index);
  }

  Token peek(int ahead) {
    return tokens.get(Math.min(index + ahead, tokens.size() - 1));
  }

  Token advance() {
    Token t = tokens.get(index);
    if (!t.is(Token.Type.EOF)) {
      index++;
    }
    return t;
  }

  boolean atWord(String word) {
    return peek().isWord(word);
  }

  /** Consumes the keyword if it is next. */
  boolean acceptWord(String word) {
    if (atWord(word)) {
      index++;
      return true;
    }
    return false;
  }

  boolean accept(Token.Type type) {
    if (peek().is(type)) {
      advance();
      return true;
    }
    return false;
  }

  Token expectWord(String word) {
    if (!atWord(word)) {
      throw unexpected();
    }
    return advance();
  }

  Token expect(Token.Type type) {
    if (!peek().is(type)) {
      throw unexpected();
    }
    return advance();
  }

  /** {@code unexpected token: 'X'} at the next token. */
  SoqlException unexpected() {
    return errorAt(peek(), "unexpected token: '" + peek().shown() + "'");
  }

  SoqlException errorAt(Token t, String reason) {
    return Parser.error(src, t.offset(), reason);
  }

  /**
   * Runs an AST constructor; a validation error it raises is placed at {@code anchor}, so errors
   * that the AST types find carry a position too.
   */
  <T> T build(Token anchor, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (SoqlException e) {
      if (e.row() > 0) {
        throw e;
      }
      int[] rc = Parser.rowColumn(src, anchor.offset());
      throw e.at(rc[0], rc[1]);
    }
  }

  /** A non-negative integer literal that fits an {@code int}. */
  int nonNegativeInt(String what) {
    Token t = peek();
    if (!t.is(Token.Type.NUMBER) || t.text().startsWith("-") || t.text().contains(".")) {
      throw errorAt(t, what + " must be a non-negative integer, got '" + t.shown() + "'");
    }
    try {
      int value = Integer.parseInt(t.text());
      advance();
      return value;
    } catch (NumberFormatException e) {
      throw errorAt(t, what + " is too large: " + t.shown());
    }
  }
}
