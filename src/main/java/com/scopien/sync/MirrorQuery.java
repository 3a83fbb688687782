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
 * and ORDER BY, one-level parent paths such as {@code Account.Name} in SELECT only, or {@code
 * COUNT()} alone, with LIMIT and OFFSET. Anything else (a parent path in WHERE or ORDER BY, deeper
 * paths, other aggregates, GROUP BY, FIELDS(), child subqueries, semi-joins, an alias) is left to
 * the live API, so an answer from the mirror is never an approximation.
 *
 * @param select the selected paths as written, empty for {@code COUNT()}
 * @param paths every plain field of the queried object the query reads, once each
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
    if (query.orderBy().stream().anyMatch(o -> isParentPath(o.field()))) {
      return Optional.empty();
    }
    Set<String> paths = new LinkedHashSet<>();
    for (String path : query.fieldPaths()) {
      if (path.indexOf('.') != path.lastIndexOf('.')) {
        return Optional.empty();
      }
      if (!isParentPath(path)) {
        paths.add(path);
      }
    }
    int limit = query.limit() == null ? PAGE : Math.min(query.limit(), PAGE);
    int offset = query.offset() == null ? 0 : query.offset();
    return Optional.of(
        new MirrorQuery(
            query.from(), count, select, paths, query.where(), query.orderBy(), limit, offset));
  }

  /** The selected paths through a parent ({@code Account.Name}), in SELECT order. */
  List<String> parentPaths() {
    return select.stream().filter(MirrorQuery::isParentPath).toList();
  }

  /** This query reading {@code select} from the queried object alone (parent paths resolved). */
  MirrorQuery withSelect(List<String> plainSelect) {
    Set<String> read = new LinkedHashSet<>(paths);
    read.addAll(plainSelect);
    return new MirrorQuery(
        object, count, List.copyOf(plainSelect), read, where, orderBy, limit, offset);
  }

  static boolean isParentPath(String path) {
    return path.indexOf('.') >= 0;
  }

  /**
   * Whether the condition is made of comparisons the evaluator applies to one row alone, on fields
   * of the queried object.
   */
  private static boolean plain(Condition c) {
    if (c instanceof Condition.And and) {
      return and.conditions().stream().allMatch(MirrorQuery::plain);
    } else if (c instanceof Condition.Or or) {
      return or.conditions().stream().allMatch(MirrorQuery::plain);
    } else if (c instanceof Condition.Not not) {
      return plain(not.condition());
    }
    if (c instanceof Condition.Comparison comparison) {
      return !isParentPath(comparison.field());
    } else if (c instanceof Condition.In in) {
      return !isParentPath(in.field());
    } else if (c instanceof Condition.Includes includes) {
      return !isParentPath(includes.field());
    }
    return false;
  }
}
