package com.scopien.localorg;

/**
 * An OAuth endpoint failure: {@code {"error","error_description"}} with (almost always) HTTP 400,
 * the shape Salesforce's token and revoke endpoints use instead of the REST error array.
 */
final class OAuthError extends RuntimeException {

  private final int status;
  private final String error;

  OAuthError(int status, String error, String description) {
    super(description, null, false, false);
    this.status = status;
    this.error = error;
  }

  static OAuthError badRequest(String error, String description) {
    return new OAuthError(400, error, description);
  }

  static OAuthError invalidGrant(String description) {
    return badRequest("invalid_grant", description);
  }

  int status() {
    return status;
  }

  String error() {
    return error;
  }
}
