package com.scopien.soql;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses WHERE conditions and literals. AND and OR may not be mixed at one level without
 * parentheses (as in Salesforce); NOT is a prefix binding to the next condition. Recursion is
 * bounded so that deeply nested input fails cleanly instead of exhausting the stack.
 */
final class ConditionParser {
  /** Parser recursion bound: enough for any AST of {@link Condition#MAX_DEPTH} once printed. */
  static final int MAX_NESTING = 2 * Condition.MAX_DEPTH + 10;

  private final TokenCursor in;
  private final Parser parser;

  ConditionParser(TokenCursor in, Parser parser) {
    this.in = in;
    this.parser = parser;
  }

  Condition condition(int nesting) {
    Token start = in.peek();
    checkNesting(start, nesting);
    Condition first = unary(nesting);
    String joiner = in.atWord("AND") ? "AND" : in.atWord("OR") ? "OR" : null;
    if (joiner == null) {
      return first;
    }
    List<Condition> parts = new ArrayList<>();
    parts.add(first);
    while (in.acceptWord(joiner)) {
      parts.add(unary(nesting));
    }
    if (in.atWord("AND") || in.atWord("OR")) {
      throw in.unexpected();
    }
    return in.build(
        start, () -> joiner.equals("AND") ? new Condition.And(parts) : new Condition.Or(parts));
  }

  private Condition unary(int nesting) {
    Token start = in.peek();
    if (start.isWord("NOT") && !in.peek(1).is(Token.Type.DOT)) {
      in.advance();
      checkNesting(start, nesting + 1);
      Condition inner = unary(nesting + 1);
      return in.build(start, () -> new Condition.Not(inner));
    }
    if (start.is(Token.Type.LPAREN)) {
      in.advance();
      Condition inner = condition(nesting + 1);
      in.expect(Token.Type.RPAREN);
      return inner;
    }
    return simple();
  }

  private void checkNesting(Token at, int nesting) {
    if (nesting > MAX_NESTING) {
      throw in.errorAt(at, "conditions are nested too deeply");
    }
  }

  private Condition simple() {
    Token start = in.peek();
    String field = parser.path();
    Token op = in.peek();
    if (op.is(Token.Type.OPERATOR)) {
      in.advance();
      Condition.Operator operator =
          switch (op.text()) {
            case "=" -> Condition.Operator.EQ;
            case "!=", "<>" -> Condition.Operator.NE;
            case "<" -> Condition.Operator.LT;
            case "<=" -> Condition.Operator.LE;
            case ">" -> Condition.Operator.GT;
            default -> Condition.Operator.GE;
          };
      Value value = value(false);
      return in.build(start, () -> new Condition.Comparison(field, operator, value));
    }
    if (in.acceptWord("LIKE")) {
      if (!in.peek().is(Token.Type.STRING)) {
        throw in.unexpected();
      }
      Value pattern = value(true);
      return in.build(
          start, () -> new Condition.Comparison(field, Condition.Operator.LIKE, pattern));
    }
    if (in.atWord("NOT") && in.peek(1).isWord("IN")) {
      in.advance();
      in.advance();
      return inList(start, field, true);
    }
    if (in.acceptWord("IN")) {
      return inList(start, field, false);
    }
    if (in.atWord("INCLUDES") || in.atWord("EXCLUDES")) {
      boolean excludes = in.advance().isWord("EXCLUDES");
      List<Value> values = valueList();
      return in.build(start, () -> new Condition.Includes(field, excludes, values));
    }
    throw in.unexpected();
  }

  private Condition inList(Token start, String field, boolean negated) {
    if (in.peek().is(Token.Type.LPAREN) && in.peek(1).isWord("SELECT")) {
      in.advance();
      SoqlQuery sub = parser.query(true);
      in.expect(Token.Type.RPAREN);
      return in.build(start, () -> new Condition.SemiJoin(field, negated, sub));
    }
    List<Value> values = valueList();
    return in.build(start, () -> new Condition.In(field, negated, values));
  }

  private List<Value> valueList() {
    in.expect(Token.Type.LPAREN);
    List<Value> values = new ArrayList<>();
    do {
      values.add(value(false));
    } while (in.accept(Token.Type.COMMA));
    in.expect(Token.Type.RPAREN);
    return values;
  }

  /** A literal; strings are decoded as LIKE patterns when {@code likePattern}. */
  Value value(boolean likePattern) {
    Token t = in.peek();
    switch (t.type()) {
      case STRING:
        in.advance();
        return in.build(
            t, () -> new Value.StringValue(StringEscapes.decode(t.text(), likePattern)));
      case NUMBER:
        in.advance();
        return new Value.NumberValue(new BigDecimal(t.text()));
      case DATE:
        in.advance();
        return in.build(t, () -> new Value.DateValue(date(t.text())));
      case DATETIME:
        in.advance();
        return in.build(t, () -> new Value.DateTimeValue(dateTime(t.text())));
      case WORD:
        return wordValue(t);
      default:
        throw in.unexpected();
    }
  }

  private Value wordValue(Token t) {
    String upper = t.text().toUpperCase(Locale.ROOT);
    switch (upper) {
      case "NULL":
        in.advance();
        return Value.NullValue.INSTANCE;
      case "TRUE":
        in.advance();
        return new Value.BooleanValue(true);
      case "FALSE":
        in.advance();
        return new Value.BooleanValue(false);
      default:
        break;
    }
    Value.DateLiteral.Kind kind;
    try {
      kind = Value.DateLiteral.Kind.valueOf(upper);
    } catch (IllegalArgumentException e) {
      throw in.unexpected();
    }
    in.advance();
    if (!kind.parameterised()) {
      return new Value.DateLiteral(kind);
    }
    in.expect(Token.Type.COLON);
    int n = in.nonNegativeInt(kind.name());
    return in.build(t, () -> new Value.DateLiteral(kind, n));
  }

  /** {@code yyyy-MM-dd}, shape already checked by the lexer; a bad calendar date is an error. */
  private static LocalDate date(String text) {
    try {
      return LocalDate.of(
          Integer.parseInt(text.substring(0, 4)),
          Integer.parseInt(text.substring(5, 7)),
          Integer.parseInt(text.substring(8, 10)));
    } catch (DateTimeException e) {
      throw new SoqlException("invalid date: " + text);
    }
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±hh:mm)}, shape already checked by the lexer. */
  private static OffsetDateTime dateTime(String text) {
    LocalDate date = date(text);
    int hour = Integer.parseInt(text.substring(11, 13));
    int minute = Integer.parseInt(text.substring(14, 16));
    int second = Integer.parseInt(text.substring(17, 19));
    int i = 19;
    int nanos = 0;
    if (text.charAt(i) == '.') {
      int start = ++i;
      while (Character.isDigit(text.charAt(i))) {
        i++;
      }
      String fraction = (text.substring(start, i) + "000000000").substring(0, 9);
      nanos = Integer.parseInt(fraction);
    }
    try {
      ZoneOffset offset;
      char zone = text.charAt(i);
      if (zone == 'Z' || zone == 'z') {
        offset = ZoneOffset.UTC;
      } else {
        int sign = zone == '-' ? -1 : 1;
        offset =
            ZoneOffset.ofHoursMinutes(
                sign * Integer.parseInt(text.substring(i + 1, i + 3)),
                sign * Integer.parseInt(text.substring(i + 4, i + 6)));
      }
      return OffsetDateTime.of(date, LocalTime.of(hour, minute, second, nanos), offset);
    } catch (DateTimeException e) {
      throw new SoqlException("invalid datetime: " + text);
    }
  }
}
