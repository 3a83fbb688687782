package com.scopien.salesforce;

import java.util.Set;

/**
 * A refusal from Salesforce's OAuth endpoints ({@code {"error","error_description"}}). {@link
 * #errorCode()} is the OAuth error ({@code invalid_grant}, {@code invalid_client_id} ...). When
 * {@link #needsReauthorization()} is true the stored grant is dead (revoked or expired refresh
 * token, integration user deactivated): stop the org's jobs and ask an admin to connect it again;
 * retrying will not help.
 */
public final class OAuthException extends SalesforceException {
  private static final Set<String> REAUTHORIZE =
      Set.of("invalid_grant", "inactive_user", "inactive_org");
  private static final Set<String> BAD_CONFIGURATION =
      Set.of(
          "invalid_client_id",
          "invalid_client",
          "invalid_client_credentials",
          "invalid_request",
          "unsupported_grant_type",
          "unsupported_response_type",
          "redirect_uri_mismatch",
          "invalid_scope");

  private final boolean needsReauthorization;

  OAuthException(Kind kind, String error, int httpStatus, String message) {
    super(kind, error, httpStatus, message);
    this.needsReauthorization = REAUTHORIZE.contains(error);
  }

  /** The exception for an OAuth error reply; the kind follows from the error and the status. */
  static OAuthException of(String error, int httpStatus, String description) {
    Kind kind;
    if (httpStatus >= 500) {
      kind = Kind.RETRIABLE;
    } else if (BAD_CONFIGURATION.contains(error)) {
      kind = Kind.INVALID_INPUT;
    } else {
      kind = Kind.UPSTREAM;
    }
    String detail = description == null || description.isBlank() ? "" : ": " + description;
    return new OAuthException(
        kind, error, httpStatus, "Salesforce refused the sign-in (" + error + ")" + detail);
  }

  /** True when only a new interactive authorisation (or fixed app settings) can help. */
  public boolean needsReauthorization() {
    return needsReauthorization;
  }
}
