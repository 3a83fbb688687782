package com.scopien.localorg;

import java.time.Instant;
import java.util.Objects;

/**
 * The fields the org computes from others, applied after every write and by the generator, so the
 * data stays consistent: full names, Opportunity stage facts, closed flags of Cases and Tasks.
 */
final class DerivedFields {

  private DerivedFields() {}

  /**
   * Recomputes derived values in {@code values}. {@code before} is the row being updated, or null
   * on create; {@code explicitProbability} says the write set Probability itself.
   */
  static void apply(
      ObjectDef object,
      Object[] values,
      Object[] before,
      boolean explicitProbability,
      Instant now) {
    Row row = new Row(object, values);
    switch (object.name()) {
      case "Contact", "Lead", "User" -> row.set("Name", fullName(row));
      case "Opportunity" ->
          opportunity(row, before == null ? null : new Row(object, before), explicitProbability);
      case "Case" -> {
        boolean closed = "Closed".equals(row.get("Status"));
        row.set("IsClosed", closed);
        if (!closed) {
          row.set("ClosedDate", null);
        } else if (row.get("ClosedDate") == null) {
          row.set("ClosedDate", now);
        }
      }
      case "Task" -> row.set("IsClosed", "Completed".equals(row.get("Status")));
      default -> {}
    }
  }

  private static String fullName(Row row) {
    Object first = row.get("FirstName");
    Object last = row.get("LastName");
    if (first == null || first.toString().isBlank()) {
      return last == null ? null : last.toString();
    }
    return last == null ? first.toString() : first + " " + last;
  }

  private static void opportunity(Row row, Row before, boolean explicitProbability) {
    String stageName = (String) row.get("StageName");
    boolean stageChanged = before == null || !Objects.equals(stageName, before.get("StageName"));
    OpportunityStages.find(stageName)
        .ifPresent(
            stage -> {
              row.set("IsClosed", stage.closed());
              row.set("IsWon", stage.won());
              if (stageChanged) {
                row.set("ForecastCategoryName", stage.forecast());
                if (!explicitProbability) {
                  row.set("Probability", (double) stage.probability());
                }
              }
            });
    Object amount = row.get("Amount");
    Object probability = row.get("Probability");
    row.set(
        "ExpectedRevenue",
        amount == null || probability == null
            ? null
            : Math.round((Double) amount * (Double) probability) / 100.0);
  }

  /** Name-based access to a values array of one object. */
  private record Row(ObjectDef object, Object[] values) {
    Object get(String field) {
      return values[object.position(field)];
    }

    void set(String field, Object value) {
      values[object.position(field)] = value;
    }
  }
}
