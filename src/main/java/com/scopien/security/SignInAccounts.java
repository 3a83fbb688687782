package com.scopien.security;

import com.scopien.ScopienException;
import com.scopien.store.Jdbc;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds or creates the Scopien user of a person who signed in with Salesforce, and links them to
 * their Salesforce user in that org (the same {@code org_user_links} row an admin sets with {@code
 * PUT /api/orgs/{id}/users/{userId}}), so "own data" and "team data" follow Salesforce ownership.
 *
 * <p>In order: the user already linked to this Salesforce user in this org; else the user with the
 * same email (Salesforce verified it), then linked; else a new user with the admin's default role.
 * A deactivated user is refused, and an admin account is opened only through a link an admin set,
 * never by email alone (whoever administers a connected org can set a user's email).
 */
public final class SignInAccounts {

  /** A Salesforce user as the org's identity service named them. */
  public record SalesforcePerson(String userId, String username, String name, String email) {}

  private final Jdbc jdbc;
  private final UserService users;
  private final SignInSettings settings;
  private final AuditLog audit;
  private final Clock clock;

  public SignInAccounts(
      Jdbc jdbc, UserService users, SignInSettings settings, AuditLog audit, Clock clock) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.users = Objects.requireNonNull(users, "users");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The active Scopien user for {@code person} in {@code orgId}.
   *
   * @throws ScopienException FORBIDDEN {@code user_deactivated}; INVALID_INPUT {@code
   *     invalid_identity} when Salesforce named no usable email
   */
  public User userFor(String orgId, SalesforcePerson person) {
    return jdbc.inTransaction(
        () -> {
          Optional<User> linked =
              jdbc.queryOne(
                      "SELECT user_id FROM org_user_links WHERE org_id = ? AND salesforce_user_id = ?",
                      rs -> rs.getString(1),
                      orgId,
                      person.userId())
                  .flatMap(users::find);
          if (linked.isPresent()) {
            return requireActive(linked.get());
          }
          String email = person.email() != null ? person.email() : person.username();
          Optional<User> byEmail = users.findByEmail(email);
          User user;
          if (byEmail.isPresent()) {
            user = requireActive(byEmail.get());
            if (user.role() == Role.ADMIN) {
              throw ScopienException.forbidden(
                  "admin_link_required",
                  "Your Scopien account is an admin account, which a matching email alone does not"
                      + " open. Another admin must first link it to your Salesforce user (PUT"
                      + " /api/orgs/{id}/users/{userId}).");
            }
          } else {
            String name =
                person.name() == null || person.name().isBlank() ? email : person.name().trim();
            user = users.createUser(name, email, settings.defaultRole());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("email", user.email());
            after.put("name", user.name());
            after.put("role", user.role().name().toLowerCase(Locale.ROOT));
            after.put("salesforceUserId", person.userId());
            audit.record(null, "user.create", "user", user.id(), orgId, null, after);
          }
          link(orgId, user.id(), person.userId());
          return user;
        });
  }

  private void link(String orgId, String userId, String salesforceUserId) {
    jdbc.update("DELETE FROM org_user_links WHERE org_id = ? AND user_id = ?", orgId, userId);
    jdbc.update(
        "INSERT INTO org_user_links (org_id, user_id, salesforce_user_id, linked_at)"
            + " VALUES (?, ?, ?, ?)",
        orgId,
        userId,
        salesforceUserId,
        clock.instant());
  }

  private User requireActive(User user) {
    return users
        .findActive(user.id())
        .orElseThrow(
            () ->
                ScopienException.forbidden(
                    "user_deactivated",
                    "Your Scopien account is deactivated; ask an admin to reactivate it."));
  }
}
