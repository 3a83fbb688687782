package com.scopien.security;

import java.util.Optional;

/** Finds the user an API key belongs to. Keys are stored hashed; comparison is constant-time. */
public interface ApiKeyAuthenticator {

  /** The key's user, or empty for an unknown, revoked or malformed key. */
  Optional<User> authenticate(String apiKey);
}
