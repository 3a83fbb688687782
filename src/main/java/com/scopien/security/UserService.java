package com.scopien.security;

import com.scopien.ScopienException;
import com.scopien.config.Secret;
import com.scopien.store.Jdbc;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users, their roles and teams, and their API keys.
 *
 * <p>API keys ({@code scp_} + 43 base62 characters) are shown once, when issued, and stored only as
 * a SHA-256 hash with a short display prefix. {@link #authenticate} looks a key up by its hash,
 * compares in constant time and refuses revoked and expired keys and the keys of deactivated users;
 * it returns empty, never throws, for any malformed input.
 *
 * <p>Failures: {@code INVALID_INPUT} for bad names, emails or ids ({@code invalid_user}), {@code
 * CONFLICT/email_taken}, {@code NOT_FOUND/unknown_user} and {@code NOT_FOUND/unknown_api_key}.
 * Thread-safe; every method joins the caller's {@link Jdbc} transaction when there is one.
 */
public final class UserService implements ApiKeyAuthenticator {

  /** A newly issued key. {@code key} is the only copy: show it once, never store or log it. */
  public record IssuedKey(String id, String userId, String prefix, Secret key) {}

  /**
   * What is known about a key without the key itself.
   *
   * @param name what its owner called it; null for keys made before keys had names
   * @param expiresAt when it stops working, or null
   * @param lastUsedAt when it last authenticated a request (to the minute), or null
   */
  public record ApiKeyInfo(
      String id,
      String prefix,
      Instant createdAt,
      Instant revokedAt,
      String name,
      Instant expiresAt,
      Instant lastUsedAt) {
    public boolean active() {
      return revokedAt == null;
    }
  }

  static final String BOOTSTRAP_ADMIN_NAME = "Administrator";
  static final String BOOTSTRAP_ADMIN_EMAIL = "admin@scopien.local";

  private static final Logger log = LoggerFactory.getLogger(UserService.class);
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

  private final Jdbc jdbc;
  private final UserStore store;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public UserService(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.store = new UserStore(jdbc);
    this.clock = clock;
  }

  /**
   * Creates a user. The email is trimmed and lower-cased; it must be unique.
   *
   * @throws ScopienException {@code INVALID_INPUT/invalid_user} or {@code CONFLICT/email_taken}
   */
  public User createUser(String name, String email, Role role) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw ScopienException.invalid("invalid_user", "A user needs a name of 1 to 200 characters");
    }
    String normalised = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(normalised).matches() || normalised.length() > 320) {
      throw ScopienException.invalid("invalid_user", "A user needs a valid email address");
    }
    if (role == null) {
      throw ScopienException.invalid("invalid_user", "A user needs a role");
    }
    User user = new User(Jdbc.newId(), name.trim(), normalised, role);
    try {
      store.insertUser(user, clock.instant());
    } catch (ScopienException e) {
      if ("duplicate_key".equals(e.code())) {
        throw new ScopienException(
            ScopienException.Kind.CONFLICT,
            "email_taken",
            "A user with this email already exists",
            e);
      }
      throw e;
    }
    return user;
  }

  public Optional<User> find(String userId) {
    return userId == null ? Optional.empty() : store.findUser(userId);
  }

  public Optional<User> findByEmail(String email) {
    return email == null
        ? Optional.empty()
        : store.findUserByEmail(email.trim().toLowerCase(Locale.ROOT));
  }

  /**
   * The user with this id while they are active; empty for a deactivated user. For channels that
   * identify people without an API key (Slack), so that deactivation stops them too.
   */
  public Optional<User> findActive(String userId) {
    return profile(userId).filter(UserProfile::active).map(UserProfile::user);
  }

  /** The active user with this email, as {@link #findActive}. */
  public Optional<User> findActiveByEmail(String email) {
    return findByEmail(email).flatMap(u -> findActive(u.id()));
  }

  /** Every user, oldest first. */
  public List<User> list() {
    return store.listUsers();
  }

  /**
   * Puts {@code userId} in the team of {@code managerId}, or in no team when it is null.
   *
   * @throws ScopienException {@code NOT_FOUND/unknown_user}, or {@code INVALID_INPUT/invalid_user}
   *     when a user would manage themselves
   */
  public void assignManager(String userId, String managerId) {
    if (userId != null && userId.equals(managerId)) {
      throw ScopienException.invalid("invalid_user", "A user cannot manage themselves");
    }
    if (managerId != null) {
      requireUser(managerId);
    }
    if (store.setManager(userId, managerId) == 0) {
      throw unknownUser();
    }
  }

  /** The users whose manager is {@code managerId}. */
  public List<User> teamOf(String managerId) {
    return store.team(managerId);
  }

  /**
   * Issues a new API key for {@code userId}; its other keys stay valid.
   *
   * @throws ScopienException {@code NOT_FOUND/unknown_user}
   */
  public IssuedKey issueKey(String userId) {
    return issueKey(userId, null, null);
  }

  /**
   * Issues a new API key for {@code userId} with a name and an expiry (both may be null); its other
   * keys stay valid. The caller checks the name and that the expiry lies ahead.
   *
   * @throws ScopienException {@code NOT_FOUND/unknown_user}
   */
  public IssuedKey issueKey(String userId, String name, Instant expiresAt) {
    requireUser(userId);
    String key = ApiKeys.generate(random);
    String id = Jdbc.newId();
    String prefix = ApiKeys.displayPrefix(key);
    store.insertKey(
        new UserStore.KeyRow(
            id, userId, hashHex(key), prefix, clock.instant(), null, name, expiresAt, null));
    return new IssuedKey(id, userId, prefix, Secret.of(key));
  }

  /** The keys of {@code userId}, oldest first, revoked ones included. */
  public List<ApiKeyInfo> keysOf(String userId) {
    return store.keysOf(userId).stream()
        .map(
            k ->
                new ApiKeyInfo(
                    k.id(),
                    k.prefix(),
                    k.createdAt(),
                    k.revokedAt(),
                    k.name(),
                    k.expiresAt(),
                    k.lastUsedAt()))
        .toList();
  }

  /** The user with their manager and state, for admins. */
  public Optional<UserProfile> profile(String userId) {
    return userId == null ? Optional.empty() : store.findProfile(userId);
  }

  /** Every user with their manager and state, oldest first. */
  public List<UserProfile> profiles() {
    return store.listProfiles();
  }

  /**
   * Revokes a key at once; revoking a revoked key changes nothing.
   *
   * @throws ScopienException {@code NOT_FOUND/unknown_api_key}
   */
  public void revokeKey(String keyId) {
    if (keyId == null || store.findKey(keyId).isEmpty()) {
      throw ScopienException.notFound("unknown_api_key", "There is no API key with this id");
    }
    store.revokeKey(keyId, clock.instant());
  }

  @Override
  public Optional<User> authenticate(String apiKey) {
    if (!ApiKeys.wellFormed(apiKey)) {
      return Optional.empty();
    }
    byte[] presented = ApiKeys.hash(apiKey);
    Instant now = clock.instant();
    Optional<UserStore.KeyOwner> found =
        store
            .findKeyOwner(HexFormat.of().formatHex(presented))
            .filter(owner -> owner.revokedAt() == null)
            .filter(owner -> owner.expiresAt() == null || now.isBefore(owner.expiresAt()))
            .filter(UserStore.KeyOwner::userActive)
            .filter(
                owner ->
                    MessageDigest.isEqual(presented, HexFormat.of().parseHex(owner.hashHex())));
    found
        .filter(o -> o.lastUsedAt() == null || o.lastUsedAt().isBefore(now.minusSeconds(60)))
        .ifPresent(o -> store.touchKey(o.keyId(), now));
    return found.map(UserStore.KeyOwner::user);
  }

  /**
   * Makes sure someone can administer this instance; call once at start-up. Safe to run on every
   * start and from several instances at once.
   *
   * <ul>
   *   <li>With a configured key: that key authenticates an admin (the oldest admin, or a new
   *       "Administrator" user), even if it had been revoked; configured keys from earlier
   *       configurations are revoked. Returns empty.
   *   <li>Without one, when no admin exists: creates the "Administrator" user with a new key and
   *       returns that key, once, for the caller to print.
   *   <li>Otherwise: changes nothing and returns empty.
   * </ul>
   *
   * @throws ScopienException {@code INVALID_INPUT/weak_admin_key} when the configured key is not 8
   *     to 256 printable characters; {@code CONFLICT/admin_key_in_use} when it is already the key
   *     of a user who is not an admin
   */
  public Optional<Secret> ensureAdmin(Optional<Secret> configuredKey) {
    try {
      return jdbc.inTransaction(() -> ensureAdminOnce(configuredKey));
    } catch (ScopienException e) {
      if (!"duplicate_key".equals(e.code())) {
        throw e;
      }
      // Another instance bootstrapped at the same moment; what it made is now visible.
      return jdbc.inTransaction(() -> ensureAdminOnce(configuredKey));
    }
  }

  private Optional<Secret> ensureAdminOnce(Optional<Secret> configuredKey) {
    if (configuredKey.isPresent()) {
      useConfiguredKey(configuredKey.get().reveal());
      return Optional.empty();
    }
    if (store.oldestAdmin().isPresent()) {
      return Optional.empty();
    }
    User admin = createBootstrapAdmin();
    log.info("Created the bootstrap admin user {}", admin.email());
    return Optional.of(issueKey(admin.id()).key());
  }

  private void useConfiguredKey(String key) {
    if (!ApiKeys.wellFormed(key)) {
      throw ScopienException.invalid(
          "weak_admin_key",
          "The configured admin API key must be 8 to 256 printable characters without spaces");
    }
    String hash = hashHex(key);
    Instant now = clock.instant();
    String keyId;
    Optional<UserStore.KeyRow> existing = store.findKeyByHash(hash);
    if (existing.isPresent()) {
      UserStore.KeyRow row = existing.get();
      if (store.findUser(row.userId()).map(User::role).orElse(null) != Role.ADMIN) {
        throw new ScopienException(
            ScopienException.Kind.CONFLICT,
            "admin_key_in_use",
            "The configured admin API key belongs to a user who is not an admin; choose another");
      }
      if (row.revokedAt() != null) {
        log.warn("The configured admin API key had been revoked; configuration reinstates it");
        store.reinstateKey(row.id());
      }
      keyId = row.id();
    } else {
      User admin = store.oldestAdmin().orElseGet(this::createBootstrapAdmin);
      keyId = Jdbc.newId();
      store.insertKey(
          new UserStore.KeyRow(keyId, admin.id(), hash, ApiKeys.CONFIGURED_LABEL, now, null));
      log.info("The configured admin API key now authenticates {}", admin.email());
    }
    if (store.revokeLabelledExcept(ApiKeys.CONFIGURED_LABEL, keyId, now) > 0) {
      log.info("Revoked the admin API key of an earlier configuration");
    }
  }

  private User createBootstrapAdmin() {
    User admin = new User(Jdbc.newId(), BOOTSTRAP_ADMIN_NAME, BOOTSTRAP_ADMIN_EMAIL, Role.ADMIN);
    store.insertUser(admin, clock.instant());
    return admin;
  }

  private void requireUser(String userId) {
    if (userId == null || store.findUser(userId).isEmpty()) {
      throw unknownUser();
    }
  }

  private static ScopienException unknownUser() {
    return ScopienException.notFound("unknown_user", "There is no user with this id");
  }

  private static String hashHex(String key) {
    return HexFormat.of().formatHex(ApiKeys.hash(key));
  }
}
