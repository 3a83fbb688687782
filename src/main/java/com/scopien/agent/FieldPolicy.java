package com.scopien.agent;

import com.scopien.security.FieldSecurity;
import com.scopien.security.Role;

/**
 * Which fields (and, for Guests, which objects) a role may never read, filter on or write through
 * the assistant: the security package's field-level security, seen from the agent.
 */
@FunctionalInterface
interface FieldPolicy {
  boolean hidden(Role role, String object, String field);

  /** True when the role may not read the object at all (Guests outside what admins opened). */
  default boolean objectHidden(Role role, String object) {
    return false;
  }

  static FieldPolicy of(FieldSecurity security) {
    return new FieldPolicy() {
      @Override
      public boolean hidden(Role role, String object, String field) {
        return !security.isVisible(role, object, field);
      }

      @Override
      public boolean objectHidden(Role role, String object) {
        return !security.isObjectVisible(role, object);
      }
    };
  }
}
