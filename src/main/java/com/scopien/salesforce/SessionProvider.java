package com.scopien.salesforce;

import com.scopien.ScopienException;

/**
 * Where a client gets its session, and how it renews one Salesforce has refused.
 *
 * <p>{@link #refresh} is called only after a {@code 401 INVALID_SESSION_ID}; once it returns,
 * {@link #current} must return the renewed session too. The client calls {@code refresh} from one
 * thread at a time and only when {@code current()} still equals the stale session, so concurrent
 * 401s cause one renewal. Implementations must be thread-safe.
 *
 * <p>Failures: a renewal Salesforce refuses for good (for example {@code invalid_grant}) is thrown
 * as an {@link OAuthException} with {@link OAuthException#needsReauthorization()}, and the call
 * that needed it fails with that exception.
 */
public interface SessionProvider {

  /** The session to use now; may sign in lazily on the first call. */
  Session current();

  /** A new session replacing {@code stale}, which Salesforce has just refused. */
  Session refresh(Session stale);

  /** A provider with one session and no way to renew it (tools, tests, short-lived scripts). */
  static SessionProvider fixed(Session session) {
    return new SessionProvider() {
      @Override
      public Session current() {
        return session;
      }

      @Override
      public Session refresh(Session stale) {
        throw new SalesforceException(
            ScopienException.Kind.UPSTREAM,
            "INVALID_SESSION_ID",
            401,
            "The Salesforce session expired and this connection cannot renew it.");
      }
    };
  }
}
