package com.scopien.agent;

import com.scopien.salesforce.FieldDescribe;
import com.scopien.soql.Condition;
import com.scopien.soql.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says a read's filters the way people would: "closed won opportunities", "open cases where
 * priority is High", "invoices where amount is over 50,000 and due date is this month". Field
 * labels, never API names; date literals as words, never constants.
 */
final class AggregateWords {
  private AggregateWords() {}

  /** A filter with the field it tests, as the planner resolved it. */
  record Worded(Condition condition, FieldDescribe field, String heading) {}

  /** The plural with its filters: state and stage values before it, the rest after "where". */
  static String describe(String plural, List<Worded> filters) {
    List<String> before = new ArrayList<>();
    List<String> where = new ArrayList<>();
    for (Worded filter : filters) {
      String adjective = adjective(filter);
      if (adjective != null) {
        before.add(adjective);
      } else {
        where.add(clause(filter));
      }
    }
    StringBuilder out = new StringBuilder();
    before.forEach(a -> out.append(a).append(' '));
    out.append(plural);
    if (!where.isEmpty()) {
      out.append(" where ").append(joined(where, "and"));
    }
    return out.toString();
  }

  /** "closed", "won", "closed won": a flag or a stage or status value read as an adjective. */
  private static String adjective(Worded filter) {
    if (!(filter.condition() instanceof Condition.Comparison c)
        || c.operator() != Condition.Operator.EQ) {
      return null;
    }
    String name = filter.field().name();
    if (c.value() instanceof Value.BooleanValue b && !c.field().contains(".")) {
      return switch (name) {
        case "IsClosed" -> b.value() ? "closed" : "open";
        case "IsWon" -> b.value() ? "won" : "not won";
        case "IsEscalated" -> b.value() ? "escalated" : "not escalated";
        default -> null;
      };
    }
    String label = filter.field().label().toLowerCase(Locale.ROOT);
    boolean state = label.equals("stage") || label.equals("status") || label.endsWith(" stage");
    if (state && c.value() instanceof Value.StringValue s && s.value().length() <= 40) {
      return s.value().toLowerCase(Locale.ROOT);
    }
    return null;
  }

  private static String clause(Worded filter) {
    String subject = filter.heading().toLowerCase(Locale.ROOT);
    Condition condition = filter.condition();
    if (condition instanceof Condition.Comparison c) {
      String value = value(c.value());
      return switch (c.operator()) {
        case EQ -> subject + " is " + value;
        case NE -> subject + " is not " + value;
        case LT -> subject + (date(c.value()) ? " is before " : " is under ") + value;
        case LE -> subject + (date(c.value()) ? " is on or before " : " is at most ") + value;
        case GT -> subject + (date(c.value()) ? " is after " : " is over ") + value;
        case GE -> subject + (date(c.value()) ? " is on or after " : " is at least ") + value;
        case LIKE -> subject + " contains \"" + like(value) + "\"";
      };
    }
    if (condition instanceof Condition.In in) {
      List<String> values = in.values().stream().map(AggregateWords::value).toList();
      return subject + (in.negated() ? " is none of " : " is ") + joined(values, "or");
    }
    return subject + " matches a condition";
  }

  private static boolean date(Value value) {
    return value instanceof Value.DateValue
        || value instanceof Value.DateTimeValue
        || value instanceof Value.DateLiteral;
  }

  static String value(Value value) {
    if (value instanceof Value.StringValue s) {
      return s.value();
    }
    if (value instanceof Value.NumberValue n) {
      return AggregateNumbers.plain(n.value());
    }
    if (value instanceof Value.BooleanValue b) {
      return b.value() ? "yes" : "no";
    }
    if (value instanceof Value.NullValue) {
      return "empty";
    }
    if (value instanceof Value.DateValue d) {
      return AggregateNumbers.date(d.value());
    }
    if (value instanceof Value.DateTimeValue d) {
      return AggregateNumbers.date(d.value().toLocalDate());
    }
    if (value instanceof Value.DateLiteral literal) {
      return literal(literal);
    }
    return String.valueOf(value);
  }

  /** TODAY is "today", LAST_N_DAYS:30 "in the last 30 days", N_DAYS_AGO:3 "3 days ago". */
  static String literal(Value.DateLiteral literal) {
    String words = literal.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    if (literal.n() == null) {
      return words;
    }
    String n = String.valueOf(literal.n());
    return words.startsWith("n ")
        ? words.replace("n ", n + " ")
        : "in the " + words.replace(" n ", " " + n + " ");
  }

  private static String like(String pattern) {
    return pattern.replaceAll("^%|%$", "").replace("\\%", "%").replace("\\_", "_");
  }

  private static String joined(List<String> parts, String conjunction) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " "
        + conjunction
        + " "
        + parts.get(parts.size() - 1);
  }
}
