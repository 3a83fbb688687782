package com.scopien.security;

import com.scopien.ScopienException;
import java.util.Locale;

/**
 * What each role may do, at the level of roles: guests read only the objects and fields an admin
 * opened to guests ({@link GuestAccess}, checked by {@link FieldSecurity}) and never write, users
 * read and write their own records, managers their team's, admins everything, including settings
 * and connected orgs. Which records are "own" or "team" (Salesforce {@code OwnerId} against the
 * user's Salesforce user and the users below it by {@code ManagerId}) is decided by the caller from
 * {@link #scope(Role)}.
 *
 * <p>Checks throw {@code FORBIDDEN/forbidden} with a message that says which role is needed. A null
 * role is treated as having no rights. Stateless and thread-safe.
 */
public final class AccessPolicy {

  /** Whose records a role may act on. */
  public enum Scope {
    /** Only records the user owns. */
    OWN,
    /** Records of the user and of the users they manage. */
    TEAM,
    /** Every record. */
    ALL
  }

  /** True for every role: everyone may read (within their scope). */
  public boolean canRead(Role role) {
    return role != null;
  }

  /** True for users, managers and admins; guests never write. */
  public boolean canWrite(Role role) {
    return role != null && role.atLeast(Role.USER);
  }

  /** True only for admins: orgs, mappings, schedules, users and keys. */
  public boolean canAdminister(Role role) {
    return role == Role.ADMIN;
  }

  /** Whose records {@code role} may act on. */
  public Scope scope(Role role) {
    if (role == null) {
      return Scope.OWN;
    }
    return switch (role) {
      // Guests write nothing (canWrite) and read only what GuestAccess opens, in every record.
      case ADMIN, GUEST -> Scope.ALL;
      case MANAGER -> Scope.TEAM;
      case USER -> Scope.OWN;
    };
  }

  /**
   * Returns when {@code actual} is at least {@code needed}.
   *
   * @throws ScopienException {@code FORBIDDEN/forbidden} otherwise
   */
  public void require(Role actual, Role needed) {
    if (actual == null || !actual.atLeast(needed)) {
      throw ScopienException.forbidden(
          "forbidden",
          "This needs the "
              + name(needed)
              + " role or higher; "
              + (actual == null ? "you have no role." : "you have the " + name(actual) + " role."));
    }
  }

  /**
   * Returns when {@code actual} may write.
   *
   * @throws ScopienException {@code FORBIDDEN/forbidden} for guests and a null role
   */
  public void requireWrite(Role actual) {
    if (!canWrite(actual)) {
      throw ScopienException.forbidden(
          "forbidden",
          "Your role can read but not change records; ask an admin for the user role to make changes.");
    }
  }

  private static String name(Role role) {
    return role.name().toLowerCase(Locale.ROOT);
  }
}
