package com.scopien.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopien.salesforce.FieldDescribe;
import com.scopien.soql.Value;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a value the model gave for a field into the type the field holds: numbers ("50k" and
 * "$1,200" too), booleans, dates and SOQL date literals, picklist values in their canonical
 * spelling. A value that does not fit is a {@link ToolException} saying what would.
 */
final class FieldValues {
  static final Set<String> NUMERIC = Set.of("int", "long", "double", "currency", "percent");
  static final Set<String> DATES = Set.of("date", "datetime");
  private static final Pattern DATE_LITERAL =
      Pattern.compile(
          "(YESTERDAY|TODAY|TOMORROW|LAST_WEEK|THIS_WEEK|NEXT_WEEK|LAST_MONTH|THIS_MONTH|NEXT_MONTH"
              + "|LAST_90_DAYS|NEXT_90_DAYS|THIS_QUARTER|LAST_QUARTER|NEXT_QUARTER|THIS_YEAR"
              + "|LAST_YEAR|NEXT_YEAR|(LAST_N_DAYS|NEXT_N_DAYS|N_DAYS_AGO|LAST_N_WEEKS"
              + "|NEXT_N_WEEKS|LAST_N_MONTHS|NEXT_N_MONTHS):\\d{1,4})");
  private static final Pattern AMOUNT =
      Pattern.compile("\\$?\\s*(-?[0-9][0-9,]*(?:\\.[0-9]+)?)\\s*([km]|mm|million|thousand)?");

  private FieldValues() {}

  /** A typed SOQL literal for a filter on this field; the soql package prints and escapes it. */
  static Value literal(FieldDescribe field, JsonNode value) {
    String type = field.type();
    if (value == null || value.isNull()) {
      return Value.of(null);
    }
    if (NUMERIC.contains(type)) {
      return Value.of(number(field, value));
    }
    if ("boolean".equals(type)) {
      return Value.of(bool(field, value));
    }
    if (DATES.contains(type)) {
      return dateLiteral(field, value.asText());
    }
    return Value.of(text(field, value));
  }

  /** A typed value for a create or update body. */
  static Object forWrite(FieldDescribe field, JsonNode value, LocalDate today) {
    if (value == null || value.isNull()) {
      return null;
    }
    String type = field.type();
    if (NUMERIC.contains(type)) {
      return number(field, value);
    }
    if ("boolean".equals(type)) {
      return bool(field, value);
    }
    if ("date".equals(type)) {
      String text = value.asText().trim().toUpperCase(Locale.ROOT);
      return switch (text) {
        case "TODAY" -> today.toString();
        case "TOMORROW" -> today.plusDays(1).toString();
        case "YESTERDAY" -> today.minusDays(1).toString();
        default -> isoDate(field, value.asText()).toString();
      };
    }
    return text(field, value);
  }

  static BigDecimal number(FieldDescribe field, JsonNode value) {
    if (value.isNumber()) {
      return exact(value.decimalValue());
    }
    Matcher m = AMOUNT.matcher(value.asText().trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new ToolException(field.name() + " takes a number, not '" + value.asText() + "'.");
    }
    BigDecimal number = new BigDecimal(m.group(1).replace(",", ""));
    String unit = m.group(2);
    if (unit != null) {
      number =
          number.multiply(
              switch (unit) {
                case "k", "thousand" -> BigDecimal.valueOf(1_000);
                default -> BigDecimal.valueOf(1_000_000);
              });
    }
    return exact(number);
  }

  /** 80000.0 and 8E+4 both become 80000, so what is written and shown is what was meant. */
  private static BigDecimal exact(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static boolean bool(FieldDescribe field, JsonNode value) {
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    return switch (value.asText().trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default ->
          throw new ToolException(field.name() + " takes true or false, not '" + value + "'.");
    };
  }

  private static Value dateLiteral(FieldDescribe field, String raw) {
    String text = raw.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
    Matcher literal = DATE_LITERAL.matcher(text);
    if (literal.matches()) {
      int colon = text.indexOf(':');
      return colon < 0
          ? new Value.DateLiteral(Value.DateLiteral.Kind.valueOf(text))
          : new Value.DateLiteral(
              Value.DateLiteral.Kind.valueOf(text.substring(0, colon)),
              Integer.parseInt(text.substring(colon + 1)));
    }
    if ("datetime".equals(field.type())) {
      try {
        return Value.of(OffsetDateTime.parse(raw.trim()));
      } catch (DateTimeParseException notADateTime) {
        return Value.of(isoDate(field, raw).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
    }
    return Value.of(isoDate(field, raw));
  }

  private static LocalDate isoDate(FieldDescribe field, String raw) {
    try {
      return LocalDate.parse(raw.trim());
    } catch (DateTimeParseException e) {
      throw new ToolException(
          field.name()
              + " takes a date such as 2026-01-31 or a date literal such as TODAY, THIS_MONTH or"
              + " LAST_N_DAYS:7, not '"
              + raw
              + "'.");
    }
  }

  private static String text(FieldDescribe field, JsonNode value) {
    if (!value.isValueNode()) {
      throw new ToolException(field.name() + " takes a single value.");
    }
    String text = value.asText();
    List<FieldDescribe.PicklistValue> options = field.picklistValues();
    if (!"picklist".equals(field.type()) || options.isEmpty()) {
      return text;
    }
    for (FieldDescribe.PicklistValue option : options) {
      if (option.value().equalsIgnoreCase(text.trim())
          || (option.label() != null && option.label().equalsIgnoreCase(text.trim()))) {
        return option.value();
      }
    }
    throw new ToolException(
        field.name()
            + " has no value '"
            + text
            + "'. Its values are: "
            + String.join(
                ", ",
                options.stream()
                    .filter(FieldDescribe.PicklistValue::active)
                    .limit(20)
                    .map(FieldDescribe.PicklistValue::value)
                    .toList())
            + ".");
  }
}
