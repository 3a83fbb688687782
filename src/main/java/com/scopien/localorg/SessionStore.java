package com.scopien.localorg;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens, refresh tokens and authorisation codes of one org. Access tokens look like
 * Salesforce's ({@code <15-char org id>!<opaque>}) and die after an idle timeout that each use
 * renews; revoking a refresh token kills every access token minted from it; codes are single-use
 * and live 15 minutes. Tokens are random (not derived from the demo seed). Thread-safe.
 */
final class SessionStore {

  /** What an access token stands for. */
  record Session(String userId, String clientId, String scope, String refreshToken) {}

  /** What a refresh token stands for. */
  record RefreshGrant(String userId, String clientId, String scope) {}

  /** An authorisation code waiting to be exchanged. */
  record AuthCode(
      String clientId,
      String redirectUri,
      String codeChallenge,
      String userId,
      String scope,
      Instant issuedAt) {}

  static final Duration CODE_LIFETIME = Duration.ofMinutes(15);

  private final SecureRandom random = new SecureRandom();
  private final String orgId15;
  private final Clock clock;
  private final Duration idleTimeout;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, Instant> lastUsed = new ConcurrentHashMap<>();
  private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, AuthCode> codes = new ConcurrentHashMap<>();

  SessionStore(String orgId18, Clock clock, Duration idleTimeout) {
    this.orgId15 = orgId18.substring(0, 15);
    this.clock = clock;
    this.idleTimeout = idleTimeout;
  }

  String openSession(String userId, String clientId, String scope, String refreshToken) {
    String token = orgId15 + "!AQ" + randomText(94);
    sessions.put(token, new Session(userId, clientId, scope, refreshToken));
    lastUsed.put(token, clock.instant());
    return token;
  }

  /** The live session of the token, renewing its idle timer; empty when unknown or expired. */
  Optional<Session> touch(String accessToken) {
    if (accessToken == null) {
      return Optional.empty();
    }
    Session session = sessions.get(accessToken);
    Instant used = lastUsed.get(accessToken);
    if (session == null || used == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (!now.isBefore(used.plus(idleTimeout))) {
      sessions.remove(accessToken);
      lastUsed.remove(accessToken);
      return Optional.empty();
    }
    lastUsed.put(accessToken, now);
    return Optional.of(session);
  }

  String newRefreshToken(String userId, String clientId, String scope) {
    String token = "5Aep861" + randomText(80);
    refreshTokens.put(token, new RefreshGrant(userId, clientId, scope));
    return token;
  }

  Optional<RefreshGrant> refreshGrant(String token) {
    return token == null ? Optional.empty() : Optional.ofNullable(refreshTokens.get(token));
  }

  String issueCode(AuthCode code) {
    String value = "aPrx" + randomText(60);
    codes.put(value, code);
    return value;
  }

  /** Takes the code out for good (codes are single-use), if it exists and has not expired. */
  Optional<AuthCode> redeemCode(String code) {
    AuthCode found = code == null ? null : codes.remove(code);
    if (found == null || !clock.instant().isBefore(found.issuedAt().plus(CODE_LIFETIME))) {
      return Optional.empty();
    }
    return Optional.of(found);
  }

  /** Revokes an access or refresh token; false when the token is not known. */
  boolean revoke(String token) {
    if (token == null) {
      return false;
    }
    if (refreshTokens.remove(token) != null) {
      sessions.entrySet().removeIf(e -> token.equals(e.getValue().refreshToken()));
      lastUsed.keySet().retainAll(sessions.keySet());
      return true;
    }
    lastUsed.remove(token);
    return sessions.remove(token) != null;
  }

  /** Ends every access token at once (refresh tokens stay valid), as a session timeout would. */
  void expireAllSessions() {
    sessions.clear();
    lastUsed.clear();
  }

  private String randomText(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(SalesforceIds.BASE62.charAt(random.nextInt(62)));
    }
    return out.toString();
  }
}
