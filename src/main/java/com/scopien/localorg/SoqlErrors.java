package com.scopien.localorg;

import com.scopien.soql.SoqlException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SOQL failures in Salesforce's words: the offending line of the query, a caret under the position,
 * {@code ERROR at Row:r:Column:c} and the reason. Parse errors carry their position; for schema
 * errors (unknown field or object) the AST has none, so the position is where the name first
 * appears in the text as a whole word.
 */
final class SoqlErrors {

  private SoqlErrors() {}

  static ApiError malformed(String soql, SoqlException e) {
    String message =
        e.row() > 0 ? snippet(soql, e.row(), e.column()) + e.getMessage() : e.getMessage();
    return ApiError.badRequest(e.salesforceErrorCode(), message);
  }

  static ApiError malformed(String soql, String token, String reason) {
    return ApiError.badRequest("MALFORMED_QUERY", located(soql, token) + reason);
  }

  /** A field the object does not have. */
  static ApiError noSuchColumn(String soql, String token, String field, String object) {
    return ApiError.noSuchColumn(located(soql, token), field, object);
  }

  /** A relationship the object does not have. */
  static ApiError badRelationship(String soql, String token, String relationship) {
    return ApiError.badRequest(
        "INVALID_FIELD",
        located(soql, token)
            + "Didn't understand relationship '"
            + relationship
            + "' in field path. If you are attempting to use a custom relationship, be sure to"
            + " append the '__r' after the custom relationship name. Please reference your WSDL or"
            + " the describe call for the appropriate names.");
  }

  static ApiError filterType(String soql, String token, FieldDef field, String type) {
    return ApiError.badRequest(
        "INVALID_FIELD",
        located(soql, token)
            + "value of filter criterion for field '"
            + field.name()
            + "' must be of type "
            + type
            + " and should not be enclosed in quotes");
  }

  static ApiError unsupportedType(String soql, String object) {
    return ApiError.unsupportedType(located(soql, object), object);
  }

  /** The snippet and position line for the first whole-word occurrence of {@code token}. */
  private static String located(String soql, String token) {
    Matcher m =
        Pattern.compile("(?<![\\w.])" + Pattern.quote(token.toLowerCase(Locale.ROOT)) + "(?![\\w])")
            .matcher(soql.toLowerCase(Locale.ROOT));
    int index = m.find() ? m.start() : 0;
    int row = 1;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      if (soql.charAt(i) == '\n') {
        row++;
        lineStart = i + 1;
      }
    }
    int column = index - lineStart + 1;
    return snippet(soql, row, column) + "ERROR at Row:" + row + ":Column:" + column + "\n";
  }

  private static String snippet(String soql, int row, int column) {
    String[] lines = soql.split("\n", -1);
    String line = row <= lines.length ? lines[row - 1] : "";
    return "\n" + line + "\n" + " ".repeat(Math.max(0, column - 1)) + "^\n";
  }
}
