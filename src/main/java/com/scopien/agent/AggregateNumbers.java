package com.scopien.agent;

import com.scopien.salesforce.FieldDescribe;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes totals and group values as people write them: 114,697,900 for a whole sum, 57,342.12 for
 * an average, "Nov 23, 2026" for a date, "Yes"/"No" for a checkbox, "(none)" for an empty group.
 */
final class AggregateNumbers {
  static final String NONE = "(none)";
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

  private AggregateNumbers() {}

  /** A value of the aggregate: a count, or the function's result on {@code field}. */
  static String value(AggregatePlan.Function function, FieldDescribe field, Object value) {
    if (value == null) {
      return function == AggregatePlan.Function.SUM ? "0" : "–";
    }
    if (field != null && FieldValues.DATES.contains(field.type())) {
      return dateText(value.toString());
    }
    BigDecimal number = decimal(value);
    if (number == null) {
      return RecordTable.cell(value.toString());
    }
    return plain(number);
  }

  /** A number with thousands separators: whole when it is whole, else to two decimals. */
  static String plain(BigDecimal number) {
    BigDecimal rounded = number.setScale(2, RoundingMode.HALF_UP);
    NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
    boolean whole = rounded.stripTrailingZeros().scale() <= 0;
    format.setMinimumFractionDigits(whole ? 0 : 2);
    format.setMaximumFractionDigits(whole ? 0 : 2);
    return format.format(rounded);
  }

  /** A group's value as a table cell: the picklist label, Yes/No, a date, or "(none)". */
  static String group(FieldDescribe field, Object value) {
    if (value == null || value.toString().isEmpty()) {
      return NONE;
    }
    if (value instanceof Boolean b) {
      return b ? "Yes" : "No";
    }
    if (FieldValues.DATES.contains(field.type())) {
      return dateText(value.toString());
    }
    BigDecimal number = value instanceof Number ? decimal(value) : null;
    if (number != null) {
      return plain(number);
    }
    String text = value.toString();
    for (FieldDescribe.PicklistValue option : field.picklistValues()) {
      if (option.value().equals(text) && option.label() != null && !option.label().isBlank()) {
        return RecordTable.cell(option.label());
      }
    }
    return RecordTable.cell(text);
  }

  static String date(LocalDate date) {
    return DATE.format(date);
  }

  static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    try {
      return new BigDecimal(value.toString());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String dateText(String text) {
    try {
      return date(LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text));
    } catch (RuntimeException e) {
      return RecordTable.cell(text);
    }
  }
}
