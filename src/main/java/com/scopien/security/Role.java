package com.scopien.security;

/** What a user may do, from most to least. */
public enum Role {
  /** Full access to all data, orgs and settings. */
  ADMIN,
  /** Reads and writes the team's data. */
  MANAGER,
  /** Reads and writes their own data. */
  USER,
  /** Reads a limited set of data; never writes. */
  GUEST;

  /** True when this role is at least as strong as {@code other}. */
  public boolean atLeast(Role other) {
    return ordinal() <= other.ordinal();
  }
}
