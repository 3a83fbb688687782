package com.scopien.config;

import java.util.Objects;

/**
 * A secret value (API key, client secret, token). Its {@code toString()} never shows the value, so
 * a secret printed by accident in a log or an error message stays hidden.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value);
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The real value; call only where it is sent or hashed, never where it is shown. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "******";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s
        && java.security.MessageDigest.isEqual(
            s.value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
