package com.scopien.orgs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import com.scopien.config.Secret;
import com.scopien.security.AuditLog;
import com.scopien.store.DatabaseTestBase;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The browser sign-in (authorization code with PKCE) against local orgs over HTTP, on H2 and
 * PostgreSQL: what a good sign-in stores, and that every bad one stores nothing.
 */
class BrowserSignInTest extends DatabaseTestBase {

  private ConnectFixture fx;

  @BeforeAll
  void start() {
    fx = new ConnectFixture();
  }

  @BeforeEach
  void services() {
    fx.openOnce(database);
  }

  @AfterAll
  void stop() {
    fx.close();
  }

  @Test
  void theAuthorizeUrlCarriesPkceAndAStateAndTheStateIsNotStoredInClear() {
    AuthorizationStart start =
        fx.connections.startAuthorization(
            fx.admin, fx.request(ConnectFixture.name("Url"), Environment.SANDBOX, fx.sandbox));

    URI url = URI.create(start.authorizeUrl());
    Map<String, String> query = BrowserAtTheOrg.query(url.getRawQuery());
    assertThat(url.toString()).startsWith(fx.sandbox.baseUrl() + "/services/oauth2/authorize?");
    assertThat(query)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", "scopien-local")
        .containsEntry("redirect_uri", ConnectFixture.CALLBACK)
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("scope", "api refresh_token id");
    assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(43);
    assertThat(query.get("code_challenge")).hasSize(43);
    assertThat(start.expiresAt()).isEqualTo(fx.clock.instant().plus(Duration.ofMinutes(10)));
    List<String> stored =
        jdbc()
            .query(
                "SELECT state_hash, verifier_enc, client_secret_enc FROM org_connect_requests"
                    + " WHERE id = ?",
                row -> row.getString(1) + " " + row.getString(2) + " " + row.getString(3),
                start.requestId());
    assertThat(stored).singleElement().asString().doesNotContain(query.get("state"));
    assertThat(stored.get(0)).doesNotContain("scopien-local-secret");
  }

  @Test
  void aGoodSignInStoresTheOrgWithItsFactsAndSealedTokens() {
    String name = ConnectFixture.name("Acme UAT");
    ConnectOutcome outcome = fx.signIn(fx.request(name, Environment.SANDBOX, fx.sandbox));

    assertThat(outcome.status()).isEqualTo(ConnectOutcome.Status.CONNECTED);
    Org org = outcome.org();
    assertThat(org.name()).isEqualTo(name);
    assertThat(org.environment()).isEqualTo(Environment.SANDBOX);
    assertThat(org.organizationName()).isEqualTo("Acme Corporation");
    assertThat(org.edition()).isEqualTo("Enterprise Edition");
    assertThat(org.username()).isEqualTo("john.doe@acme.com");
    assertThat(org.status()).isEqualTo(OrgStatus.ACTIVE);
    assertThat(org.instanceUrl()).isEqualTo(fx.sandbox.baseUrl());
    assertThat(org.salesforceOrgId()).isEqualTo(fx.sandbox.orgId());
    assertThat(fx.orgs.list()).contains(org);
    assertThat(fx.connections.org(fx.admin, org.id())).isEqualTo(org);

    OrgStore.SealedSecrets secrets = fx.secrets(org.id());
    assertThat(fx.open(secrets.refreshToken(), org.id()).reveal()).startsWith("5Aep861");
    assertThat(secrets.refreshToken()).doesNotContain("5Aep861");
    assertThat(fx.open(secrets.accessToken(), org.id()).reveal())
        .startsWith(fx.sandbox.orgId().substring(0, 15) + "!");
    assertThat(secrets.accessToken()).doesNotContain("!");
    assertThat(fx.orgs.client(org).query("SELECT Id FROM Account LIMIT 2").records()).hasSize(2);

    assertThat(fx.connections.outcome(fx.admin, outcome.requestId())).isEqualTo(outcome);
    AuditLog.Entry entry = lastAudit();
    assertThat(entry.action()).isEqualTo("org.connect");
    assertThat(entry.actorUserId()).isEqualTo(fx.admin.id());
    assertThat(entry.after())
        .containsEntry("name", name)
        .containsEntry("flow", "REFRESH_TOKEN")
        .containsEntry("username", "john.doe@acme.com");
  }

  @Test
  void aStateWorksOnceAndItsOutcomeOnlyForItsAdmin() {
    AuthorizationStart start =
        fx.connections.startAuthorization(
            fx.admin, fx.request(ConnectFixture.name("Once"), Environment.SANDBOX, fx.sandbox));
    Map<String, String> callback = fx.browser.approve(start.authorizeUrl());
    assertThat(
            fx.connections
                .completeAuthorization(callback.get("state"), callback.get("code"), null, null)
                .status())
        .isEqualTo(ConnectOutcome.Status.CONNECTED);
    int orgs = fx.orgs.list().size();

    assertRefused(
        () ->
            fx.connections.completeAuthorization(
                callback.get("state"), callback.get("code"), null, null),
        "state_used");
    assertRefused(
        () -> fx.connections.completeAuthorization("forged-state", "code", null, null),
        "invalid_state");
    assertRefused(
        () -> fx.connections.completeAuthorization(null, "code", null, null), "invalid_state");
    var other = fx.users.createUser("Other Admin", ConnectFixture.unique("o"), fx.admin.role());
    assertThatThrownBy(() -> fx.connections.outcome(other, start.requestId()))
        .isInstanceOfSatisfying(
            ScopienException.class, e -> assertThat(e.code()).isEqualTo("unknown_connect_request"));
    assertThat(fx.orgs.list()).hasSize(orgs);
  }

  @Test
  void anExpiredStateStoresNothing() {
    String name = ConnectFixture.name("Slow");
    AuthorizationStart start =
        fx.connections.startAuthorization(
            fx.admin, fx.request(name, Environment.SANDBOX, fx.sandbox));
    Map<String, String> callback = fx.browser.approve(start.authorizeUrl());
    fx.clock.advance(Duration.ofMinutes(10).plusSeconds(1));

    ConnectOutcome outcome =
        fx.connections.completeAuthorization(
            callback.get("state"), callback.get("code"), null, null);

    assertFailed(outcome, "expired_state", name);
    assertThat(outcome.message()).contains("10 minutes");
  }

  @Test
  void aRefusalAtTheOrgStoresNothing() {
    String name = ConnectFixture.name("Denied");
    AuthorizationStart start =
        fx.connections.startAuthorization(
            fx.admin, fx.request(name, Environment.SANDBOX, fx.sandbox));
    Map<String, String> callback = fx.browser.deny(start.authorizeUrl());

    ConnectOutcome outcome =
        fx.connections.completeAuthorization(
            callback.get("state"),
            callback.get("code"),
            callback.get("error"),
            callback.get("error_description"));

    assertFailed(outcome, "access_denied", name);
    assertThat(outcome.message()).contains("end-user denied authorization");
  }

  @Test
  void anEnvironmentThatDoesNotMatchStoresNothing() {
    String name = ConnectFixture.name("Mismatch");
    ConnectOutcome outcome = fx.signIn(fx.request(name, Environment.PRODUCTION, fx.sandbox));

    assertFailed(outcome, "environment_mismatch", name);
    assertThat(outcome.message()).contains("sandbox").contains("production");
    AuditLog.Entry entry = lastAudit();
    assertThat(entry.action()).isEqualTo("org.connect_failed");
    assertThat(entry.after()).containsEntry("error", "environment_mismatch");
  }

  @Test
  void aWrongClientSecretStoresNothing() {
    String name = ConnectFixture.name("Wrong secret");
    AuthorizationRequest request =
        new AuthorizationRequest(
            name,
            Environment.PRODUCTION,
            fx.production.baseUrl(),
            "scopien-local",
            Optional.of(Secret.of("not-the-secret")),
            ConnectFixture.CALLBACK);

    ConnectOutcome outcome = fx.signIn(request);

    assertFailed(outcome, "salesforce_invalid_client", name);
    assertThat(outcome.message()).contains("invalid client credentials");
  }

  @Test
  void aNameAlreadyTakenIsRefusedAtTheStartAndAtTheCallback() {
    String name = ConnectFixture.name("Twice");
    AuthorizationStart first =
        fx.connections.startAuthorization(
            fx.admin, fx.request(name, Environment.SANDBOX, fx.sandbox));
    AuthorizationStart second =
        fx.connections.startAuthorization(
            fx.admin, fx.request(name.toUpperCase(), Environment.SANDBOX, fx.sandbox));
    Map<String, String> one = fx.browser.approve(first.authorizeUrl());
    Map<String, String> two = fx.browser.approve(second.authorizeUrl());
    fx.connections.completeAuthorization(one.get("state"), one.get("code"), null, null);

    ConnectOutcome late =
        fx.connections.completeAuthorization(two.get("state"), two.get("code"), null, null);

    assertThat(late.status()).isEqualTo(ConnectOutcome.Status.FAILED);
    assertThat(late.errorCode()).isEqualTo("org_name_taken");
    assertThat(fx.orgs.list().stream().filter(o -> o.name().equalsIgnoreCase(name))).hasSize(1);
    assertRefused(
        () ->
            fx.connections.startAuthorization(
                fx.admin, fx.request(name, Environment.SANDBOX, fx.sandbox)),
        "org_name_taken");
  }

  @Test
  void unsafeOrUnreachableLoginUrlsAreRefusedBeforeTheBrowserLeaves() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    int before = requestCount();
    assertRefused(
        () -> fx.connections.startAuthorization(fx.admin, withLogin("http://acme.example.com")),
        "salesforce_invalid_login_url");
    assertRefused(
        () ->
            fx.connections.startAuthorization(
                fx.admin, withLogin("http://127.0.0.1:" + closedPort)),
        "login_unreachable");
    assertThat(requestCount()).isEqualTo(before);
  }

  @Test
  void onlyAnAdminMayStartASignIn() {
    assertRefused(
        () ->
            fx.connections.startAuthorization(
                fx.manager,
                fx.request(ConnectFixture.name("Nope"), Environment.SANDBOX, fx.sandbox)),
        "admin_only");
  }

  @Test
  void productionAndSandboxWithoutAUrlUseSalesforcesLoginHosts() {
    AuthorizationRequest production =
        new AuthorizationRequest(
            "P", Environment.PRODUCTION, " ", "id", Optional.empty(), ConnectFixture.CALLBACK);
    AuthorizationRequest sandbox =
        new AuthorizationRequest(
            "S", Environment.SANDBOX, null, "id", Optional.empty(), ConnectFixture.CALLBACK);

    assertThat(production.loginUrl()).isEqualTo("https://login.salesforce.com");
    assertThat(sandbox.loginUrl()).isEqualTo("https://test.salesforce.com");
  }

  private AuthorizationRequest withLogin(String url) {
    return new AuthorizationRequest(
        ConnectFixture.name("Bad url"),
        Environment.SANDBOX,
        url,
        "scopien-local",
        Optional.empty(),
        ConnectFixture.CALLBACK);
  }

  private int requestCount() {
    return jdbc()
        .queryOne("SELECT COUNT(*) FROM org_connect_requests", row -> row.getInt(1))
        .orElseThrow();
  }

  private void assertFailed(ConnectOutcome outcome, String code, String name) {
    assertThat(outcome.status()).isEqualTo(ConnectOutcome.Status.FAILED);
    assertThat(outcome.errorCode()).isEqualTo(code);
    assertThat(outcome.org()).isNull();
    assertThat(fx.orgs.list()).noneMatch(o -> o.name().equals(name));
    assertThat(fx.connections.outcome(fx.admin, outcome.requestId()).status())
        .isEqualTo(ConnectOutcome.Status.FAILED);
  }

  private AuditLog.Entry lastAudit() {
    return fx.audit.recent(1).get(0);
  }

  private static void assertRefused(Runnable call, String code) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(ScopienException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
