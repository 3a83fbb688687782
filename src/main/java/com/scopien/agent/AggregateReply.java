package com.scopien.agent;

import com.scopien.salesforce.FieldDescribe;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Words an aggregate answer: one sentence that says what was totalled, over which records and where
 * from, then a small Markdown table with the grand total in its last row. Headings are field
 * labels; values are written as people write them ({@link AggregateNumbers}).
 */
final class AggregateReply {
  private AggregateReply() {}

  /**
   * @param described the records in words, e.g. "closed won opportunities"
   * @param from where the answer came from, e.g. "From **Acme Production** (...), live"
   */
  static String write(
      AggregatePlan plan, AggregateTool.Result result, String described, String from) {
    StringBuilder out = new StringBuilder(from).append(": ");
    String plural = ReadTools.plural(plan.object());
    FieldDescribe field = plan.field() == null ? null : plan.field().field();
    String total = AggregateNumbers.value(plan.function(), field, result.total().value());
    if (!plan.grouped()) {
      if (plan.function() == AggregatePlan.Function.COUNT) {
        out.append("**").append(total).append("** ").append(described).append('.');
      } else {
        out.append(measure(plan)).append(" of ").append(described).append(" is **");
        out.append(total).append("**, over ").append(RecordTable.count(result.total().records()));
        out.append(' ').append(plural);
        if (plan.function() == AggregatePlan.Function.AVG) {
          String label = plan.field().field().label().toLowerCase(Locale.ROOT);
          out.append(" with ").append("aeiou".indexOf(label.charAt(0)) >= 0 ? "an " : "a ");
          out.append(label);
        }
        out.append('.');
      }
    } else {
      out.append(plan.function() == AggregatePlan.Function.COUNT ? "the number" : measure(plan));
      out.append(" of ").append(described).append(described.contains(" where ") ? ", by " : " by ");
      out.append(groupWords(plan));
      out.append(", ").append(orderWords(plan)).append(": **").append(total).append("** in all.");
    }
    out.append("\n\n").append(table(plan, result, total));
    if (result.allGroups() > result.groups().size()) {
      out.append("\n\nShowing ")
          .append(result.groups().size())
          .append(" of ")
          .append(RecordTable.count(result.allGroups()))
          .append(" groups; the total covers them all. Ask for more groups to see the rest.");
    }
    return out.toString();
  }

  /** "the total amount", "the average amount", "the largest amount", "the earliest close date". */
  static String measure(AggregatePlan plan) {
    return "the " + valueHeading(plan).toLowerCase(Locale.ROOT);
  }

  /** The value column's heading: "Total Amount", "Average Amount", "Cases". */
  static String valueHeading(AggregatePlan plan) {
    if (plan.function() == AggregatePlan.Function.COUNT) {
      return countHeading(plan);
    }
    FieldDescribe field = plan.field().field();
    String label = QueryPlanner.heading(plan.field().path(), field);
    boolean date = FieldValues.DATES.contains(field.type());
    String word =
        switch (plan.function()) {
          case SUM -> "Total";
          case AVG -> "Average";
          case MIN -> date ? "Earliest" : "Smallest";
          case MAX -> date ? "Latest" : "Largest";
          case COUNT -> "";
        };
    return word + " " + label;
  }

  private static String countHeading(AggregatePlan plan) {
    String plural = plan.object().labelPlural();
    return plural == null ? plan.object().label() + "s" : plural;
  }

  private static String groupWords(AggregatePlan plan) {
    List<String> names = new ArrayList<>();
    plan.groups().forEach(g -> names.add(g.heading().toLowerCase(Locale.ROOT)));
    return String.join(" and ", names);
  }

  private static String orderWords(AggregatePlan plan) {
    AggregatePlan.Order order = plan.order();
    if (order == null || order.byValue()) {
      boolean descending = order == null || order.descending();
      return descending ? "largest first" : "smallest first";
    }
    String heading =
        plan.groups().stream()
            .filter(g -> g.alias().equals(order.groupAlias()))
            .map(g -> g.heading().toLowerCase(Locale.ROOT))
            .findFirst()
            .orElse("group");
    return "ordered by " + heading + (order.descending() ? ", last first" : "");
  }

  /** The last row sums counts and sums; for an average or an extreme it spans all records. */
  private static String totalWord(AggregatePlan plan) {
    return switch (plan.function()) {
      case COUNT, SUM -> "Total";
      default -> "All";
    };
  }

  private static String table(AggregatePlan plan, AggregateTool.Result result, String total) {
    List<String> headings = new ArrayList<>();
    plan.groups().forEach(g -> headings.add(g.heading()));
    headings.add(countHeading(plan));
    boolean counting = plan.function() == AggregatePlan.Function.COUNT;
    if (!counting) {
      headings.add(valueHeading(plan));
    }
    StringBuilder table = new StringBuilder("|");
    headings.forEach(h -> table.append(' ').append(RecordTable.cell(h)).append(" |"));
    table.append("\n|").append("---|".repeat(headings.size()));
    FieldDescribe field = plan.field() == null ? null : plan.field().field();
    for (AggregateTool.Row row : result.groups()) {
      table.append("\n|");
      for (int i = 0; i < plan.groups().size(); i++) {
        table.append(' ');
        table.append(AggregateNumbers.group(plan.groups().get(i).field(), row.keys().get(i)));
        table.append(" |");
      }
      table.append(' ').append(RecordTable.count(row.records())).append(" |");
      if (!counting) {
        table.append(' ');
        table.append(AggregateNumbers.value(plan.function(), field, row.value())).append(" |");
      }
    }
    table.append("\n|");
    for (int i = 0; i < plan.groups().size(); i++) {
      table.append(i == 0 ? " **" + totalWord(plan) + "** |" : "  |");
    }
    String bold = plan.grouped() ? "**" : "";
    table.append(' ').append(bold).append(RecordTable.count(result.total().records()));
    table.append(bold).append(" |");
    if (!counting) {
      table.append(' ').append(bold).append(total).append(bold).append(" |");
    }
    return table.toString();
  }
}
