package com.scopien.sync;

import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.SalesforceTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the text of one CSV cell into the value Salesforce takes for a field, by the field's
 * describe type: numbers, dates and date-times (in the mapping's formats), booleans, e-mail
 * addresses, picklist values (spelled as the org spells them), Ids, and text within the field's
 * length. A value that does not fit says why in a {@link BadValue}.
 */
final class ImportValues {
  /** Types whose values cannot come from a CSV cell. */
  static final Set<String> UNSUPPORTED = Set.of("address", "location", "base64", "complexvalue");

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final Pattern GROUPED_NUMBER =
      Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?");
  private static final Set<String> TRUE = Set.of("true", "yes", "y", "1");
  private static final Set<String> FALSE = Set.of("false", "no", "n", "0");

  /** Why a value does not fit its field; the message is safe to show next to the line number. */
  static final class BadValue extends Exception {
    BadValue(String message) {
      super(message, null, false, false);
    }
  }

  private final DateTimeFormatter dateFormat;
  private final DateTimeFormatter dateTimeFormat;
  private final ZoneId zone;

  /**
   * @param dateFormat how dates are written; null: ISO {@code 2024-01-31}
   * @param dateTimeFormat how date-times are written; null: ISO with or without an offset
   * @param zone the zone of date-times written without an offset
   */
  ImportValues(DateTimeFormatter dateFormat, DateTimeFormatter dateTimeFormat, ZoneId zone) {
    this.dateFormat = dateFormat == null ? DateTimeFormatter.ISO_LOCAL_DATE : dateFormat;
    this.dateTimeFormat = dateTimeFormat;
    this.zone = zone;
  }

  /** The value to write; null for an empty cell. */
  Object parse(FieldDescribe field, String text) throws BadValue {
    if (text == null || text.isBlank()) {
      return null;
    }
    String type = field.type().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "boolean" -> bool(text.trim());
      case "int" -> whole(number(text));
      case "double", "currency", "percent" -> number(text);
      case "date" -> date(text.trim());
      case "datetime" -> dateTime(text.trim());
      case "email" -> email(field, text.trim());
      case "picklist" -> picklist(field, text.trim());
      case "multipicklist" -> multiPicklist(field, text);
      case "reference", "id" -> id(text.trim());
      default -> text(field, text);
    };
  }

  private static Boolean bool(String text) throws BadValue {
    String key = text.toLowerCase(Locale.ROOT);
    if (TRUE.contains(key)) {
      return Boolean.TRUE;
    }
    if (FALSE.contains(key)) {
      return Boolean.FALSE;
    }
    throw new BadValue("'" + text + "' is not true or false");
  }

  private static BigDecimal number(String raw) throws BadValue {
    String text = raw.trim();
    if (text.endsWith("%")) {
      text = text.substring(0, text.length() - 1).trim();
    }
    if (GROUPED_NUMBER.matcher(text).matches()) {
      text = text.replace(",", "");
    }
    if (!PLAIN_NUMBER.matcher(text).matches()) {
      throw new BadValue("'" + raw.trim() + "' is not a number");
    }
    return new BigDecimal(text);
  }

  private static BigDecimal whole(BigDecimal value) throws BadValue {
    try {
      return new BigDecimal(value.toBigIntegerExact());
    } catch (ArithmeticException e) {
      throw new BadValue("'" + value.toPlainString() + "' is not a whole number");
    }
  }

  private String date(String text) throws BadValue {
    try {
      return LocalDate.parse(text, dateFormat).toString();
    } catch (DateTimeParseException e) {
      throw new BadValue("'" + text + "' is not a date in the format the mapping gives");
    }
  }

  private String dateTime(String text) throws BadValue {
    try {
      if (dateTimeFormat != null) {
        return SalesforceTime.formatDateTime(
            LocalDateTime.parse(text, dateTimeFormat).atZone(zone).toInstant());
      }
      try {
        return SalesforceTime.formatDateTime(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeParseException noOffset) {
        return SalesforceTime.formatDateTime(LocalDateTime.parse(text).atZone(zone).toInstant());
      }
    } catch (DateTimeParseException e) {
      throw new BadValue("'" + text + "' is not a date-time in the format the mapping gives");
    }
  }

  private static String email(FieldDescribe field, String text) throws BadValue {
    if (!EMAIL.matcher(text).matches()) {
      throw new BadValue("'" + text + "' is not an email address");
    }
    return text(field, text);
  }

  /**
   * The org's spelling of the value. Every picklist is checked against its values: the describe the
   * client gives does not say which picklists are restricted, and a value outside the list is far
   * more often a typo than a new value.
   */
  private static String picklist(FieldDescribe field, String text) throws BadValue {
    for (FieldDescribe.PicklistValue v : field.picklistValues()) {
      if (v.active() && v.value().equalsIgnoreCase(text)) {
        return v.value();
      }
    }
    throw new BadValue("'" + text + "' is not a value of this picklist");
  }

  private static String multiPicklist(FieldDescribe field, String text) throws BadValue {
    List<String> values = new ArrayList<>();
    for (String part : text.split(";")) {
      if (!part.isBlank()) {
        values.add(picklist(field, part.trim()));
      }
    }
    return String.join(";", values);
  }

  private static String id(String text) throws BadValue {
    if (!ID.matcher(text).matches()) {
      throw new BadValue("'" + text + "' is not a Salesforce Id");
    }
    return text;
  }

  private static String text(FieldDescribe field, String text) throws BadValue {
    if (field.length() > 0 && text.length() > field.length()) {
      throw new BadValue(
          "too long: " + text.length() + " characters, at most " + field.length() + " allowed");
    }
    return text;
  }
}
