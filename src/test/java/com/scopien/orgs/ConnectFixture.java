package com.scopien.orgs;

import com.scopien.config.Secret;
import com.scopien.localorg.LocalOrg;
import com.scopien.localorg.LocalOrgOptions;
import com.scopien.salesforce.ClientOptions;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.SalesforceClients;
import com.scopien.security.AuditLog;
import com.scopien.security.FieldSecurity;
import com.scopien.security.KeyProvider;
import com.scopien.security.Redactor;
import com.scopien.security.Role;
import com.scopien.security.TokenCipher;
import com.scopien.security.User;
import com.scopien.security.UserService;
import com.scopien.store.Database;
import com.scopien.testing.MutableClock;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The orgs services as the composition root builds them, on a test database, with two small local
 * orgs (production and sandbox of Acme) reached over HTTP, a movable clock and two users.
 */
final class ConnectFixture implements AutoCloseable {
  static final String CALLBACK = "http://127.0.0.1:7070/oauth/callback";

  final LocalOrg production =
      LocalOrg.start(LocalOrgOptions.production().withScale(new LocalOrgOptions.Scale(0.005)));
  final LocalOrg sandbox =
      LocalOrg.start(LocalOrgOptions.sandbox().withScale(new LocalOrgOptions.Scale(0.01)));
  final MutableClock clock = new MutableClock(Instant.now());
  final HttpClient http = SalesforceClients.newHttpClient();
  final OAuthClient oauth = new OAuthClient(http, clock, Duration.ofSeconds(10));
  final BrowserAtTheOrg browser = new BrowserAtTheOrg();

  Database database;
  SecretSealer sealer;
  UserService users;
  AuditLog audit;
  OrgService orgs;
  OrgConnections connections;
  User admin;
  User manager;

  /** Builds the services on {@code db}, once per database (each engine run has its own). */
  void openOnce(Database db) {
    if (db == database) {
      return;
    }
    database = db;
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    TokenCipher cipher =
        new TokenCipher(KeyProvider.fromBase64(Secret.of(Base64.getEncoder().encodeToString(key))));
    sealer =
        new SecretSealer() {
          @Override
          public String seal(String plaintext, String orgId) {
            return cipher.encrypt(plaintext, orgId);
          }

          @Override
          public String open(String sealed, String orgId) {
            return cipher.decrypt(sealed, orgId);
          }
        };
    users = new UserService(db.jdbc(), clock);
    audit = new AuditLog(db.jdbc(), FieldSecurity.defaults(), Redactor.standard(), clock);
    orgs =
        new OrgService(
            db.jdbc(),
            sealer,
            oauth,
            http,
            ClientOptions.defaults(),
            UsageRecorder.NONE,
            audit,
            clock);
    connections = new OrgConnections(orgs, db.jdbc(), users);
    admin = users.createUser("Ada Admin", unique("ada"), Role.ADMIN);
    manager = users.createUser("Max Manager", unique("max"), Role.MANAGER);
  }

  static String unique(String who) {
    return who + "-" + UUID.randomUUID() + "@example.test";
  }

  /** A fresh org name, since the database is shared by the tests of one engine. */
  static String name(String base) {
    return base + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  AuthorizationRequest request(String name, Environment environment, LocalOrg org) {
    return new AuthorizationRequest(
        name,
        environment,
        org.baseUrl(),
        "scopien-local",
        Optional.of(Secret.of("scopien-local-secret")),
        CALLBACK);
  }

  /** Starts a sign-in, approves it at the org and completes the callback. */
  ConnectOutcome signIn(AuthorizationRequest request) {
    AuthorizationStart start = connections.startAuthorization(admin, request);
    var callback = browser.approve(start.authorizeUrl());
    return connections.completeAuthorization(
        callback.get("state"), callback.get("code"), null, null);
  }

  OrgStore.SealedSecrets secrets(String orgId) {
    return orgs.store().secrets(orgId);
  }

  Secret open(String sealed, String orgId) {
    return Secret.of(sealer.open(sealed, orgId));
  }

  @Override
  public void close() {
    production.close();
    sandbox.close();
  }
}
