package com.scopien.soql;

import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of the package: parse SOQL text into a {@link SoqlQuery}, print an AST back as
 * canonical SOQL, build queries safely from structured input, and quote values. All methods are
 * stateless and thread-safe.
 *
 * <pre>{@code
 * String soql = Soql.select("Id", "Name", "Account.Name")
 *     .from("Opportunity")
 *     .where(Condition.and(
 *         Condition.eq("StageName", userValue),
 *         Condition.like("Name", Soql.escapeLike(prefix) + "%")))
 *     .orderByDesc("CloseDate")
 *     .limit(50)
 *     .toSoql();
 * }</pre>
 */
public final class Soql {
  private Soql() {}

  /**
   * Parses SOQL text. Keywords, object and field names are case-insensitive; the AST keeps names as
   * written.
   *
   * @throws SoqlException for any input that is not a valid query (never another exception)
   */
  public static SoqlQuery parse(String soql) {
    return Parser.parse(soql);
  }

  /** The query as canonical SOQL; {@code parse(print(q)).equals(q)} always holds. */
  public static String print(SoqlQuery query) {
    return Printer.print(query);
  }

  /** A condition as canonical SOQL, as it would follow WHERE. */
  public static String print(Condition condition) {
    return Printer.print(condition);
  }

  /**
   * Starts a query selecting these fields or paths ({@code "Name"}, {@code "Account.Name"}).
   *
   * @throws SoqlException when a name is not an API name
   */
  public static QueryBuilder select(String... fields) {
    List<SelectItem> items = new ArrayList<>(fields.length);
    for (String f : fields) {
      items.add(new SelectItem.Field(f));
    }
    return new QueryBuilder(items);
  }

  /** Starts a query with these SELECT items (fields, aggregates, FIELDS(), subqueries). */
  public static QueryBuilder select(List<? extends SelectItem> items) {
    return new QueryBuilder(List.copyOf(items));
  }

  /** Starts {@code SELECT COUNT() FROM ...}. */
  public static QueryBuilder selectCount() {
    return new QueryBuilder(
        List.of(new SelectItem.Aggregate(SelectItem.AggregateFunction.COUNT, null, null)));
  }

  /**
   * {@code value} as a quoted SOQL string literal, with {@code \} escaped first, then {@code '},
   * then line breaks and other control characters. Safe for any input.
   */
  public static String quote(String value) {
    return StringEscapes.quote(value);
  }

  /**
   * A LIKE pattern matching exactly {@code literal}: {@code \}, {@code %} and {@code _} are
   * escaped. Append wildcards yourself and pass the result to {@link Condition#like}, or to {@link
   * #quoteLike} when writing SOQL text.
   */
  public static String escapeLike(String literal) {
    return LikePattern.escape(literal);
  }

  /**
   * A LIKE pattern (as {@link #escapeLike} makes) as a quoted SOQL literal.
   *
   * @throws SoqlException when a backslash in the pattern escapes anything but {@code \ % _}
   */
  public static String quoteLike(String pattern) {
    return StringEscapes.quoteLike(pattern);
  }

  /** Whether {@code name} is a valid field or relationship path ({@code Account.Owner.Name}). */
  public static boolean isValidPath(String name) {
    try {
      Identifiers.requirePath(name, "field name");
      return true;
    } catch (SoqlException e) {
      return false;
    }
  }
}
