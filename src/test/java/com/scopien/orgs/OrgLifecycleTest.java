package com.scopien.orgs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import com.scopien.config.Secret;
import com.scopien.salesforce.OAuthException;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceClients;
import com.scopien.salesforce.SalesforceException;
import com.scopien.salesforce.Session;
import com.scopien.salesforce.SessionProvider;
import com.scopien.security.AuditLog;
import com.scopien.store.DatabaseTestBase;
import com.scopien.testing.RsaTestKeys;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connected org's life after the first sign-in, against local orgs over HTTP on H2 and
 * PostgreSQL: a killed refresh token, disconnect, reconnect (keeping the id), removal, and the
 * non-interactive flows (client credentials, JWT bearer).
 */
class OrgLifecycleTest extends DatabaseTestBase {

  @TempDir Path dir;

  private ConnectFixture fx;
  private RsaTestKeys keys;

  @BeforeAll
  void start() {
    fx = new ConnectFixture();
  }

  @BeforeEach
  void services() {
    fx.openOnce(database);
    if (keys == null) {
      keys = RsaTestKeys.generate(dir);
      fx.sandbox.trustJwtKey(keys.certificatePem());
    }
  }

  @AfterAll
  void stop() {
    fx.close();
  }

  @Test
  void aKilledRefreshTokenMarksTheOrgAndStopsItsUseWithoutRetrying() {
    Org org = browserOrg("Killed");
    SalesforceClient client = fx.orgs.client(org);
    assertThat(client.query("SELECT Id FROM Account LIMIT 1").records()).hasSize(1);
    fx.oauth.revoke(fx.sandbox.baseUrl(), refreshToken(org));

    assertThatThrownBy(() -> client.query("SELECT Id FROM Account LIMIT 1"))
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.needsReauthorization()).isTrue());

    assertThat(fx.orgs.byId(org.id()).orElseThrow().status()).isEqualTo(OrgStatus.NEEDS_REAUTH);
    long calls = fx.sandbox.apiCallsUsed();
    assertThatThrownBy(() -> fx.orgs.client(org))
        .isInstanceOfSatisfying(
            ScopienException.class,
            e -> {
              assertThat(e.code()).isEqualTo("org_unavailable");
              assertThat(e.getMessage()).contains(org.name()).contains("Needs re-authorisation");
            });
    assertThatThrownBy(() -> client.query("SELECT Id FROM Account LIMIT 1"))
        .isInstanceOf(SalesforceException.class);
    assertThat(fx.sandbox.apiCallsUsed()).isLessThanOrEqualTo(calls + 1);
    AuditLog.Entry entry = fx.audit.recent(1).get(0);
    assertThat(entry.action()).isEqualTo("org.needs_reauth");
    assertThat(entry.actorUserId()).isNull();
    assertThat(entry.after()).containsEntry("reason", "invalid_grant");
  }

  @Test
  void reconnectingThroughTheBrowserKeepsTheOrgsIdAndMakesItActive() {
    Org org = browserOrg("Again");
    fx.oauth.revoke(fx.sandbox.baseUrl(), refreshToken(org));
    assertThatThrownBy(() -> fx.orgs.client(org).query("SELECT Id FROM Account LIMIT 1"))
        .isInstanceOf(OAuthException.class);
    String conversation = "conv-" + org.id();
    fx.orgs.switchActiveOrg(conversation, org);

    Reconnection reconnection =
        fx.connections.reconnect(fx.admin, org.id(), ConnectFixture.CALLBACK);
    assertThat(reconnection.org()).isNull();
    Map<String, String> callback = fx.browser.approve(reconnection.authorization().authorizeUrl());
    ConnectOutcome outcome =
        fx.connections.completeAuthorization(
            callback.get("state"), callback.get("code"), null, null);

    assertThat(outcome.status()).isEqualTo(ConnectOutcome.Status.CONNECTED);
    assertThat(outcome.reconnect()).isTrue();
    assertThat(outcome.org().id()).isEqualTo(org.id());
    assertThat(outcome.org().status()).isEqualTo(OrgStatus.ACTIVE);
    assertThat(outcome.org().connectedAt()).isEqualTo(org.connectedAt());
    assertThat(fx.orgs.activeOrg(conversation).id()).isEqualTo(org.id());
    assertThat(fx.orgs.client(org).query("SELECT Id FROM Account LIMIT 1").records()).hasSize(1);
    assertThat(fx.audit.recent(1).get(0).action()).isEqualTo("org.reconnect");
  }

  @Test
  void disconnectingRevokesAtTheOrgForgetsTheTokensAndKeepsTheOrgListed() {
    Org org = browserOrg("Bye");
    Secret access = fx.open(fx.secrets(org.id()).accessToken(), org.id());
    assertThat(rawQueryStatus(access)).isEqualTo(200);

    Disconnection disconnection = fx.connections.disconnect(fx.admin, org.id());

    assertThat(disconnection.tokenRevoked()).isTrue();
    assertThat(disconnection.org().status()).isEqualTo(OrgStatus.DISCONNECTED);
    assertThat(rawQueryStatus(access)).isEqualTo(401);
    OrgStore.SealedSecrets secrets = fx.secrets(org.id());
    assertThat(secrets.accessToken()).isNull();
    assertThat(secrets.refreshToken()).isNull();
    assertThat(fx.orgs.list()).extracting(Org::id).contains(org.id());
    assertThatThrownBy(() -> fx.orgs.client(org))
        .isInstanceOfSatisfying(
            ScopienException.class, e -> assertThat(e.getMessage()).contains("Disconnected"));
    AuditLog.Entry entry = fx.audit.recent(1).get(0);
    assertThat(entry.action()).isEqualTo("org.disconnect");
    assertThat(entry.after())
        .containsEntry("status", "DISCONNECTED")
        .containsEntry("tokenRevoked", true);

    Reconnection again = fx.connections.reconnect(fx.admin, org.id(), ConnectFixture.CALLBACK);
    Map<String, String> callback = fx.browser.approve(again.authorization().authorizeUrl());
    assertThat(
            fx.connections
                .completeAuthorization(callback.get("state"), callback.get("code"), null, null)
                .org()
                .status())
        .isEqualTo(OrgStatus.ACTIVE);
  }

  @Test
  void removingDeletesTheOrgAndFreesItsName() {
    Org org = browserOrg("Gone");
    Secret refresh = refreshToken(org);

    fx.connections.remove(fx.admin, org.id());

    assertThat(fx.orgs.byId(org.id())).isEmpty();
    assertThatThrownBy(() -> fx.oauth.refresh(fx.sandbox.baseUrl(), "scopien-local", null, refresh))
        .isInstanceOf(OAuthException.class);
    assertThat(fx.audit.recent(1).get(0).action()).isEqualTo("org.remove");
    assertThat(fx.signIn(fx.request(org.name(), Environment.SANDBOX, fx.sandbox)).status())
        .isEqualTo(ConnectOutcome.Status.CONNECTED);
  }

  @Test
  void clientCredentialsConnectAndReconnectAtOnce() {
    String name = ConnectFixture.name("Server");
    Org org =
        fx.connections.connectWithClientCredentials(
            fx.admin,
            new NewOrg(
                name,
                Environment.PRODUCTION,
                fx.production.baseUrl(),
                "scopien-local",
                Secret.of("scopien-local-secret"),
                false));

    assertThat(org.organizationName()).isEqualTo("Acme Corporation");
    assertThat(org.environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(fx.orgs.client(org).query("SELECT Id FROM Lead LIMIT 1").records()).hasSize(1);
    assertThat(fx.audit.recent(1).get(0).after()).containsEntry("flow", "CLIENT_CREDENTIALS");

    fx.connections.disconnect(fx.admin, org.id());
    Reconnection reconnection =
        fx.connections.reconnect(fx.admin, org.id(), ConnectFixture.CALLBACK);
    assertThat(reconnection.authorization()).isNull();
    assertThat(reconnection.org().status()).isEqualTo(OrgStatus.ACTIVE);
    assertThat(fx.orgs.client(org).query("SELECT Id FROM Lead LIMIT 1").records()).hasSize(1);
  }

  @Test
  void clientCredentialsRefuseBadInputAndStoreNothing() {
    int before = fx.orgs.list().size();
    assertRefused(
        () ->
            fx.connections.connectWithClientCredentials(
                fx.admin, newOrg(fx.production.baseUrl(), "wrong", Environment.PRODUCTION)),
        "salesforce_invalid_client");
    assertRefused(
        () ->
            fx.connections.connectWithClientCredentials(
                fx.admin,
                newOrg(fx.sandbox.baseUrl(), "scopien-local-secret", Environment.PRODUCTION)),
        "environment_mismatch");
    assertRefused(
        () ->
            fx.connections.connectWithClientCredentials(
                fx.admin,
                newOrg("http://127.0.0.1:1", "scopien-local-secret", Environment.PRODUCTION)),
        "login_unreachable");
    assertRefused(
        () ->
            fx.connections.connectWithClientCredentials(
                fx.admin, newOrg("http://acme.example.com", "x", Environment.PRODUCTION)),
        "salesforce_invalid_login_url");
    assertRefused(
        () ->
            fx.connections.connectWithClientCredentials(
                fx.manager,
                newOrg(fx.production.baseUrl(), "scopien-local-secret", Environment.PRODUCTION)),
        "admin_only");
    assertThat(fx.orgs.list()).hasSize(before);
  }

  @Test
  void aJwtBearerOrgSignsInAgainWhenItsSessionEnds() {
    Org org =
        fx.connections.connectWithJwt(
            fx.admin,
            new NewJwtOrg(
                ConnectFixture.name("Jwt"),
                Environment.SANDBOX,
                fx.sandbox.baseUrl(),
                "scopien-local",
                "john.doe@acme.com",
                Secret.of(keys.privateKeyPem())));
    SalesforceClient client = fx.orgs.client(org);
    assertThat(client.query("SELECT Id FROM Account LIMIT 1").records()).hasSize(1);
    assertThat(fx.secrets(org.id()).privateKey()).isNotNull().doesNotContain("PRIVATE KEY");

    fx.sandbox.expireSessions();

    assertThat(client.query("SELECT Id FROM Account LIMIT 1").records()).hasSize(1);
    assertThat(fx.orgs.byId(org.id()).orElseThrow().status()).isEqualTo(OrgStatus.ACTIVE);
    assertRefused(
        () ->
            fx.connections.connectWithJwt(
                fx.admin,
                new NewJwtOrg(
                    ConnectFixture.name("Jwt bad"),
                    Environment.SANDBOX,
                    fx.sandbox.baseUrl(),
                    "scopien-local",
                    "john.doe@acme.com",
                    Secret.of(keys.certificatePem()))),
        "salesforce_invalid_private_key");
  }

  @Test
  void onlyAnAdminMayChangeAnOrg() {
    Org org = browserOrg("Guarded");
    assertRefused(() -> fx.connections.disconnect(fx.manager, org.id()), "admin_only");
    assertRefused(() -> fx.connections.remove(fx.manager, org.id()), "admin_only");
    assertRefused(
        () -> fx.connections.reconnect(fx.manager, org.id(), ConnectFixture.CALLBACK),
        "admin_only");
    assertRefused(() -> fx.connections.org(fx.manager, org.id()), "admin_only");
    assertThat(fx.orgs.byId(org.id()).orElseThrow().status()).isEqualTo(OrgStatus.ACTIVE);
    assertRefused(() -> fx.connections.disconnect(fx.admin, "no-such-org"), "unknown_org");
  }

  private Org browserOrg(String base) {
    ConnectOutcome outcome =
        fx.signIn(fx.request(ConnectFixture.name(base), Environment.SANDBOX, fx.sandbox));
    assertThat(outcome.status()).as(outcome.message()).isEqualTo(ConnectOutcome.Status.CONNECTED);
    return outcome.org();
  }

  private NewOrg newOrg(String url, String secret, Environment environment) {
    return new NewOrg(
        ConnectFixture.name("Cc"), environment, url, "scopien-local", Secret.of(secret), false);
  }

  private Secret refreshToken(Org org) {
    return fx.open(fx.secrets(org.id()).refreshToken(), org.id());
  }

  private int rawQueryStatus(Secret access) {
    try {
      SalesforceClients.create(
              fx.http, SessionProvider.fixed(new Session(access, fx.sandbox.baseUrl())))
          .query("SELECT Id FROM Account LIMIT 1");
      return 200;
    } catch (SalesforceException e) {
      return e.httpStatus();
    }
  }

  private static void assertRefused(Runnable call, String code) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(ScopienException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
