package com.scopien.soql;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link SoqlQuery} from structured parts, for code that turns user or model input into
 * queries: names are checked as API names and values are literals, so nothing typed by a person can
 * change the shape of the query. Start with {@link Soql#select}. Not thread-safe; build one query
 * per builder.
 */
public final class QueryBuilder {
  private final List<SelectItem> select;
  private String from;
  private String alias;
  private Condition where;
  private final List<String> groupBy = new ArrayList<>();
  private final List<OrderItem> orderBy = new ArrayList<>();
  private Integer limit;
  private Integer offset;

  QueryBuilder(List<SelectItem> select) {
    this.select = List.copyOf(select);
  }

  /** The object queried, e.g. {@code Opportunity}. */
  public QueryBuilder from(String object) {
    this.from = Identifiers.requireObject(object);
    return this;
  }

  /** The object queried and an alias for it. */
  public QueryBuilder from(String object, String alias) {
    this.from = Identifiers.requireObject(object);
    this.alias = Identifiers.requireAlias(alias);
    return this;
  }

  /** The WHERE condition; a second call ANDs the new condition onto the first. */
  public QueryBuilder where(Condition condition) {
    this.where = where == null ? condition : Condition.and(where, condition);
    return this;
  }

  /** GROUP BY these fields. */
  public QueryBuilder groupBy(String... fields) {
    for (String f : fields) {
      groupBy.add(Identifiers.requirePath(f, "field name"));
    }
    return this;
  }

  /** ORDER BY {@code field} ascending. */
  public QueryBuilder orderBy(String field) {
    return orderBy(OrderItem.asc(field));
  }

  /** ORDER BY {@code field} descending. */
  public QueryBuilder orderByDesc(String field) {
    return orderBy(OrderItem.desc(field));
  }

  /** ORDER BY the given key; keys are applied in the order added. */
  public QueryBuilder orderBy(OrderItem item) {
    orderBy.add(item);
    return this;
  }

  /** LIMIT {@code n}. */
  public QueryBuilder limit(int n) {
    this.limit = n;
    return this;
  }

  /** OFFSET {@code n} (at most 2,000). */
  public QueryBuilder offset(int n) {
    this.offset = n;
    return this;
  }

  /**
   * The query.
   *
   * @throws SoqlException when {@link #from} was not called or a Salesforce rule is broken
   */
  public SoqlQuery build() {
    if (from == null) {
      throw new SoqlException("the query needs an object: call from(...)");
    }
    return new SoqlQuery(select, from, alias, where, groupBy, orderBy, limit, offset);
  }

  /** The query as SOQL text, equal to {@code Soql.print(build())}. */
  public String toSoql() {
    return Printer.print(build());
  }
}
