package com.scopien.localorg;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * The demo connected app: consumer key and secret and its registered callbacks. With no callbacks
 * registered, any http callback on localhost or 127.0.0.1 is accepted, so demo mode works on any
 * port.
 */
final class ConnectedApp {

  /** The scopes the app is configured with; granted when a request names none. */
  static final String DEFAULT_SCOPE = "api refresh_token id";

  private final String clientId;
  private final String clientSecret;
  private final List<String> redirectUris;

  ConnectedApp(String clientId, String clientSecret, List<String> redirectUris) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.redirectUris = List.copyOf(redirectUris);
  }

  String clientId() {
    return clientId;
  }

  String clientSecret() {
    return clientSecret;
  }

  boolean isClient(String id) {
    return clientId.equals(id);
  }

  /** Constant-time comparison, so the secret cannot be guessed byte by byte from timings. */
  boolean secretMatches(String secret) {
    return secret != null
        && MessageDigest.isEqual(
            secret.getBytes(StandardCharsets.UTF_8), clientSecret.getBytes(StandardCharsets.UTF_8));
  }

  boolean allowsRedirect(String uri) {
    if (uri == null || uri.isBlank()) {
      return false;
    }
    if (!redirectUris.isEmpty()) {
      return redirectUris.contains(uri);
    }
    try {
      URI parsed = URI.create(uri);
      String host = parsed.getHost();
      return ("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()))
          && ("localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
