package com.scopien.orgs;

import com.scopien.ScopienException;
import com.scopien.config.Secret;
import java.util.Objects;

/**
 * An org to connect with the client credentials flow: its name in Scopien, which environment it is,
 * its login URL (the My Domain), and the connected app's id and secret.
 */
public record NewOrg(
    String name,
    Environment environment,
    String loginUrl,
    String clientId,
    Secret clientSecret,
    boolean demo) {

  public NewOrg {
    Objects.requireNonNull(environment, "environment");
    if (name == null || !name.trim().matches("[\\p{L}\\p{N} ._'-]{1,120}")) {
      throw ScopienException.invalid(
          "invalid_org_name",
          "An org name needs 1 to 120 letters, digits, spaces or . _ ' - characters.");
    }
    name = name.trim();
    if (clientId == null || clientId.isBlank()) {
      throw ScopienException.invalid("missing_client_id", "Give the connected app's client id.");
    }
    if (clientSecret == null || clientSecret.reveal().isBlank()) {
      throw ScopienException.invalid(
          "missing_client_secret", "Give the connected app's client secret.");
    }
    if (loginUrl == null || loginUrl.isBlank()) {
      throw ScopienException.invalid("missing_login_url", "Give the org's login URL.");
    }
    loginUrl = loginUrl.trim().replaceAll("/+$", "");
  }
}
