package com.scopien.orgs;

import java.util.Locale;
import java.util.Optional;

/** Whether a connected org is a production org or a sandbox. */
public enum Environment {
  PRODUCTION,
  SANDBOX;

  /** The lower-case wire name used in the API and the tool arguments. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code production}, {@code prod}, {@code sandbox}, {@code sbx}, any case. */
  public static Optional<Environment> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "production", "prod", "live" -> Optional.of(PRODUCTION);
      case "sandbox", "sbx" -> Optional.of(SANDBOX);
      default -> Optional.empty();
    };
  }
}
