package com.scopien.soql;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Prints an AST as canonical SOQL: upper-case keywords, single spaces, every string quoted and
 * escaped, compound conditions inside AND, OR and NOT parenthesised. {@code parse(print(q))} equals
 * {@code q} for every valid query.
 */
final class Printer {
  private final StringBuilder out = new StringBuilder();

  private Printer() {}

  static String print(SoqlQuery query) {
    Printer p = new Printer();
    p.query(query);
    return p.out.toString();
  }

  static String print(Condition condition) {
    Printer p = new Printer();
    p.condition(condition);
    return p.out.toString();
  }

  static String print(Value value) {
    Printer p = new Printer();
    p.value(value);
    return p.out.toString();
  }

  private void query(SoqlQuery q) {
    out.append("SELECT ");
    List<SelectItem> select = q.select();
    for (int i = 0; i < select.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      selectItem(select.get(i));
    }
    out.append(" FROM ").append(q.from());
    if (q.alias() != null) {
      out.append(' ').append(q.alias());
    }
    if (q.where() != null) {
      out.append(" WHERE ");
      condition(q.where());
    }
    if (!q.groupBy().isEmpty()) {
      out.append(" GROUP BY ").append(String.join(", ", q.groupBy()));
    }
    if (!q.orderBy().isEmpty()) {
      out.append(" ORDER BY ");
      for (int i = 0; i < q.orderBy().size(); i++) {
        OrderItem o = q.orderBy().get(i);
        out.append(i > 0 ? ", " : "").append(o.field());
        if (o.descending()) {
          out.append(" DESC");
        }
        if (o.nulls() != OrderItem.Nulls.DEFAULT) {
          out.append(" NULLS ").append(o.nulls().name());
        }
      }
    }
    if (q.limit() != null) {
      out.append(" LIMIT ").append(q.limit());
    }
    if (q.offset() != null) {
      out.append(" OFFSET ").append(q.offset());
    }
  }

  private void selectItem(SelectItem item) {
    if (item instanceof SelectItem.Field f) {
      out.append(f.path());
      alias(f.alias());
    } else if (item instanceof SelectItem.FieldsFunction f) {
      out.append("FIELDS(").append(f.kind().name()).append(')');
    } else if (item instanceof SelectItem.Aggregate a) {
      out.append(a.function().name()).append('(');
      if (a.field() != null) {
        out.append(a.field());
      }
      out.append(')');
      alias(a.alias());
    } else if (item instanceof SelectItem.SubQuery s) {
      out.append('(');
      query(s.query());
      out.append(')');
    }
  }

  private void alias(String alias) {
    if (alias != null) {
      out.append(' ').append(alias);
    }
  }

  private void condition(Condition c) {
    if (c instanceof Condition.And a) {
      joined(a.conditions(), " AND ");
    } else if (c instanceof Condition.Or o) {
      joined(o.conditions(), " OR ");
    } else if (c instanceof Condition.Not n) {
      out.append("NOT ");
      operand(n.condition(), true);
    } else if (c instanceof Condition.Comparison cmp) {
      out.append(cmp.field()).append(' ').append(cmp.operator().symbol()).append(' ');
      if (cmp.operator() == Condition.Operator.LIKE) {
        out.append(StringEscapes.quoteLike(((Value.StringValue) cmp.value()).value()));
      } else {
        value(cmp.value());
      }
    } else if (c instanceof Condition.In in) {
      out.append(in.field()).append(in.negated() ? " NOT IN " : " IN ");
      values(in.values());
    } else if (c instanceof Condition.Includes inc) {
      out.append(inc.field()).append(inc.excludes() ? " EXCLUDES " : " INCLUDES ");
      values(inc.values());
    } else if (c instanceof Condition.SemiJoin s) {
      out.append(s.field()).append(s.negated() ? " NOT IN (" : " IN (");
      query(s.query());
      out.append(')');
    }
  }

  private void joined(List<Condition> parts, String joiner) {
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        out.append(joiner);
      }
      operand(parts.get(i), false);
    }
  }

  /**
   * A part of AND, OR or NOT. AND and OR parts get parentheses so the tree reads back the same; a
   * NOT needs none inside AND or OR (it binds to the next condition) but gets them inside another
   * NOT, as {@code NOT NOT} is not SOQL.
   */
  private void operand(Condition c, boolean insideNot) {
    boolean compound =
        c instanceof Condition.And
            || c instanceof Condition.Or
            || (insideNot && c instanceof Condition.Not);
    if (compound) {
      out.append('(');
    }
    condition(c);
    if (compound) {
      out.append(')');
    }
  }

  private void values(List<Value> values) {
    out.append('(');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      value(values.get(i));
    }
    out.append(')');
  }

  private void value(Value v) {
    if (v instanceof Value.StringValue s) {
      out.append(StringEscapes.quote(s.value()));
    } else if (v instanceof Value.NumberValue n) {
      out.append(n.value().toPlainString());
    } else if (v instanceof Value.BooleanValue b) {
      out.append(b.value());
    } else if (v instanceof Value.NullValue) {
      out.append("null");
    } else if (v instanceof Value.DateValue d) {
      out.append(d.value());
    } else if (v instanceof Value.DateTimeValue t) {
      out.append(dateTime(t.value()));
    } else if (v instanceof Value.DateLiteral d) {
      out.append(d.kind().name());
      if (d.n() != null) {
        out.append(':').append(d.n());
      }
    }
  }

  private static String dateTime(OffsetDateTime t) {
    StringBuilder s = new StringBuilder(32);
    s.append(t.toLocalDate()).append('T');
    two(s, t.getHour()).append(':');
    two(s, t.getMinute()).append(':');
    two(s, t.getSecond());
    int nano = t.getNano();
    if (nano != 0) {
      String digits = String.format("%09d", nano);
      s.append('.').append(nano % 1_000_000 == 0 ? digits.substring(0, 3) : digits);
    }
    int offset = t.getOffset().getTotalSeconds();
    if (offset == 0) {
      return s.append('Z').toString();
    }
    s.append(offset < 0 ? '-' : '+');
    int minutes = Math.abs(offset) / 60;
    two(s, minutes / 60).append(':');
    two(s, minutes % 60);
    return s.toString();
  }

  private static StringBuilder two(StringBuilder s, int n) {
    return s.append(n < 10 ? "0" : "").append(n);
  }
}
