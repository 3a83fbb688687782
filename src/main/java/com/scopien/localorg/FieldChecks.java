package com.scopien.localorg;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Per-field checks on a value about to be written: length, restricted picklists, number range,
 * e-mail shape and lookups that must name an existing record of the right type. Returns the value
 * to store (blank text becomes null, numbers are rounded to the field's scale, Ids become 18
 * characters).
 */
final class FieldChecks {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final RecordStore store;

  FieldChecks(RecordStore store) {
    this.store = store;
  }

  Object check(FieldDef field, Object value) {
    if (value instanceof String text && text.isEmpty()) {
      return null;
    }
    if (value == null) {
      return null;
    }
    return switch (field.type()) {
      case REFERENCE -> reference(field, (String) value);
      case DOUBLE, CURRENCY, PERCENT -> number(field, (Double) value);
      case EMAIL -> email(field, text(field, (String) value));
      case PICKLIST -> picklist(field, text(field, (String) value));
      default -> value instanceof String s ? text(field, s) : value;
    };
  }

  private String text(FieldDef field, String value) {
    if (field.length() > 0 && value.length() > field.length()) {
      throw fieldError(
          "STRING_TOO_LONG",
          field.label()
              + ": data value too large: "
              + value
              + " (max length="
              + field.length()
              + ")",
          field);
    }
    return value;
  }

  private String picklist(FieldDef field, String value) {
    if (field.restrictedPicklist() && !field.hasPicklistValue(value)) {
      throw fieldError(
          "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
          field.label() + ": bad value for restricted picklist field: " + value,
          field);
    }
    return value;
  }

  private String email(FieldDef field, String value) {
    if (!EMAIL.matcher(value).matches()) {
      throw fieldError(
          "INVALID_EMAIL_ADDRESS", field.label() + ": invalid email address: " + value, field);
    }
    return value;
  }

  private Double number(FieldDef field, Double value) {
    if (value.isNaN() || value.isInfinite()) {
      throw outOfRange(field, value);
    }
    if (field.precision() == 0) {
      return value;
    }
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(field.scale(), RoundingMode.HALF_UP);
    int integerDigits = field.precision() - field.scale();
    if (rounded.abs().compareTo(BigDecimal.TEN.pow(integerDigits)) >= 0) {
      throw outOfRange(field, value);
    }
    return rounded.doubleValue();
  }

  private String reference(FieldDef field, String value) {
    String id =
        SalesforceIds.normalize(value)
            .filter(candidate -> targets(field, candidate))
            .orElseThrow(
                () ->
                    fieldError(
                        "MALFORMED_ID",
                        field.label() + ": id value of incorrect type: " + value,
                        field));
    boolean live = store.find(id).map(row -> !row.deleted()).orElse(false);
    if (!live) {
      throw ApiError.badRequest(
          "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", List.of());
    }
    return id;
  }

  private boolean targets(FieldDef field, String id) {
    return store
        .schema()
        .byKeyPrefix(SalesforceIds.keyPrefix(id))
        .map(object -> field.referenceTo().contains(object.name()))
        .orElse(false);
  }

  private static ApiError outOfRange(FieldDef field, Double value) {
    return fieldError(
        "NUMBER_OUTSIDE_VALID_RANGE",
        field.label() + ": value outside of valid range on numeric field: " + value,
        field);
  }

  private static ApiError fieldError(String code, String message, FieldDef field) {
    return ApiError.badRequest(code, message, List.of(field.name()));
  }
}
