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
    name = OrgNames.requireValid(name);
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
