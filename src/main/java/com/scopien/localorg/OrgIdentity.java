package com.scopien.localorg;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Who this org is: its Id, the demo user's Id and login, the flavour, and its base URL (known only
 * once the server listens, hence set later). The base URL plays both the login host and the
 * instance URL.
 */
final class OrgIdentity {

  private final String orgId;
  private final String userId;
  private final LocalOrgOptions options;
  private final AtomicReference<String> baseUrl = new AtomicReference<>();

  OrgIdentity(String orgId, String userId, LocalOrgOptions options) {
    this.orgId = orgId;
    this.userId = userId;
    this.options = options;
  }

  String orgId() {
    return orgId;
  }

  String userId() {
    return userId;
  }

  LocalOrgOptions options() {
    return options;
  }

  boolean sandbox() {
    return options.flavour() == LocalOrgOptions.Flavour.SANDBOX;
  }

  String baseUrl() {
    String url = baseUrl.get();
    if (url == null) {
      throw new IllegalStateException("the server is not listening yet");
    }
    return url;
  }

  void listeningAt(String url) {
    baseUrl.set(url);
  }

  /** The demo user's Id when the login is right; usernames ignore case, passwords do not. */
  Optional<String> authenticate(String username, String password) {
    boolean userOk = username != null && username.trim().equalsIgnoreCase(options.username());
    boolean passwordOk =
        password != null
            && MessageDigest.isEqual(
                password.getBytes(StandardCharsets.UTF_8),
                options.password().getBytes(StandardCharsets.UTF_8));
    return userOk && passwordOk ? Optional.of(userId) : Optional.empty();
  }

  /**
   * The Id of the active User whose Username matches (ignoring case) when the password is the demo
   * password: on the authorize page every demo user shares the demo user's password.
   */
  Optional<String> authenticateAnyUser(String username, String password, RecordStore store) {
    if (username == null
        || password == null
        || !MessageDigest.isEqual(
            password.getBytes(StandardCharsets.UTF_8),
            options.password().getBytes(StandardCharsets.UTF_8))) {
      return Optional.empty();
    }
    String wanted = username.trim();
    return store.rows(store.schema().get("User")).stream()
        .filter(u -> u.get("Username") instanceof String name && name.equalsIgnoreCase(wanted))
        .filter(u -> Boolean.TRUE.equals(u.get("IsActive")))
        .map(StoredRecord::id)
        .findFirst();
  }

  /** The identity URL of a user, as token replies give it in {@code id}. */
  String identityUrl(String user) {
    return baseUrl() + "/id/" + orgId + "/" + user;
  }
}
