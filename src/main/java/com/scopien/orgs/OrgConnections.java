package com.scopien.orgs;

import com.scopien.ScopienException;
import com.scopien.config.Secret;
import com.scopien.salesforce.RsaKeys;
import com.scopien.salesforce.TokenResponse;
import com.scopien.security.Role;
import com.scopien.security.User;
import com.scopien.security.UserService;
import com.scopien.store.Jdbc;
import java.security.SecureRandom;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How admins connect, reconnect, disconnect and remove orgs: the browser flow for the web UI (see
 * {@link OrgAdmin}), and the non-interactive flows for servers and the CLI (client credentials, JWT
 * bearer). Every method checks the caller is an admin and writes the audit log. Thread-safe.
 *
 * <p>Disconnecting keeps the org, marked {@link OrgStatus#DISCONNECTED} with its tokens revoked and
 * forgotten, so it can be reconnected under the same id; removing deletes it.
 */
public final class OrgConnections implements OrgAdmin {
  private static final Logger log = LoggerFactory.getLogger(OrgConnections.class);

  private final OrgService orgs;
  private final OrgWriter writer;
  private final BrowserSignIn browser;

  public OrgConnections(OrgService orgs, Jdbc jdbc, UserService users) {
    this.orgs = orgs;
    this.writer = new OrgWriter(orgs);
    this.browser =
        new BrowserSignIn(orgs, new ConnectRequests(jdbc), users, new SecureRandom(), orgs.clock());
  }

  @Override
  public AuthorizationStart startAuthorization(User admin, AuthorizationRequest request) {
    requireAdmin(admin);
    return browser.start(admin, request, null);
  }

  @Override
  public ConnectOutcome completeAuthorization(
      String state, String code, String error, String errorDescription) {
    return browser.complete(state, code, error, errorDescription);
  }

  @Override
  public ConnectOutcome outcome(User admin, String requestId) {
    requireAdmin(admin);
    return browser.outcome(admin, requestId);
  }

  @Override
  public Org org(User admin, String orgId) {
    requireAdmin(admin);
    return stored(orgId).org();
  }

  /**
   * Connects an org with the client credentials flow (the app's "Run As" user).
   *
   * @throws ScopienException CONFLICT {@code org_name_taken}; INVALID_INPUT for an unsafe or
   *     unreachable login URL, a wrong client id or secret, or {@code environment_mismatch}
   */
  public Org connectWithClientCredentials(User admin, NewOrg request) {
    requireAdmin(admin);
    return audited(
        admin,
        request.name(),
        request.environment(),
        () -> {
          orgs.requireFreeName(request.name());
          TokenResponse token =
              Connectivity.signIn(
                  request.loginUrl(),
                  () ->
                      orgs.oauth()
                          .clientCredentials(
                              request.loginUrl(), request.clientId(), request.clientSecret()));
          return writer.save(
              admin,
              new OrgWriter.Target(request.name(), request.environment(), request.loginUrl(), null),
              new OrgWriter.Credentials(
                  OrgStore.AuthFlow.CLIENT_CREDENTIALS,
                  request.clientId(),
                  request.clientSecret(),
                  null,
                  null),
              token);
        });
  }

  /**
   * Connects an org with the JWT bearer flow, as {@code request.username()}.
   *
   * @throws ScopienException as {@link #connectWithClientCredentials}, and INVALID_INPUT {@code
   *     invalid_private_key} for a key that cannot be read
   */
  public Org connectWithJwt(User admin, NewJwtOrg request) {
    requireAdmin(admin);
    return audited(
        admin,
        request.name(),
        request.environment(),
        () -> {
          orgs.requireFreeName(request.name());
          RsaKeys.privateKey(request.privateKeyPem().reveal());
          TokenResponse token = jwtSignIn(request.loginUrl(), request, request.environment());
          return writer.save(
              admin,
              new OrgWriter.Target(request.name(), request.environment(), request.loginUrl(), null),
              new OrgWriter.Credentials(
                  OrgStore.AuthFlow.JWT_BEARER,
                  request.clientId(),
                  null,
                  request.username(),
                  request.privateKeyPem()),
              token);
        });
  }

  @Override
  public Reconnection reconnect(User admin, String orgId, String redirectUri) {
    requireAdmin(admin);
    OrgStore.StoredOrg stored = stored(orgId);
    Org org = stored.org();
    OrgStore.SealedSecrets secrets = orgs.store().secrets(org.id());
    Secret clientSecret = open(secrets.clientSecret(), org.id());
    OrgWriter.Target target =
        new OrgWriter.Target(org.name(), org.environment(), org.loginUrl(), org.id());
    return switch (stored.flow()) {
      case REFRESH_TOKEN ->
          new Reconnection(
              browser.start(
                  admin,
                  new AuthorizationRequest(
                      org.name(),
                      org.environment(),
                      org.loginUrl(),
                      stored.clientId(),
                      Optional.ofNullable(clientSecret),
                      redirectUri),
                  org),
              null);
      case CLIENT_CREDENTIALS ->
          new Reconnection(
              null,
              writer.save(
                  admin,
                  target,
                  new OrgWriter.Credentials(
                      stored.flow(), stored.clientId(), clientSecret, null, null),
                  Connectivity.signIn(
                      org.loginUrl(),
                      () ->
                          orgs.oauth()
                              .clientCredentials(
                                  org.loginUrl(), stored.clientId(), clientSecret))));
      case JWT_BEARER -> {
        Secret key = open(secrets.privateKey(), org.id());
        NewJwtOrg again =
            new NewJwtOrg(
                org.name(),
                org.environment(),
                org.loginUrl(),
                stored.clientId(),
                stored.jwtSubject(),
                key);
        yield new Reconnection(
            null,
            writer.save(
                admin,
                target,
                new OrgWriter.Credentials(
                    stored.flow(), stored.clientId(), null, stored.jwtSubject(), key),
                jwtSignIn(org.loginUrl(), again, org.environment())));
      }
    };
  }

  @Override
  public Disconnection disconnect(User admin, String orgId) {
    requireAdmin(admin);
    Org before = stored(orgId).org();
    boolean revoked = revokeAndForget(before);
    orgs.store().updateStatus(before.id(), OrgStatus.DISCONNECTED);
    Org after = stored(orgId).org();
    orgs.audit().disconnected(admin, before, after, revoked);
    return new Disconnection(after, revoked);
  }

  @Override
  public void remove(User admin, String orgId) {
    requireAdmin(admin);
    Org org = stored(orgId).org();
    revokeAndForget(org);
    orgs.store().delete(org.id());
    orgs.forgetClient(org.id());
    orgs.audit().removed(admin, org);
  }

  /**
   * Revokes the refresh token (which takes its access tokens with it) or else the access token,
   * then forgets both. True when the org confirmed, or when there was nothing to revoke.
   */
  private boolean revokeAndForget(Org org) {
    OrgStore.SealedSecrets secrets = orgs.store().secrets(org.id());
    String sealed = secrets.refreshToken() != null ? secrets.refreshToken() : secrets.accessToken();
    boolean revoked = true;
    if (sealed != null) {
      try {
        orgs.oauth().revoke(org.loginUrl(), open(sealed, org.id()));
      } catch (ScopienException e) {
        // invalid_token: the org has already forgotten it, which is what we wanted.
        revoked = e.code() != null && e.code().endsWith("invalid_token");
        log.warn("Revoking the token of org '{}' failed: {}", org.name(), e.code());
      }
    }
    orgs.store().saveSecrets(org.id(), secrets.withTokens(null, null), orgs.clock().instant());
    orgs.forgetClient(org.id());
    return revoked;
  }

  private TokenResponse jwtSignIn(String loginUrl, NewJwtOrg request, Environment environment) {
    return Connectivity.signIn(
        loginUrl,
        () ->
            orgs.oauth()
                .jwtBearer(
                    loginUrl,
                    request.clientId(),
                    request.username(),
                    request.privateKeyPem(),
                    environment == Environment.SANDBOX));
  }

  private Org audited(
      User admin, String name, Environment environment, java.util.function.Supplier<Org> work) {
    try {
      return work.get();
    } catch (ScopienException e) {
      orgs.audit().failed(admin, name, environment.wireName(), e.code(), e.getMessage());
      throw e;
    }
  }

  private OrgStore.StoredOrg stored(String orgId) {
    return orgs.store()
        .byId(orgId == null ? "" : orgId)
        .orElseThrow(() -> ScopienException.notFound("unknown_org", "There is no such org."));
  }

  private Secret open(String sealed, String orgId) {
    return sealed == null ? null : Secret.of(orgs.sealer().open(sealed, orgId));
  }

  private static void requireAdmin(User user) {
    if (user == null || user.role() != Role.ADMIN) {
      throw ScopienException.forbidden("admin_only", "Only an admin can change connected orgs.");
    }
  }
}
