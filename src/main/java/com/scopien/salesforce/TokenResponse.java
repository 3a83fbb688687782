package com.scopien.salesforce;

import com.scopien.config.Secret;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful token reply. There is no expiry: Salesforce sends none, and a session lasts until it
 * answers {@code 401 INVALID_SESSION_ID}.
 *
 * @param refreshToken present only when the {@code refresh_token} scope was granted; after a
 *     refresh it is the new token when Salesforce rotated it, else the one used
 * @param instanceUrl where REST calls go (never the login host)
 * @param idUrl the identity URL, {@code https://login.salesforce.com/id/{orgId}/{userId}}
 * @param issuedAt from {@code issued_at} (epoch milliseconds, sent as a string)
 * @param scope the granted scopes, space-separated, or null
 */
public record TokenResponse(
    Secret accessToken,
    Optional<Secret> refreshToken,
    String instanceUrl,
    String idUrl,
    Instant issuedAt,
    String scope) {

  public TokenResponse {
    Objects.requireNonNull(accessToken, "accessToken");
    refreshToken = refreshToken == null ? Optional.empty() : refreshToken;
    Objects.requireNonNull(instanceUrl, "instanceUrl");
    Objects.requireNonNull(issuedAt, "issuedAt");
  }

  /** The session REST calls use. */
  public Session session() {
    return new Session(accessToken, instanceUrl);
  }

  /** The 18-character org Id taken from the identity URL. */
  public Optional<String> orgId() {
    return idSegment(0);
  }

  /** The 18-character user Id taken from the identity URL. */
  public Optional<String> userId() {
    return idSegment(1);
  }

  TokenResponse withRefreshToken(Secret token) {
    return new TokenResponse(accessToken, Optional.of(token), instanceUrl, idUrl, issuedAt, scope);
  }

  /** Segment {@code index} after {@code /id/} in the identity URL. */
  private Optional<String> idSegment(int index) {
    int at = idUrl == null ? -1 : idUrl.lastIndexOf("/id/");
    if (at < 0) {
      return Optional.empty();
    }
    String[] parts = idUrl.substring(at + 4).split("[/?#]");
    return parts.length > index && !parts[index].isEmpty()
        ? Optional.of(parts[index])
        : Optional.empty();
  }
}
