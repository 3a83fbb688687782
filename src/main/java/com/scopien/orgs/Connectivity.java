package com.scopien.orgs;

import com.scopien.ScopienException;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.SalesforceException;
import java.util.function.Supplier;

/**
 * Turns "the login host did not answer" into one clear input error, so an admin who typed a wrong
 * URL reads what to check instead of a 503.
 */
final class Connectivity {
  private Connectivity() {}

  /** Checks the login host answers before a browser is sent there. */
  static void probe(OAuthClient oauth, String loginUrl) {
    signIn(
        loginUrl,
        () -> {
          oauth.probe(loginUrl);
          return null;
        });
  }

  /** Runs a sign-in, rewording a failure to reach {@code loginUrl}. */
  static <T> T signIn(String loginUrl, Supplier<T> call) {
    try {
      return call.get();
    } catch (SalesforceException e) {
      if (e.httpStatus() == 0 && e.kind() != ScopienException.Kind.INVALID_INPUT) {
        throw new ScopienException(
            ScopienException.Kind.INVALID_INPUT,
            "login_unreachable",
            e.getMessage()
                + " Check the login URL ("
                + loginUrl
                + ") and that this server can reach it.",
            e);
      }
      throw e;
    }
  }
}
