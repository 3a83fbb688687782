package com.scopien.web;

import com.scopien.security.ApiKeyAuthenticator;
import com.scopien.security.Role;
import com.scopien.security.User;
import java.util.Map;
import java.util.Optional;

/** Knows a fixed set of keys, one per role the tests need. */
final class FakeApiKeyAuthenticator implements ApiKeyAuthenticator {

  static final String ADMIN_KEY = "sk-admin-0123456789abcdef";
  static final String GUEST_KEY = "sk-guest-fedcba9876543210";
  static final String USER_KEY = "sk-user-00112233445566778";
  static final User ADMIN = new User("u-1", "Ada Admin", "ada@acme.com", Role.ADMIN);
  static final User GUEST = new User("u-2", "Gus Guest", "gus@acme.com", Role.GUEST);
  static final User USER = new User("u-3", "Uma User", "uma@acme.com", Role.USER);

  private final Map<String, User> users =
      Map.of(ADMIN_KEY, ADMIN, GUEST_KEY, GUEST, USER_KEY, USER);

  @Override
  public Optional<User> authenticate(String apiKey) {
    return Optional.ofNullable(users.get(apiKey));
  }
}
