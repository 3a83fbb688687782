package com.scopien.web;

import com.scopien.security.Role;
import com.scopien.security.User;
import io.javalin.security.RouteRole;

/**
 * The least a caller must be to use a route. Every route is registered with one, and {@link
 * ApiKeyAuthHandler} checks it once before the handler runs, so handlers hold no access checks.
 * Finer rules (who may write which record) live in the services, shared by every channel.
 */
enum Access implements RouteRole {
  /** No API key needed: the health check and the UI's own files. */
  PUBLIC(null),
  /** Any signed-in user, Guest included. */
  ANY_USER(Role.GUEST),
  /**
   * Users, managers and admins: what Guests never see (API usage, sync runs, errors, health,
   * settings, mappings, conflicts) and record changes.
   */
  MEMBER(Role.USER),
  /** Managers and admins: starting and stopping syncs. */
  MANAGER(Role.MANAGER),
  /** Admins only: sync settings, object selection, field mappings, and every change to orgs. */
  ADMIN(Role.ADMIN);

  private final Role minimum;

  Access(Role minimum) {
    this.minimum = minimum;
  }

  boolean isPublic() {
    return minimum == null;
  }

  boolean allows(User user) {
    return isPublic() || (user != null && user.role().atLeast(minimum));
  }
}
