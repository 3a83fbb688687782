package com.scopien.localorg;

import java.util.List;

/**
 * A REST failure as Salesforce reports it: an HTTP status and one entry of the JSON error array
 * ({@code [{"message","errorCode","fields"?}]}). Handlers throw it; one exception handler renders
 * it, so every resource family answers errors the same way.
 */
final class ApiError extends RuntimeException {

  static final String NOT_FOUND_MESSAGE = "The requested resource does not exist";

  private final int status;
  private final String errorCode;
  private final List<String> fields;

  ApiError(int status, String errorCode, String message, List<String> fields) {
    super(message, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
    this.fields = fields == null ? null : List.copyOf(fields);
  }

  static ApiError badRequest(String errorCode, String message) {
    return new ApiError(400, errorCode, message, null);
  }

  static ApiError badRequest(String errorCode, String message, List<String> fields) {
    return new ApiError(400, errorCode, message, fields);
  }

  static ApiError notFound() {
    return new ApiError(404, "NOT_FOUND", NOT_FOUND_MESSAGE, null);
  }

  static ApiError entityIsDeleted() {
    return new ApiError(404, "ENTITY_IS_DELETED", "entity is deleted", List.of());
  }

  static ApiError invalidSession() {
    return new ApiError(401, "INVALID_SESSION_ID", "Session expired or invalid", null);
  }

  static ApiError limitExceeded() {
    return new ApiError(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.", null);
  }

  /** SOQL naming a field the object does not have. */
  static ApiError noSuchColumn(String soqlSnippet, String field, String object) {
    String message =
        soqlSnippet
            + "No such column '"
            + field
            + "' on entity '"
            + object
            + "'. If you are attempting to use a custom field, be sure to append the '__c' after"
            + " the custom field name. Please reference your WSDL or the describe call for the"
            + " appropriate names.";
    return badRequest("INVALID_FIELD", message);
  }

  /** SOQL naming an object the org does not have. */
  static ApiError unsupportedType(String soqlSnippet, String object) {
    String message =
        soqlSnippet
            + "sObject type '"
            + object
            + "' is not supported. If you are attempting to use a custom object, be sure to append"
            + " the '__c' after the entity name. Please reference your WSDL or the describe call for"
            + " the appropriate names.";
    return badRequest("INVALID_TYPE", message);
  }

  int status() {
    return status;
  }

  String errorCode() {
    return errorCode;
  }

  /** The fields the error is about, or null when Salesforce leaves the key out. */
  List<String> fields() {
    return fields;
  }
}
