package com.scopien.soql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Applies parsed SOQL to rows, with Salesforce's semantics, for the local org and the local mirror.
 * Stateless and thread-safe.
 *
 * <ul>
 *   <li>Text compares ignoring case for {@code =}, {@code !=}, {@code <}..., {@code LIKE}, {@code
 *       IN}, {@code INCLUDES}; numbers compare by value whatever their Java type.
 *   <li>{@code = null} matches only null and {@code != null} only non-null; a null field matches
 *       {@code !=} and {@code NOT IN} with a non-null value and nothing else.
 *   <li>Date values are {@link DateRange}s: {@code =} means inside, {@code <} before the start,
 *       {@code >} at or after the end, {@code <=} before the end, {@code >=} at or after the start.
 *       A date field compares by date, a datetime field by instant in the context zone.
 *   <li>A value of another kind than the field's (text against a number field that does not hold a
 *       number, say) matches only {@code !=}.
 * </ul>
 */
public final class SoqlEvaluator {
  private SoqlEvaluator() {}

  /**
   * Whether the row satisfies the condition.
   *
   * @throws SoqlException for a semi-join ({@code Id IN (SELECT ...)}); use the overload that takes
   *     a resolver for those
   */
  public static boolean matches(Condition condition, RowAccessor row, EvaluationContext ctx) {
    return matches(condition, row, ctx, null);
  }

  /**
   * Whether the row satisfies the condition, asking {@code semiJoins} for the membership test of
   * each semi-join: given {@code Id IN (SELECT AccountId FROM Contact)}, it returns a predicate
   * that says whether a value of {@code Id} is among the subquery's results. It is called once per
   * row and semi-join, so run the subquery once and memoize (semi-joins are records and make good
   * map keys). A null field is never in a semi-join, so it matches {@code NOT IN}.
   *
   * @throws SoqlException for a semi-join when {@code semiJoins} is null
   */
  public static boolean matches(
      Condition condition,
      RowAccessor row,
      EvaluationContext ctx,
      Function<Condition.SemiJoin, Predicate<Object>> semiJoins) {
    if (condition instanceof Condition.And and) {
      for (Condition c : and.conditions()) {
        if (!matches(c, row, ctx, semiJoins)) {
          return false;
        }
      }
      return true;
    } else if (condition instanceof Condition.Or or) {
      for (Condition c : or.conditions()) {
        if (matches(c, row, ctx, semiJoins)) {
          return true;
        }
      }
      return false;
    } else if (condition instanceof Condition.Not not) {
      return !matches(not.condition(), row, ctx, semiJoins);
    } else if (condition instanceof Condition.Comparison c) {
      return compare(row.get(c.field()), c.operator(), c.value(), ctx);
    } else if (condition instanceof Condition.In in) {
      Object actual = row.get(in.field());
      boolean any = false;
      for (Value v : in.values()) {
        any = any || compare(actual, Condition.Operator.EQ, v, ctx);
      }
      return any != in.negated();
    } else if (condition instanceof Condition.Includes inc) {
      return includes(row.get(inc.field()), inc);
    } else if (condition instanceof Condition.SemiJoin join && semiJoins != null) {
      Object actual = row.get(join.field());
      boolean in = actual != null && semiJoins.apply(join).test(actual);
      return in != join.negated();
    }
    throw new SoqlException(
        "a semi-join needs a resolver to be evaluated: " + Printer.print(condition));
  }

  /** Whether the row satisfies the query's WHERE clause (true when there is none). */
  public static boolean matches(SoqlQuery query, RowAccessor row, EvaluationContext ctx) {
    return query.where() == null || matches(query.where(), row, ctx);
  }

  /**
   * The ORDER BY order: keys in turn, ascending unless DESC; nulls first when ascending and last
   * when descending unless NULLS FIRST/LAST says otherwise; text ignoring case.
   */
  public static Comparator<RowAccessor> comparator(List<OrderItem> keys, EvaluationContext ctx) {
    List<OrderItem> copy = List.copyOf(keys);
    return (x, y) -> {
      for (OrderItem key : copy) {
        Object a = RowValues.normalize(x.get(key.field()), ctx);
        Object b = RowValues.normalize(y.get(key.field()), ctx);
        int c;
        if (a == null || b == null) {
          c = a == b ? 0 : (a == null) == key.nullsFirst() ? -1 : 1;
        } else {
          c = RowValues.compareForSort(a, b, ctx);
          c = key.descending() ? -c : c;
        }
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }

  /**
   * The span a date value ({@code TODAY}, {@code LAST_N_DAYS:7}, a bare date or datetime) stands
   * for in this context.
   *
   * @throws SoqlException when the value is not a date value
   */
  public static DateRange range(Value value, EvaluationContext ctx) {
    return DateRanges.of(value, ctx);
  }

  static boolean compare(Object raw, Condition.Operator op, Value value, EvaluationContext ctx) {
    Object actual = RowValues.normalize(raw, ctx);
    if (value instanceof Value.NullValue) {
      return op == Condition.Operator.EQ
          ? actual == null
          : op == Condition.Operator.NE && actual != null;
    }
    if (actual == null) {
      return op == Condition.Operator.NE;
    }
    if (op == Condition.Operator.LIKE) {
      return actual instanceof String s
          && LikePattern.matches(((Value.StringValue) value).value(), s);
    }
    if (value instanceof Value.DateValue
        || value instanceof Value.DateTimeValue
        || value instanceof Value.DateLiteral) {
      return inRange(actual, op, DateRanges.of(value, ctx));
    }
    Integer c = compareScalar(actual, value);
    if (c == null) {
      return op == Condition.Operator.NE;
    }
    return holds(op, c);
  }

  private static boolean holds(Condition.Operator op, int c) {
    switch (op) {
      case EQ:
        return c == 0;
      case NE:
        return c != 0;
      case LT:
        return c < 0;
      case LE:
        return c <= 0;
      case GT:
        return c > 0;
      case GE:
        return c >= 0;
      default:
        return false;
    }
  }

  private static boolean inRange(Object actual, Condition.Operator op, DateRange range) {
    Object v = actual instanceof String s ? RowValues.temporalFromString(s) : actual;
    int vsStart;
    int vsEnd;
    if (v instanceof LocalDate d) {
      vsStart = d.compareTo(range.startDate());
      vsEnd = d.compareTo(range.endDateExclusive());
    } else if (v instanceof Instant i) {
      vsStart = i.compareTo(range.start());
      vsEnd = i.compareTo(range.endExclusive());
    } else {
      return op == Condition.Operator.NE;
    }
    boolean inside = vsStart >= 0 && vsEnd < 0;
    switch (op) {
      case EQ:
        return inside;
      case NE:
        return !inside;
      case LT:
        return vsStart < 0;
      case LE:
        return vsEnd < 0;
      case GT:
        return vsEnd >= 0;
      case GE:
        return vsStart >= 0;
      default:
        return false;
    }
  }

  /** Order of a non-null row value against a literal, or null when they do not compare. */
  private static Integer compareScalar(Object actual, Value value) {
    if (value instanceof Value.StringValue s) {
      if (actual instanceof String a) {
        return String.CASE_INSENSITIVE_ORDER.compare(a, s.value());
      }
      if (actual instanceof BigDecimal a) {
        BigDecimal n = RowValues.numberFromString(s.value());
        return n == null ? null : a.compareTo(n);
      }
      if (actual instanceof Boolean a) {
        Boolean b = parseBoolean(s.value());
        return b == null ? null : Boolean.compare(a, b);
      }
      return null;
    }
    if (value instanceof Value.NumberValue n) {
      BigDecimal a =
          actual instanceof BigDecimal d
              ? d
              : actual instanceof String s ? RowValues.numberFromString(s) : null;
      return a == null ? null : a.compareTo(n.value());
    }
    if (value instanceof Value.BooleanValue b) {
      Boolean a =
          actual instanceof Boolean x ? x : actual instanceof String s ? parseBoolean(s) : null;
      return a == null ? null : Boolean.compare(a, b.value());
    }
    return null;
  }

  private static Boolean parseBoolean(String s) {
    if (s.equalsIgnoreCase("true")) {
      return true;
    }
    return s.equalsIgnoreCase("false") ? false : null;
  }

  /**
   * Multi-select picklists: {@code INCLUDES ('a;b', 'c')} holds when the field has both a and b, or
   * has c; {@code EXCLUDES} when no listed value (or combination) is present.
   */
  private static boolean includes(Object raw, Condition.Includes inc) {
    Set<String> present = raw == null ? Set.of() : split(raw.toString());
    boolean any = false;
    for (Value v : inc.values()) {
      Set<String> wanted = split(((Value.StringValue) v).value());
      any = any || (!wanted.isEmpty() && present.containsAll(wanted));
    }
    return inc.excludes() != any;
  }

  private static Set<String> split(String s) {
    List<String> parts = new ArrayList<>();
    for (String p : s.split(";")) {
      String t = p.trim();
      if (!t.isEmpty()) {
        parts.add(t.toLowerCase(Locale.ROOT));
      }
    }
    return parts.stream().collect(Collectors.toSet());
  }
}
