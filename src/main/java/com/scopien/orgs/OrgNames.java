package com.scopien.orgs;

import com.scopien.ScopienException;

/** The one rule for what an org may be called in Scopien. */
final class OrgNames {
  private OrgNames() {}

  /**
   * The name, trimmed.
   *
   * @throws ScopienException INVALID_INPUT {@code invalid_org_name}
   */
  static String requireValid(String name) {
    if (name == null || !name.trim().matches("[\\p{L}\\p{N} ._'()-]{1,120}")) {
      throw ScopienException.invalid(
          "invalid_org_name",
          "An org name needs 1 to 120 letters, digits, spaces or . _ ' ( ) - characters.");
    }
    return name.trim();
  }
}
