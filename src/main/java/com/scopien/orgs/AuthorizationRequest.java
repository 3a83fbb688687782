package com.scopien.orgs;

import com.scopien.ScopienException;
import com.scopien.config.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * What an admin asks for with "Connect Salesforce": the org's name in Scopien, the environment, the
 * login URL (blank means Salesforce's generic host for the environment; a My Domain URL otherwise),
 * the connected app's client id and, when the app requires it, its secret, and the callback URL the
 * org sends the browser back to (it must be registered on the app).
 */
public record AuthorizationRequest(
    String name,
    Environment environment,
    String loginUrl,
    String clientId,
    Optional<Secret> clientSecret,
    String redirectUri) {

  public AuthorizationRequest {
    Objects.requireNonNull(environment, "environment");
    name = OrgNames.requireValid(name);
    if (clientId == null || clientId.isBlank()) {
      throw ScopienException.invalid(
          "missing_client_id", "Give the connected app's client id (its consumer key).");
    }
    clientId = clientId.trim();
    clientSecret =
        clientSecret == null
            ? Optional.empty()
            : clientSecret.filter(secret -> !secret.reveal().isBlank());
    loginUrl = LoginHosts.orDefault(loginUrl, environment);
    if (redirectUri == null || !redirectUri.matches("https?://[^\\s#?]+")) {
      throw ScopienException.invalid(
          "invalid_redirect_uri", "The callback URL must be an absolute http(s) URL.");
    }
  }
}
