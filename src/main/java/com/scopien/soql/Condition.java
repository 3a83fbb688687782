package com.scopien.soql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A WHERE condition. Field names are relationship paths as written ({@code Account.Name}); callers
 * compare them case-insensitively. Instances are immutable and validated on construction: names
 * must be API names, AND/OR have at least two parts, nesting is at most {@link #MAX_DEPTH} deep.
 * The static factories turn plain Java values into literals ({@link Value#of}) so that callers
 * never build condition text themselves.
 */
public sealed interface Condition {
  /** Deepest accepted nesting of AND, OR, NOT and parentheses. */
  int MAX_DEPTH = 100;

  /** The comparison operators; {@code <>} is read as {@link #NE}. */
  enum Operator {
    EQ("="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    LIKE("LIKE");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /** How the operator is written in SOQL. */
    public String symbol() {
      return symbol;
    }
  }

  /**
   * {@code field op value}. For {@link Operator#LIKE} the value must be a string pattern in which
   * {@code %} and {@code _} are wildcards and a backslash escapes the next {@code \}, {@code %} or
   * {@code _} (see {@link Soql#escapeLike}).
   */
  record Comparison(String field, Operator operator, Value value) implements Condition {
    public Comparison {
      Identifiers.requirePath(field, "field name");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(value, "value");
      if (operator == Operator.LIKE) {
        if (!(value instanceof Value.StringValue s)) {
          throw new SoqlException("LIKE needs a string pattern");
        }
        LikePattern.requireWellFormed(s.value());
      }
    }
  }

  /** {@code field IN (values)}, or {@code NOT IN} when {@code negated}. */
  record In(String field, boolean negated, List<Value> values) implements Condition {
    public In {
      Identifiers.requirePath(field, "field name");
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new SoqlException("IN needs at least one value");
      }
    }
  }

  /** {@code field INCLUDES (values)}, or {@code EXCLUDES} when {@code excludes}; strings only. */
  record Includes(String field, boolean excludes, List<Value> values) implements Condition {
    public Includes {
      Identifiers.requirePath(field, "field name");
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new SoqlException((excludes ? "EXCLUDES" : "INCLUDES") + " needs at least one value");
      }
      for (Value v : values) {
        if (!(v instanceof Value.StringValue)) {
          throw new SoqlException("INCLUDES and EXCLUDES take strings only");
        }
      }
    }
  }

  /**
   * A semi-join, {@code field IN (SELECT OtherField FROM Object ...)} or {@code NOT IN} when {@code
   * negated}. The inner query selects exactly one field; the evaluator cannot run it alone.
   */
  record SemiJoin(String field, boolean negated, SoqlQuery query) implements Condition {
    public SemiJoin {
      Identifiers.requirePath(field, "field name");
      Objects.requireNonNull(query, "query");
      if (query.select().size() != 1 || !(query.select().get(0) instanceof SelectItem.Field)) {
        throw new SoqlException("a semi-join subquery selects exactly one field");
      }
      SoqlQuery.requireNestable(query);
    }
  }

  /** All of the parts. */
  record And(List<Condition> conditions) implements Condition {
    public And {
      conditions = Conditions.requireParts(conditions, "AND");
    }
  }

  /** Any of the parts. */
  record Or(List<Condition> conditions) implements Condition {
    public Or {
      conditions = Conditions.requireParts(conditions, "OR");
    }
  }

  /** {@code NOT condition}. */
  record Not(Condition condition) implements Condition {
    public Not {
      Objects.requireNonNull(condition, "condition");
      Conditions.requireDepth(condition, 1);
    }
  }

  /** {@code field = value}; {@code value} may be {@code null}. */
  static Condition eq(String field, Object value) {
    return new Comparison(field, Operator.EQ, Value.of(value));
  }

  /** {@code field != value}; {@code value} may be {@code null}. */
  static Condition ne(String field, Object value) {
    return new Comparison(field, Operator.NE, Value.of(value));
  }

  /** {@code field < value}. */
  static Condition lt(String field, Object value) {
    return new Comparison(field, Operator.LT, Value.of(value));
  }

  /** {@code field <= value}. */
  static Condition le(String field, Object value) {
    return new Comparison(field, Operator.LE, Value.of(value));
  }

  /** {@code field > value}. */
  static Condition gt(String field, Object value) {
    return new Comparison(field, Operator.GT, Value.of(value));
  }

  /** {@code field >= value}. */
  static Condition ge(String field, Object value) {
    return new Comparison(field, Operator.GE, Value.of(value));
  }

  /**
   * {@code field LIKE pattern}, where {@code %} and {@code _} in the pattern are wildcards. Escape
   * user-supplied parts with {@link Soql#escapeLike} first, e.g. {@code like("Name",
   * Soql.escapeLike(input) + "%")}.
   */
  static Condition like(String field, String pattern) {
    return new Comparison(field, Operator.LIKE, new Value.StringValue(pattern));
  }

  /** {@code field IN (values)}. */
  static Condition in(String field, Collection<?> values) {
    return new In(field, false, toValues(values));
  }

  /** {@code field NOT IN (values)}. */
  static Condition notIn(String field, Collection<?> values) {
    return new In(field, true, toValues(values));
  }

  /** {@code field = null}. */
  static Condition isNull(String field) {
    return eq(field, null);
  }

  /** {@code field != null}. */
  static Condition isNotNull(String field) {
    return ne(field, null);
  }

  /** All of the conditions; a single condition is returned as it is. */
  static Condition and(Condition... conditions) {
    return conditions.length == 1 ? conditions[0] : new And(List.of(conditions));
  }

  /** Any of the conditions; a single condition is returned as it is. */
  static Condition or(Condition... conditions) {
    return conditions.length == 1 ? conditions[0] : new Or(List.of(conditions));
  }

  /** {@code NOT condition}. */
  static Condition not(Condition condition) {
    return new Not(condition);
  }

  private static List<Value> toValues(Collection<?> values) {
    List<Value> out = new ArrayList<>(values.size());
    for (Object v : values) {
      out.add(Value.of(v));
    }
    return out;
  }
}
