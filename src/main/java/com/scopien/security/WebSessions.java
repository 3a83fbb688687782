package com.scopien.security;

import com.scopien.store.Jdbc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Browser sessions after a person signs in. A session id is 256 random bits handed to the browser
 * once; only its SHA-256 is stored, with the user, when it was created and when it was last seen. A
 * session ends after {@code idle} without a request, after {@code absolute} in any case, at
 * sign-out, and at once when its user is deactivated (checked on every request).
 *
 * <p>The CSRF token of a session is derived from its id (SHA-256 of a fixed label and the id), so
 * it is bound to the session, needs no storage, and cannot be computed without the session id.
 */
public final class WebSessions {

  /** The defaults: 8 hours without a request, 7 days in any case. */
  public static final Duration DEFAULT_IDLE = Duration.ofHours(8);

  public static final Duration DEFAULT_ABSOLUTE = Duration.ofDays(7);

  /** last_seen_at is written at most this often per session, so a request stays one read. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private static final int MAX_ID_LENGTH = 100;

  /** A session just opened: the id goes into the cookie, the CSRF token to the page. */
  public record Opened(String sessionId, String csrfToken, Instant expiresAt) {}

  /** A live session: who, and the CSRF token requests that change something must carry. */
  public record Live(User user, String csrfToken) {}

  private final Jdbc jdbc;
  private final UserService users;
  private final Clock clock;
  private final SecureRandom random;
  private final Duration idle;
  private final Duration absolute;

  public WebSessions(
      Jdbc jdbc,
      UserService users,
      Clock clock,
      SecureRandom random,
      Duration idle,
      Duration absolute) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.users = Objects.requireNonNull(users, "users");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.idle = Objects.requireNonNull(idle, "idle");
    this.absolute = Objects.requireNonNull(absolute, "absolute");
  }

  public WebSessions(Jdbc jdbc, UserService users, Clock clock) {
    this(jdbc, users, clock, new SecureRandom(), DEFAULT_IDLE, DEFAULT_ABSOLUTE);
  }

  /** How long a session may go without a request. */
  public Duration idle() {
    return idle;
  }

  /** Opens a session for {@code user} (signed in through {@code orgId}, may be null). */
  public Opened open(User user, String orgId) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    // Sessions nobody presents again are swept here, so the table does not grow without end.
    jdbc.update(
        "DELETE FROM web_sessions WHERE last_seen_at <= ? OR created_at <= ?",
        now.minus(idle),
        now.minus(absolute));
    jdbc.update(
        "INSERT INTO web_sessions (id_hash, user_id, org_id, created_at, last_seen_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        hash(id),
        user.id(),
        orgId,
        now,
        now);
    return new Opened(id, csrfToken(id), now.plus(absolute));
  }

  /**
   * The session's user while the session lives and the user is active; touches last-seen. A dead
   * session is deleted on the way.
   */
  public Optional<Live> find(String sessionId) {
    if (sessionId == null || sessionId.isEmpty() || sessionId.length() > MAX_ID_LENGTH) {
      return Optional.empty();
    }
    String key = hash(sessionId);
    Optional<Row> row =
        jdbc.queryOne(
            "SELECT user_id, created_at, last_seen_at FROM web_sessions WHERE id_hash = ?",
            rs ->
                new Row(
                    rs.getString("user_id"),
                    Jdbc.instant(rs, "created_at"),
                    Jdbc.instant(rs, "last_seen_at")),
            key);
    if (row.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    boolean expired =
        !now.isBefore(row.get().createdAt().plus(absolute))
            || !now.isBefore(row.get().lastSeenAt().plus(idle));
    Optional<User> user = expired ? Optional.empty() : users.findActive(row.get().userId());
    if (user.isEmpty()) {
      jdbc.update("DELETE FROM web_sessions WHERE id_hash = ?", key);
      return Optional.empty();
    }
    if (!now.isBefore(row.get().lastSeenAt().plus(TOUCH_EVERY))) {
      jdbc.update("UPDATE web_sessions SET last_seen_at = ? WHERE id_hash = ?", now, key);
    }
    return Optional.of(new Live(user.get(), csrfToken(sessionId)));
  }

  /** Ends a session; returns its user's id when there was one. */
  public Optional<String> end(String sessionId) {
    if (sessionId == null || sessionId.isEmpty() || sessionId.length() > MAX_ID_LENGTH) {
      return Optional.empty();
    }
    String key = hash(sessionId);
    Optional<String> userId =
        jdbc.queryOne(
            "SELECT user_id FROM web_sessions WHERE id_hash = ?", rs -> rs.getString(1), key);
    jdbc.update("DELETE FROM web_sessions WHERE id_hash = ?", key);
    return userId;
  }

  /** Ends every session of a user (deactivation); returns how many there were. */
  public int endAllOf(String userId) {
    return jdbc.update("DELETE FROM web_sessions WHERE user_id = ?", userId);
  }

  /**
   * Whether {@code presented} is the CSRF token of {@code sessionId}, compared in constant time.
   */
  public static boolean csrfMatches(String sessionId, String presented) {
    return sessionId != null
        && presented != null
        && MessageDigest.isEqual(
            csrfToken(sessionId).getBytes(StandardCharsets.UTF_8),
            presented.getBytes(StandardCharsets.UTF_8));
  }

  private static String csrfToken(String sessionId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(sha256("scopien-csrf:" + sessionId));
  }

  private static String hash(String sessionId) {
    return HexFormat.of().formatHex(sha256(sessionId));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  private record Row(String userId, Instant createdAt, Instant lastSeenAt) {}
}
