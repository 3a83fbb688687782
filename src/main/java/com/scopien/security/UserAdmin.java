package com.scopien.security;

import com.scopien.ScopienException;
import com.scopien.store.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Users and API keys as people manage them, through the API and the CLI: who may do what is decided
 * here, not in the routes. Admins manage everyone; every user may read themselves and list, create
 * and revoke their own keys. Every change is written to the {@link AuditLog} in the same
 * transaction as the change; bad input is refused with every problem listed and changes nothing.
 *
 * <p>The last active admin can be neither demoted nor deactivated. Deactivating a user stops their
 * keys at once ({@link UserService#authenticate} refuses them); reactivating lets them work again.
 * Thread-safe.
 */
public final class UserAdmin {

  /**
   * What {@code POST /api/users} and {@code users add} ask for; {@code role} is the lower-case
   * name.
   */
  public record NewUser(String email, String name, String role, String managerId) {}

  /**
   * A change to a user; null fields stay as they are. {@code managerGiven} with a null {@code
   * managerId} removes the manager.
   */
  public record Change(
      String name, String role, boolean managerGiven, String managerId, Boolean active) {}

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final int MAX_KEY_NAME = 100;

  private final Jdbc jdbc;
  private final UserService users;
  private final UserStore store;
  private final AuditLog audit;
  private final AccessPolicy access = new AccessPolicy();
  private final Clock clock;

  public UserAdmin(Jdbc jdbc, UserService users, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.users = users;
    this.store = new UserStore(jdbc);
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Creates a user (admins).
   *
   * @throws ScopienException FORBIDDEN; INVALID_INPUT {@code invalid_user} listing every problem;
   *     CONFLICT {@code email_taken}
   */
  public UserProfile create(User actor, NewUser request) {
    requireAdmin(actor);
    List<String> problems = new ArrayList<>();
    String name = checkName(request.name(), problems, true);
    String email = checkEmail(request.email(), problems);
    Role role = checkRole(request.role(), problems, true);
    checkManager(null, request.managerId(), problems);
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
    if (users.findByEmail(email).isPresent()) {
      throw emailTaken();
    }
    return jdbc.inTransaction(
        () -> {
          User user = users.createUser(name, email, role);
          if (request.managerId() != null) {
            store.setManager(user.id(), request.managerId());
          }
          UserProfile created = users.profile(user.id()).orElseThrow();
          audit.record(actor, "user.create", "user", user.id(), null, null, describe(created));
          return created;
        });
  }

  /** Every user (admins). */
  public List<UserProfile> list(User actor) {
    requireAdmin(actor);
    return users.profiles();
  }

  /**
   * One user: admins see anyone, others only themselves.
   *
   * @throws ScopienException NOT_FOUND {@code unknown_user} (also for someone else's id)
   */
  public UserProfile get(User actor, String userId) {
    requireSelfOrAdmin(actor, userId);
    return users.profile(userId).orElseThrow(UserAdmin::unknownUser);
  }

  /** The user with this email (admins), for the command line. */
  public UserProfile byEmail(User actor, String email) {
    requireAdmin(actor);
    return users
        .findByEmail(email)
        .flatMap(u -> users.profile(u.id()))
        .orElseThrow(
            () -> ScopienException.notFound("unknown_user", "There is no user with that email."));
  }

  /**
   * Changes a user's name, role, manager or state (admins).
   *
   * @throws ScopienException FORBIDDEN; NOT_FOUND {@code unknown_user}; INVALID_INPUT {@code
   *     invalid_user} listing every problem; CONFLICT {@code last_admin}
   */
  public UserProfile update(User actor, String userId, Change change) {
    requireAdmin(actor);
    UserProfile before = users.profile(userId).orElseThrow(UserAdmin::unknownUser);
    List<String> problems = new ArrayList<>();
    String name = checkName(change.name(), problems, false);
    Role role = checkRole(change.role(), problems, false);
    if (change.managerGiven()) {
      checkManager(userId, change.managerId(), problems);
    }
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
    boolean losesAdmin =
        before.user().role() == Role.ADMIN
            && before.active()
            && ((role != null && role != Role.ADMIN) || Boolean.FALSE.equals(change.active()));
    return jdbc.inTransaction(
        () -> {
          if (losesAdmin && store.activeAdmins() <= 1) {
            throw new ScopienException(
                ScopienException.Kind.CONFLICT,
                "last_admin",
                "This is the last active admin; make another user an admin first.");
          }
          if (name != null) {
            store.setName(userId, name);
          }
          if (role != null) {
            store.setRole(userId, role);
          }
          if (change.managerGiven()) {
            store.setManager(userId, change.managerId());
          }
          if (change.active() != null && change.active() != before.active()) {
            store.setActive(userId, change.active(), clock.instant());
          }
          UserProfile after = users.profile(userId).orElseThrow();
          String action =
              change.active() == null || change.active() == before.active()
                  ? "user.update"
                  : (change.active() ? "user.reactivate" : "user.deactivate");
          audit.record(actor, action, "user", userId, null, describe(before), describe(after));
          return after;
        });
  }

  /**
   * Issues a key for {@code userId}: admins for anyone, others for themselves.
   *
   * @throws ScopienException NOT_FOUND {@code unknown_user}; INVALID_INPUT {@code invalid_key}
   *     listing every problem (a name too long, an expiry not in the future)
   */
  public UserService.IssuedKey issueKey(User actor, String userId, String name, Instant expiresAt) {
    requireSelfOrAdmin(actor, userId);
    UserProfile owner = users.profile(userId).orElseThrow(UserAdmin::unknownUser);
    List<String> problems = new ArrayList<>();
    String keyName = name == null ? null : name.strip();
    if (keyName != null && (keyName.isEmpty() || keyName.length() > MAX_KEY_NAME)) {
      problems.add("'name' must be 1 to " + MAX_KEY_NAME + " characters");
    }
    if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
      problems.add("'expiresAt' must be in the future");
    }
    if (!owner.active()) {
      problems.add("the user is deactivated; reactivate them first");
    }
    if (!problems.isEmpty()) {
      throw ScopienException.invalid(
          "invalid_key", "The key was not created: " + String.join("; ", problems) + ".");
    }
    return jdbc.inTransaction(
        () -> {
          UserService.IssuedKey key = users.issueKey(userId, keyName, expiresAt);
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("keyId", key.id());
          after.put("prefix", key.prefix());
          after.put("name", keyName);
          after.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
          audit.record(actor, "api_key.create", "user", userId, null, null, after);
          return key;
        });
  }

  /** The keys of {@code userId}, never the keys themselves: admins for anyone, others their own. */
  public List<UserService.ApiKeyInfo> keys(User actor, String userId) {
    requireSelfOrAdmin(actor, userId);
    users.profile(userId).orElseThrow(UserAdmin::unknownUser);
    return users.keysOf(userId);
  }

  /**
   * Revokes one of {@code userId}'s keys at once: admins for anyone, others their own.
   *
   * @throws ScopienException NOT_FOUND {@code unknown_api_key} when the user has no such key
   */
  public void revokeKey(User actor, String userId, String keyId) {
    requireSelfOrAdmin(actor, userId);
    boolean theirs =
        keyId != null && store.findKey(keyId).map(k -> k.userId().equals(userId)).orElse(false);
    if (!theirs) {
      throw ScopienException.notFound("unknown_api_key", "This user has no API key with this id.");
    }
    jdbc.inTransaction(
        () -> {
          if (store.revokeKey(keyId, clock.instant()) > 0) {
            audit.record(
                actor, "api_key.revoke", "user", userId, null, Map.of("keyId", keyId), null);
          }
        });
  }

  private void requireAdmin(User actor) {
    if (actor == null || !access.canAdminister(actor.role())) {
      throw ScopienException.forbidden(
          "forbidden", "Only admins manage users; ask an admin to make this change.");
    }
  }

  /** Someone else's id answers as an unknown user, so ids cannot be probed. */
  private void requireSelfOrAdmin(User actor, String userId) {
    if (actor == null) {
      throw unknownUser();
    }
    if (!access.canAdminister(actor.role()) && !actor.id().equals(userId)) {
      throw unknownUser();
    }
  }

  private static String checkName(String name, List<String> problems, boolean required) {
    if (name == null) {
      if (required) {
        problems.add("'name' is required");
      }
      return null;
    }
    String trimmed = name.strip();
    if (trimmed.isEmpty() || trimmed.length() > 200) {
      problems.add("'name' must be 1 to 200 characters");
    } else if (trimmed.chars().anyMatch(Character::isISOControl)) {
      problems.add("'name' must not hold control characters");
    }
    return trimmed;
  }

  private static String checkEmail(String email, List<String> problems) {
    if (email == null || email.isBlank()) {
      problems.add("'email' is required");
      return null;
    }
    String normalised = email.trim().toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(normalised).matches() || normalised.length() > 320) {
      problems.add("'email' is not a valid email address");
    }
    return normalised;
  }

  private static Role checkRole(String role, List<String> problems, boolean required) {
    if (role == null) {
      if (required) {
        problems.add("'role' is required: admin, manager, user or guest");
      }
      return null;
    }
    for (Role r : Role.values()) {
      if (r.name().equalsIgnoreCase(role.trim())) {
        return r;
      }
    }
    problems.add("'role' must be admin, manager, user or guest");
    return null;
  }

  private void checkManager(String userId, String managerId, List<String> problems) {
    if (managerId == null) {
      return;
    }
    Optional<UserProfile> manager = users.profile(managerId);
    if (manager.isEmpty()) {
      problems.add("'managerId' names no user");
      return;
    }
    if (!manager.get().active()) {
      problems.add("'managerId' names a deactivated user");
    }
    if (userId == null) {
      return;
    }
    Set<String> seen = new HashSet<>();
    String next = managerId;
    while (next != null && seen.add(next)) {
      if (next.equals(userId)) {
        problems.add("'managerId' would make a cycle: a user cannot be managed by their own team");
        return;
      }
      next = users.profile(next).map(UserProfile::managerId).orElse(null);
    }
  }

  private static Map<String, Object> describe(UserProfile p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", p.user().name());
    out.put("email", p.user().email());
    out.put("role", p.user().role().name().toLowerCase(Locale.ROOT));
    out.put("managerId", p.managerId());
    out.put("active", p.active());
    return out;
  }

  private static ScopienException invalid(List<String> problems) {
    return ScopienException.invalid(
        "invalid_user", "The user was not saved: " + String.join("; ", problems) + ".");
  }

  private static ScopienException emailTaken() {
    return new ScopienException(
        ScopienException.Kind.CONFLICT,
        "email_taken",
        "A user with this email already exists; change that user instead.");
  }

  private static ScopienException unknownUser() {
    return ScopienException.notFound("unknown_user", "There is no user with this id.");
  }
}
