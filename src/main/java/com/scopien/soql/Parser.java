package com.scopien.soql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recursive-descent parser of the SOQL subset: SELECT list (fields, paths, FIELDS(), aggregates,
 * one level of child subquery), FROM with alias, WHERE, GROUP BY, ORDER BY, LIMIT and OFFSET. Every
 * failure, whatever the input, is a {@link SoqlException} with a position.
 */
final class Parser {
  /** Longest query accepted, as Salesforce's 100,000-character SOQL limit. */
  static final int MAX_LENGTH = 100_000;

  private final TokenCursor in;
  private final ConditionParser conditions;
  private boolean insideNested;

  private Parser(String src) {
    this.in = new TokenCursor(src);
    this.conditions = new ConditionParser(in, this);
  }

  static SoqlQuery parse(String soql) {
    if (soql == null || soql.isBlank()) {
      throw new SoqlException(
          "unexpected token: '<EOF>'", 1, 1, SoqlException.MALFORMED_QUERY, null);
    }
    if (soql.length() > MAX_LENGTH) {
      throw new SoqlException(
          "the query is longer than " + MAX_LENGTH + " characters",
          1,
          1,
          SoqlException.MALFORMED_QUERY,
          null);
    }
    try {
      Parser parser = new Parser(soql);
      SoqlQuery query = parser.query(false);
      parser.in.expect(Token.Type.EOF);
      return query;
    } catch (SoqlException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // A defect of ours, not of the query; still a SoqlException so callers keep one contract.
      throw new SoqlException(
          "the query could not be parsed", 1, 1, SoqlException.MALFORMED_QUERY, e);
    }
  }

  /** A whole query; {@code nested} for a child subquery or a semi-join, without the parentheses. */
  SoqlQuery query(boolean nested) {
    Token select = in.expectWord("SELECT");
    if (nested && insideNested) {
      throw in.errorAt(select, "subqueries cannot be nested");
    }
    boolean outer = insideNested;
    insideNested = insideNested || nested;
    try {
      return queryBody(select, nested);
    } finally {
      insideNested = outer;
    }
  }

  private SoqlQuery queryBody(Token select, boolean nested) {
    List<SelectItem> items = new ArrayList<>();
    do {
      items.add(selectItem(nested));
    } while (in.accept(Token.Type.COMMA));
    in.expectWord("FROM");
    Token fromToken = in.expect(Token.Type.WORD);
    String alias = null;
    if (in.peek().is(Token.Type.WORD) && !Identifiers.isReserved(in.peek().text())) {
      alias = in.advance().text();
    }
    Condition where = in.acceptWord("WHERE") ? conditions.condition(0) : null;
    List<String> groupBy = new ArrayList<>();
    if (in.acceptWord("GROUP")) {
      in.expectWord("BY");
      do {
        groupBy.add(path());
      } while (in.accept(Token.Type.COMMA));
    }
    List<OrderItem> orderBy = new ArrayList<>();
    if (in.acceptWord("ORDER")) {
      in.expectWord("BY");
      do {
        orderBy.add(orderItem());
      } while (in.accept(Token.Type.COMMA));
    }
    Integer limit = null;
    if (in.acceptWord("LIMIT")) {
      limit = in.nonNegativeInt("LIMIT");
    }
    Integer offset = null;
    Token offsetToken = in.peek();
    if (in.acceptWord("OFFSET")) {
      offsetToken = in.peek();
      offset = in.nonNegativeInt("OFFSET");
    }
    Token anchor = offset != null && offset > SoqlQuery.MAX_OFFSET ? offsetToken : select;
    String from = fromToken.text();
    String a = alias;
    Integer l = limit;
    Integer o = offset;
    return in.build(anchor, () -> new SoqlQuery(items, from, a, where, groupBy, orderBy, l, o));
  }

  private SelectItem selectItem(boolean nested) {
    Token start = in.peek();
    if (start.is(Token.Type.LPAREN)) {
      if (nested || !in.peek(1).isWord("SELECT")) {
        throw in.unexpected();
      }
      in.advance();
      SoqlQuery sub = query(true);
      in.expect(Token.Type.RPAREN);
      return in.build(start, () -> new SelectItem.SubQuery(sub));
    }
    if (start.is(Token.Type.WORD) && in.peek(1).is(Token.Type.LPAREN)) {
      return function();
    }
    String path = path();
    String alias = alias();
    return in.build(start, () -> new SelectItem.Field(path, alias));
  }

  private SelectItem function() {
    Token name = in.advance();
    in.expect(Token.Type.LPAREN);
    String upper = name.text().toUpperCase(Locale.ROOT);
    if (upper.equals("FIELDS")) {
      Token kind = in.expect(Token.Type.WORD);
      SelectItem.FieldsKind fieldsKind;
      try {
        fieldsKind = SelectItem.FieldsKind.valueOf(kind.text().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw in.errorAt(kind, "unexpected token: '" + kind.shown() + "'");
      }
      in.expect(Token.Type.RPAREN);
      return new SelectItem.FieldsFunction(fieldsKind);
    }
    SelectItem.AggregateFunction function;
    try {
      function = SelectItem.AggregateFunction.valueOf(upper);
    } catch (IllegalArgumentException e) {
      throw in.errorAt(name, "unknown function: '" + name.shown() + "'");
    }
    String field = in.peek().is(Token.Type.RPAREN) ? null : path();
    in.expect(Token.Type.RPAREN);
    String alias = alias();
    return in.build(name, () -> new SelectItem.Aggregate(function, field, alias));
  }

  /**
   * An alias after a SELECT item. Only taken when a comma or FROM follows it, so that a misspelt
   * keyword ({@code SELECT Id FORM Account}) is reported where it stands.
   */
  private String alias() {
    Token t = in.peek();
    Token after = in.peek(1);
    if (t.is(Token.Type.WORD)
        && !Identifiers.isReserved(t.text())
        && (after.is(Token.Type.COMMA) || after.isWord("FROM"))) {
      return in.advance().text();
    }
    return null;
  }

  private OrderItem orderItem() {
    Token start = in.peek();
    String field = path();
    boolean descending = false;
    if (in.acceptWord("DESC")) {
      descending = true;
    } else {
      in.acceptWord("ASC");
    }
    OrderItem.Nulls nulls = OrderItem.Nulls.DEFAULT;
    if (in.acceptWord("NULLS")) {
      if (in.acceptWord("FIRST")) {
        nulls = OrderItem.Nulls.FIRST;
      } else {
        in.expectWord("LAST");
        nulls = OrderItem.Nulls.LAST;
      }
    }
    boolean d = descending;
    OrderItem.Nulls n = nulls;
    return in.build(start, () -> new OrderItem(field, d, n));
  }

  /** A field or relationship path; a one-part path may not be a reserved word. */
  String path() {
    Token first = in.expect(Token.Type.WORD);
    StringBuilder path = new StringBuilder(first.text());
    boolean dotted = false;
    while (in.peek().is(Token.Type.DOT)) {
      in.advance();
      path.append('.').append(in.expect(Token.Type.WORD).text());
      dotted = true;
    }
    if (!dotted && Identifiers.isReserved(first.text())) {
      throw in.errorAt(first, "unexpected token: '" + first.shown() + "'");
    }
    String p = path.toString();
    return in.build(first, () -> Identifiers.requirePath(p, "field name"));
  }

  static SoqlException error(String src, int offset, String reason) {
    int[] rc = rowColumn(src, offset);
    return new SoqlException(reason, rc[0], rc[1], SoqlException.MALFORMED_QUERY, null);
  }

  /** 1-based row and column of a character offset. */
  static int[] rowColumn(String src, int offset) {
    int row = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < src.length(); i++) {
      if (src.charAt(i) == '\n') {
        row++;
        lineStart = i + 1;
      }
    }
    return new int[] {row, offset - lineStart + 1};
  }
}
