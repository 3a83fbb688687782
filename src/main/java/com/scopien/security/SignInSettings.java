package com.scopien.security;

import com.scopien.ScopienException;
import com.scopien.store.Jdbc;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an admin sets for "Sign in with Salesforce": the role a person gets the first time they sign
 * in ({@code user} unless changed; never {@code admin}, so no sign-in makes an admin).
 */
public final class SignInSettings {

  private static final String DEFAULT_ROLE = "default_role";

  private final Jdbc jdbc;
  private final AuditLog audit;
  private final Clock clock;

  public SignInSettings(Jdbc jdbc, AuditLog audit, Clock clock) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The role of people signing in for the first time. */
  public Role defaultRole() {
    return jdbc.queryOne(
            "SELECT setting_value FROM auth_settings WHERE setting_name = ?",
            rs -> rs.getString(1),
            DEFAULT_ROLE)
        .map(v -> Role.valueOf(v.toUpperCase(Locale.ROOT)))
        .orElse(Role.USER);
  }

  /**
   * Sets the default role (admins only; {@code guest}, {@code user} or {@code manager}).
   *
   * @throws ScopienException FORBIDDEN for others; INVALID_INPUT {@code invalid_setting}
   */
  public Role setDefaultRole(User actor, String role) {
    if (actor == null || actor.role() != Role.ADMIN) {
      throw ScopienException.forbidden("forbidden", "Only an admin may change sign-in settings.");
    }
    Role wanted = parse(role);
    Role before = defaultRole();
    jdbc.inTransaction(
        () -> {
          jdbc.update("DELETE FROM auth_settings WHERE setting_name = ?", DEFAULT_ROLE);
          jdbc.update(
              "INSERT INTO auth_settings (setting_name, setting_value, updated_at) VALUES (?, ?, ?)",
              DEFAULT_ROLE,
              wanted.name().toLowerCase(Locale.ROOT),
              clock.instant());
        });
    audit.record(
        actor,
        "auth.settings",
        "auth_settings",
        DEFAULT_ROLE,
        null,
        Map.of("defaultRole", before.name().toLowerCase(Locale.ROOT)),
        Map.of("defaultRole", wanted.name().toLowerCase(Locale.ROOT)));
    return wanted;
  }

  private static Role parse(String role) {
    String text = role == null ? "" : role.trim().toUpperCase(Locale.ROOT);
    for (Role r : Role.values()) {
      if (r != Role.ADMIN && r.name().equals(text)) {
        return r;
      }
    }
    throw ScopienException.invalid(
        "invalid_setting",
        "defaultRole must be one of guest, user or manager (sign-in never makes an admin).");
  }
}
