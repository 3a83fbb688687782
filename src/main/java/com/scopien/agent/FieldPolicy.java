package com.scopien.agent;

import com.scopien.security.FieldSecurity;
import com.scopien.security.Role;

/**
 * Which fields a role may never read, filter on or write through the assistant: the security
 * package's field-level security, seen from the agent.
 */
@FunctionalInterface
interface FieldPolicy {
  boolean hidden(Role role, String object, String field);

  static FieldPolicy of(FieldSecurity security) {
    return (role, object, field) -> !security.isVisible(role, object, field);
  }
}
