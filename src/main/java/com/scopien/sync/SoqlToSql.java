package com.scopien.sync;

import static com.scopien.sync.MirrorTableSchema.q;

import com.scopien.soql.Condition;
import com.scopien.soql.DateRange;
import com.scopien.soql.EvaluationContext;
import com.scopien.soql.OrderItem;
import com.scopien.soql.SoqlEvaluator;
import com.scopien.soql.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Translates the WHERE and ORDER BY of the SOQL Scopien builds into SQL over a typed mirror table,
 * with the soql evaluator's semantics ({@link SoqlEvaluator}): text compares ignoring case (Ids and
 * references exactly), {@code = null} is {@code IS NULL}, a null field matches {@code !=} and
 * {@code NOT IN}, date literals ({@code TODAY}, {@code LAST_N_DAYS:n}) become ranges in the
 * context's zone, ascending order puts nulls first. Every predicate it writes is true or false,
 * never unknown, so {@code NOT} means what the evaluator means. Whatever it cannot translate
 * exactly (INCLUDES, a semi-join, a value of another kind than the column's, an incomplete column)
 * throws {@link Untranslatable}. Values are bound as parameters, never spliced. Not thread-safe:
 * one instance per query.
 */
final class SoqlToSql {
  /** The query uses something this translation does not cover exactly. */
  static final class Untranslatable extends RuntimeException {
    Untranslatable(String why) {
      super(why, null, false, false);
    }
  }

  private final MirrorTable table;
  private final String alias;
  private final EvaluationContext ctx;
  private final List<Object> params = new ArrayList<>();

  SoqlToSql(MirrorTable table, String alias, EvaluationContext ctx) {
    this.table = table;
    this.alias = alias;
    this.ctx = ctx;
  }

  /** The parameters bound so far, in order. */
  List<Object> params() {
    return params;
  }

  /** The column of a plain field of the table, which must hold every live row's value. */
  MirrorTable.Column column(String field) {
    if (field.indexOf('.') >= 0) {
      throw new Untranslatable("parent path " + field);
    }
    MirrorTable.Column c =
        table.column(field).orElseThrow(() -> new Untranslatable(field + " is not in the mirror"));
    if (!c.complete()) {
      throw new Untranslatable(field + " is not complete in the mirror");
    }
    return c;
  }

  String ref(MirrorTable.Column c) {
    return alias + "." + q(c.name());
  }

  /** The WHERE condition as a SQL predicate. */
  String where(Condition c) {
    if (c instanceof Condition.And and) {
      return join(and.conditions(), " AND ");
    } else if (c instanceof Condition.Or or) {
      return join(or.conditions(), " OR ");
    } else if (c instanceof Condition.Not not) {
      return "NOT (" + where(not.condition()) + ")";
    } else if (c instanceof Condition.Comparison cmp) {
      return comparison(column(cmp.field()), cmp.operator(), cmp.value());
    } else if (c instanceof Condition.In in) {
      return in(column(in.field()), in);
    }
    throw new Untranslatable(c.getClass().getSimpleName());
  }

  private String join(List<Condition> parts, String op) {
    List<String> out = new ArrayList<>();
    for (Condition p : parts) {
      out.add("(" + where(p) + ")");
    }
    return String.join(op, out);
  }

  private String comparison(MirrorTable.Column c, Condition.Operator op, Value value) {
    String col = ref(c);
    if (value instanceof Value.NullValue) {
      return switch (op) {
        case EQ -> col + " IS NULL";
        case NE -> col + " IS NOT NULL";
        default -> throw new Untranslatable("null with " + op);
      };
    }
    if (value instanceof Value.DateValue
        || value instanceof Value.DateTimeValue
        || value instanceof Value.DateLiteral) {
      return dateRange(c, op, SoqlEvaluator.range(value, ctx));
    }
    if (op == Condition.Operator.LIKE) {
      if (!c.kind().textual()) {
        throw new Untranslatable("LIKE on " + c.kind());
      }
      params.add(((Value.StringValue) value).value().toLowerCase(Locale.ROOT));
      return col + " IS NOT NULL AND LOWER(" + col + ") LIKE ? ESCAPE '\\'";
    }
    String operand = operand(c, col);
    params.add(bind(c, value));
    if (op == Condition.Operator.NE) {
      return col + " IS NULL OR " + operand + " <> ?";
    }
    return col + " IS NOT NULL AND " + operand + " " + op.symbol() + " ?";
  }

  private String in(MirrorTable.Column c, Condition.In in) {
    String col = ref(c);
    boolean withNull = false;
    List<String> marks = new ArrayList<>();
    for (Value v : in.values()) {
      if (v instanceof Value.NullValue) {
        withNull = true;
      } else {
        params.add(bind(c, v));
        marks.add("?");
      }
    }
    String list =
        marks.isEmpty() ? null : operand(c, col) + " IN (" + String.join(", ", marks) + ")";
    if (!in.negated()) {
      if (list == null) {
        return col + " IS NULL";
      }
      return withNull
          ? col + " IS NULL OR (" + col + " IS NOT NULL AND " + list + ")"
          : col + " IS NOT NULL AND " + list;
    }
    if (list == null) {
      return col + " IS NOT NULL";
    }
    return withNull
        ? col + " IS NOT NULL AND NOT (" + list + ")"
        : col + " IS NULL OR NOT (" + list + ")";
  }

  private String dateRange(MirrorTable.Column c, Condition.Operator op, DateRange r) {
    Object start;
    Object end;
    if (c.kind() == MirrorTable.Kind.DATE) {
      start = r.startDate();
      end = r.endDateExclusive();
    } else if (c.kind() == MirrorTable.Kind.DATETIME) {
      start = r.start();
      end = r.endExclusive();
    } else {
      throw new Untranslatable("date value on " + c.kind());
    }
    String col = ref(c);
    switch (op) {
      case EQ -> {
        params.add(start);
        params.add(end);
        return col + " IS NOT NULL AND " + col + " >= ? AND " + col + " < ?";
      }
      case NE -> {
        params.add(start);
        params.add(end);
        return col + " IS NULL OR " + col + " < ? OR " + col + " >= ?";
      }
      case LT -> params.add(start);
      case LE, GT -> params.add(end);
      case GE -> params.add(start);
      default -> throw new Untranslatable("date with " + op);
    }
    String sqlOp =
        switch (op) {
          case LT, LE -> "<";
          default -> ">=";
        };
    return col + " IS NOT NULL AND " + col + " " + sqlOp + " ?";
  }

  /** The column as compared: text in lower case (Ids exactly). */
  private static String operand(MirrorTable.Column c, String col) {
    return c.kind() == MirrorTable.Kind.TEXT ? "LOWER(" + col + ")" : col;
  }

  /** A literal as the column's parameter, or Untranslatable when its kind differs. */
  private static Object bind(MirrorTable.Column c, Value value) {
    switch (c.kind()) {
      case TEXT, ID -> {
        if (value instanceof Value.StringValue s) {
          return c.kind() == MirrorTable.Kind.TEXT ? s.value().toLowerCase(Locale.ROOT) : s.value();
        }
      }
      case NUMBER -> {
        if (value instanceof Value.NumberValue n) {
          return n.value().doubleValue();
        }
      }
      case INTEGER -> {
        if (value instanceof Value.NumberValue n) {
          return n.value();
        }
      }
      case BOOLEAN -> {
        if (value instanceof Value.BooleanValue b) {
          return b.value();
        }
      }
      default -> {}
    }
    throw new Untranslatable(value.getClass().getSimpleName() + " against " + c.kind());
  }

  /** The ORDER BY keys, then the Id, so that ties come in Id order as Salesforce's do. */
  String orderBy(List<OrderItem> items) {
    List<String> keys = new ArrayList<>();
    for (OrderItem item : items) {
      MirrorTable.Column c = column(item.field());
      String col = c.kind().textual() ? "LOWER(" + ref(c) + ")" : ref(c);
      keys.add(
          col
              + (item.descending() ? " DESC" : " ASC")
              + (item.nullsFirst() ? " NULLS FIRST" : " NULLS LAST"));
    }
    keys.add(alias + "." + q(MirrorTable.ID));
    return String.join(", ", keys);
  }
}
