package com.scopien.orgs;

import com.scopien.security.User;

/**
 * The admin's side of connected orgs, shared by the web API and the CLI: connect through the
 * browser (authorization code with PKCE), reconnect, disconnect, remove, and the verification card.
 *
 * <p>Every method that takes a {@link User} requires {@link com.scopien.security.Role#ADMIN}
 * ({@code FORBIDDEN/admin_only} otherwise), and every change is written to the audit log. Failures
 * are {@link com.scopien.ScopienException}s with a stable code and a message that says what to do;
 * a failed connect stores nothing. Implementations are thread-safe.
 */
public interface OrgAdmin {

  /**
   * Starts a browser sign-in: checks the name is free and the login host answers, keeps a
   * single-use {@code state} and a PKCE verifier server-side for ten minutes, bound to {@code
   * admin}, and returns the org's authorize URL.
   *
   * @throws com.scopien.ScopienException CONFLICT {@code org_name_taken}; INVALID_INPUT for a URL
   *     that is not https outside loopback or a login host that cannot be reached
   */
  AuthorizationStart startAuthorization(User admin, AuthorizationRequest request);

  /**
   * The callback: claims the request {@code state} names (once), exchanges {@code code}, reads the
   * org's facts, checks the environment and stores the org with its tokens sealed. {@code error} is
   * the org's refusal ({@code access_denied} ...), if any. A failure after the claim is kept as the
   * request's outcome (and any token obtained is revoked); it is not thrown.
   *
   * @throws com.scopien.ScopienException INVALID_INPUT {@code invalid_state} for a missing or
   *     unknown state, {@code state_used} for a state already used
   */
  ConnectOutcome completeAuthorization(
      String state, String code, String error, String errorDescription);

  /**
   * How the admin's own sign-in request ended.
   *
   * @throws com.scopien.ScopienException NOT_FOUND {@code unknown_connect_request} when it is not
   *     theirs or does not exist
   */
  ConnectOutcome outcome(User admin, String requestId);

  /**
   * The org for the verification card.
   *
   * @throws com.scopien.ScopienException NOT_FOUND {@code unknown_org}
   */
  Org org(User admin, String orgId);

  /**
   * Reconnects an org that needs re-authorisation (or was disconnected), keeping its id: the
   * browser flow again for an org connected through the browser, a new sign-in at once otherwise.
   * The org must be the same Salesforce org as before ({@code org_mismatch}).
   */
  Reconnection reconnect(User admin, String orgId, String redirectUri);

  /**
   * Revokes the org's tokens at the org, forgets them and marks the org {@link
   * OrgStatus#DISCONNECTED}; it stays listed (with its id, name and history) and can be
   * reconnected.
   */
  Disconnection disconnect(User admin, String orgId);

  /** Disconnects the org if needed and deletes it, freeing its name. */
  void remove(User admin, String orgId);
}
