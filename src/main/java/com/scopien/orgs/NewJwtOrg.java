package com.scopien.orgs;

import com.scopien.ScopienException;
import com.scopien.config.Secret;
import java.util.Objects;

/**
 * An org to connect with the JWT bearer flow: its name in Scopien, its environment, its login URL,
 * the connected app's client id (consumer key), the username to sign in as (pre-authorised for the
 * app), and the PEM text of the RSA private key whose certificate was uploaded to the app.
 */
public record NewJwtOrg(
    String name,
    Environment environment,
    String loginUrl,
    String clientId,
    String username,
    Secret privateKeyPem) {

  public NewJwtOrg {
    Objects.requireNonNull(environment, "environment");
    name = OrgNames.requireValid(name);
    if (clientId == null || clientId.isBlank()) {
      throw ScopienException.invalid("missing_client_id", "Give the connected app's client id.");
    }
    if (username == null || username.isBlank()) {
      throw ScopienException.invalid(
          "missing_username", "Give the Salesforce username to sign in as.");
    }
    if (privateKeyPem == null || privateKeyPem.reveal().isBlank()) {
      throw ScopienException.invalid(
          "missing_private_key", "Give the connected app's RSA private key (a PEM file).");
    }
    loginUrl = LoginHosts.orDefault(loginUrl, environment);
    clientId = clientId.trim();
    username = username.trim();
  }
}
