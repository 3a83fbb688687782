package com.scopien.sync;

import com.scopien.soql.Condition;
import com.scopien.soql.OrderItem;
import com.scopien.soql.SelectItem;
import com.scopien.soql.SoqlQuery;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The part of SOQL the mirror answers exactly: plain fields of the queried object in SELECT, WHERE
 * and ORDER BY, or {@code COUNT()} alone, with LIMIT and OFFSET. Anything else (relationship paths,
 * other aggregates, GROUP BY, FIELDS(), child subqueries, semi-joins, an alias) is left to the live
 * API, so an answer from the mirror is never an approximation.
 *
 * @param select the selected field names as written, empty for {@code COUNT()}
 * @param paths every field the query reads, once each
 * @param limit how many rows to return at most (the query's LIMIT, capped at a page)
 */
record MirrorQuery(
    String object,
    boolean count,
    List<String> select,
    Set<String> paths,
    Condition where,
    List<OrderItem> orderBy,
    int limit,
    int offset) {

  /** Largest page the mirror returns, as the REST API's query page. */
  static final int PAGE = 2000;

  static Optional<MirrorQuery> of(SoqlQuery query) {
    if (query.alias() != null || !query.groupBy().isEmpty()) {
      return Optional.empty();
    }
    boolean count = query.isCount();
    List<String> select = new ArrayList<>();
    if (!count) {
      for (SelectItem item : query.select()) {
        if (!(item instanceof SelectItem.Field f) || f.alias() != null) {
          return Optional.empty();
        }
        select.add(f.path());
      }
    }
    if (query.where() != null && !plain(query.where())) {
      return Optional.empty();
    }
    Set<String> paths = new LinkedHashSet<>(query.fieldPaths());
    if (paths.stream().anyMatch(p -> p.indexOf('.') >= 0)) {
      return Optional.empty();
    }
    int limit = query.limit() == null ? PAGE : Math.min(query.limit(), PAGE);
    int offset = query.offset() == null ? 0 : query.offset();
    return Optional.of(
        new MirrorQuery(
            query.from(), count, select, paths, query.where(), query.orderBy(), limit, offset));
  }

  /** Whether the condition is made of comparisons the evaluator applies to one row alone. */
  private static boolean plain(Condition c) {
    if (c instanceof Condition.And and) {
      return and.conditions().stream().allMatch(MirrorQuery::plain);
    } else if (c instanceof Condition.Or or) {
      return or.conditions().stream().allMatch(MirrorQuery::plain);
    } else if (c instanceof Condition.Not not) {
      return plain(not.condition());
    }
    return c instanceof Condition.Comparison
        || c instanceof Condition.In
        || c instanceof Condition.Includes;
  }
}
