package com.scopien.orgs;

import com.scopien.ScopienException;
import com.scopien.config.Secret;
import com.scopien.salesforce.ClientOptions;
import com.scopien.salesforce.HttpSalesforceClient;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.OAuthException;
import com.scopien.salesforce.OAuthSessionProvider;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceClients;
import com.scopien.salesforce.SessionProvider;
import com.scopien.salesforce.TokenResponse;
import com.scopien.security.AuditLog;
import com.scopien.store.Jdbc;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connected orgs: finding the one a person means, handing out a client that renews its own session
 * (client credentials, refresh token or JWT bearer, whichever the org was connected with), the
 * active org of each conversation, and the demo orgs' start-up connection. Admin changes (connect,
 * reconnect, disconnect, remove) go through {@link OrgConnections}. Thread-safe.
 *
 * <p>When an org refuses to renew a session for good ({@code invalid_grant}: a revoked refresh
 * token, a deactivated user), the org is marked {@link OrgStatus#NEEDS_REAUTH} at once and no
 * client is handed out for it again until an admin reconnects it; nothing retries.
 */
public final class OrgService implements OrgDirectory {
  private static final Logger log = LoggerFactory.getLogger(OrgService.class);

  private final OrgStore store;
  private final SecretSealer sealer;
  private final OAuthClient oauth;
  private final HttpClient http;
  private final ClientOptions clientOptions;
  private final UsageRecorder usage;
  private final OrgAudit audit;
  private final Clock clock;
  private final Map<String, HttpSalesforceClient> clients = new ConcurrentHashMap<>();

  public OrgService(
      Jdbc jdbc,
      SecretSealer sealer,
      OAuthClient oauth,
      HttpClient http,
      ClientOptions clientOptions,
      UsageRecorder usage,
      AuditLog audit,
      Clock clock) {
    this.store = new OrgStore(jdbc);
    this.sealer = sealer;
    this.oauth = oauth;
    this.http = http;
    this.clientOptions = clientOptions;
    this.usage = usage;
    this.audit = new OrgAudit(audit);
    this.clock = clock;
  }

  /**
   * Signs in with the client credentials flow, reads who and what the org is, checks that it is the
   * environment the caller said, and stores it with its credentials sealed. Nothing is stored when
   * any step fails. No role check and no audit entry: admins connect through {@link
   * OrgConnections}; this is the composition root's path for the demo orgs.
   *
   * @throws ScopienException CONFLICT {@code org_name_taken}; INVALID_INPUT for a bad URL, a wrong
   *     secret or an environment that does not match the org
   */
  public Org connect(NewOrg request) {
    requireFreeName(request.name());
    TokenResponse token =
        oauth.clientCredentials(request.loginUrl(), request.clientId(), request.clientSecret());
    OrgFacts facts = readFacts(token);
    facts.requireEnvironment(request.environment());
    Org org =
        newOrg(
            Jdbc.newId(), request.name(), request.environment(), request.loginUrl(), token, facts);
    store.insert(
        new OrgStore.StoredOrg(
            org, OrgStore.AuthFlow.CLIENT_CREDENTIALS, request.clientId(), request.demo()),
        new OrgStore.SealedSecrets(
            sealer.seal(request.clientSecret().reveal(), org.id()),
            sealer.seal(token.accessToken().reveal(), org.id()),
            null),
        clock.instant());
    log.info("Connected org '{}' ({}) at {}", org.name(), facts.name(), org.instanceUrl());
    return byId(org.id()).orElseThrow();
  }

  /**
   * Points an already connected demo org at this start's local org (its port changes every start)
   * and signs in again; connects it when it is new.
   */
  public Org connectDemo(NewOrg request) {
    Optional<OrgStore.StoredOrg> existing = store.byName(request.name());
    if (existing.isEmpty()) {
      return connect(request);
    }
    Org org = existing.get().org();
    TokenResponse token =
        oauth.clientCredentials(request.loginUrl(), request.clientId(), request.clientSecret());
    store.updateEndpoints(org.id(), request.loginUrl(), token.instanceUrl());
    store.updateStatus(org.id(), OrgStatus.ACTIVE);
    store.saveSecrets(
        org.id(),
        new OrgStore.SealedSecrets(
            sealer.seal(request.clientSecret().reveal(), org.id()),
            sealer.seal(token.accessToken().reveal(), org.id()),
            null),
        clock.instant());
    forgetClient(org.id());
    return byId(org.id()).orElseThrow();
  }

  /**
   * Marks the demo orgs of an earlier start as disconnected when this start runs no local orgs:
   * they point at ports nobody listens on, and must not stay the default org of a conversation.
   */
  public void retireDemoOrgs() {
    for (OrgStore.StoredOrg stored : store.all()) {
      if (stored.demo() && stored.org().status() == OrgStatus.ACTIVE) {
        store.updateStatus(stored.org().id(), OrgStatus.DISCONNECTED);
        forgetClient(stored.org().id());
      }
    }
  }

  /** True when an org other than the built-in demo orgs is connected. */
  public boolean hasRealOrgs() {
    return store.all().stream().anyMatch(stored -> !stored.demo());
  }

  /** Records that a sync of the org finished now. */
  public void markSynced(String orgId) {
    store.updateLastSync(orgId, clock.instant());
  }

  @Override
  public List<Org> list() {
    return store.all().stream().map(OrgStore.StoredOrg::org).toList();
  }

  @Override
  public Optional<Org> byId(String id) {
    return store.byId(id).map(OrgStore.StoredOrg::org);
  }

  @Override
  public Org resolve(String reference) {
    return OrgResolver.resolve(list(), reference);
  }

  @Override
  public SalesforceClient client(Org org) {
    Org current = byId(org.id()).orElseThrow(() -> OrgResolver.unknown(org.name(), list()));
    if (current.status() != OrgStatus.ACTIVE) {
      throw ScopienException.forbidden(
          "org_unavailable",
          "The org '"
              + current.name()
              + "' cannot be used: "
              + current.status().label()
              + ". An admin must connect it again (Settings → Integrations → Reconnect).");
    }
    return clients.computeIfAbsent(current.id(), id -> newClient(store.byId(id).orElseThrow()));
  }

  @Override
  public Org activeOrg(String conversationId) {
    return store
        .activeOrgId(conversationId)
        .flatMap(this::byId)
        .orElseGet(() -> OrgResolver.defaultOrg(list()));
  }

  @Override
  public void switchActiveOrg(String conversationId, Org org) {
    store.setActiveOrg(conversationId, org.id(), clock.instant());
  }

  // ---- shared with OrgConnections ----

  OrgStore store() {
    return store;
  }

  SecretSealer sealer() {
    return sealer;
  }

  OAuthClient oauth() {
    return oauth;
  }

  Clock clock() {
    return clock;
  }

  OrgAudit audit() {
    return audit;
  }

  OrgFacts readFacts(TokenResponse token) {
    return OrgFacts.read(token, oauth, http, clientOptions);
  }

  /** Drops the cached client, so the next {@link #client} reads the org's credentials afresh. */
  void forgetClient(String orgId) {
    clients.remove(orgId);
  }

  /**
   * @throws ScopienException CONFLICT {@code org_name_taken}
   */
  void requireFreeName(String name) {
    if (store.byName(name).isPresent()) {
      throw new ScopienException(
          ScopienException.Kind.CONFLICT,
          "org_name_taken",
          "An org called '" + name + "' is already connected; choose another name.");
    }
  }

  /** An ACTIVE org as a new token and the facts read with it describe it. */
  Org newOrg(
      String id,
      String name,
      Environment environment,
      String loginUrl,
      TokenResponse token,
      OrgFacts facts) {
    return new Org(
        id,
        name,
        environment,
        loginUrl,
        token.instanceUrl(),
        facts.orgId(),
        facts.name(),
        facts.edition(),
        facts.username(),
        OrgStatus.ACTIVE,
        clock.instant(),
        null);
  }

  private HttpSalesforceClient newClient(OrgStore.StoredOrg stored) {
    Org org = stored.org();
    OrgStore.SealedSecrets secrets = store.secrets(org.id());
    TokenResponse initial = null;
    if (secrets.accessToken() != null && org.instanceUrl() != null) {
      initial =
          new TokenResponse(
              open(secrets.accessToken(), org.id()),
              Optional.ofNullable(open(secrets.refreshToken(), org.id())),
              org.instanceUrl(),
              null,
              clock.instant(),
              null);
    }
    OAuthSessionProvider.Renewal signIn = renewal(stored, secrets);
    OAuthSessionProvider.Renewal guarded =
        previous -> {
          try {
            return signIn.renew(previous);
          } catch (OAuthException e) {
            if (e.needsReauthorization()) {
              needsReauthorization(org, e.errorCode());
            }
            throw e;
          }
        };
    SessionProvider sessions =
        new OAuthSessionProvider(
            guarded,
            initial,
            renewed ->
                store.saveSecrets(
                    org.id(),
                    store
                        .secrets(org.id())
                        .withTokens(
                            sealer.seal(renewed.accessToken().reveal(), org.id()),
                            renewed
                                .refreshToken()
                                .map(t -> sealer.seal(t.reveal(), org.id()))
                                .orElse(secrets.refreshToken())),
                    clock.instant()));
    ClientOptions options =
        clientOptions.withUsageListener(reading -> usage.record(org.id(), reading));
    return SalesforceClients.create(http, sessions, options);
  }

  /** How the org signs in again, by the flow it was connected with. */
  private OAuthSessionProvider.Renewal renewal(
      OrgStore.StoredOrg stored, OrgStore.SealedSecrets secrets) {
    Org org = stored.org();
    Secret clientSecret = open(secrets.clientSecret(), org.id());
    return switch (stored.flow()) {
      case CLIENT_CREDENTIALS ->
          previous -> oauth.clientCredentials(org.loginUrl(), stored.clientId(), clientSecret);
      case REFRESH_TOKEN -> {
        Secret refreshToken = open(secrets.refreshToken(), org.id());
        yield previous -> {
          Secret current =
              previous != null && previous.refreshToken().isPresent()
                  ? previous.refreshToken().get()
                  : refreshToken;
          if (current == null) {
            throw ScopienException.forbidden(
                "org_unavailable", "The org '" + org.name() + "' holds no refresh token.");
          }
          return oauth.refresh(org.loginUrl(), stored.clientId(), clientSecret, current);
        };
      }
      case JWT_BEARER -> {
        Secret key = open(secrets.privateKey(), org.id());
        yield previous ->
            oauth.jwtBearer(
                org.loginUrl(),
                stored.clientId(),
                stored.jwtSubject(),
                key,
                org.environment() == Environment.SANDBOX);
      }
    };
  }

  private Secret open(String sealed, String orgId) {
    return sealed == null ? null : Secret.of(sealer.open(sealed, orgId));
  }

  private void needsReauthorization(Org org, String reason) {
    log.warn("Org '{}' refused to renew its session; it needs re-authorisation", org.name());
    store.updateStatus(org.id(), OrgStatus.NEEDS_REAUTH);
    forgetClient(org.id());
    audit.needsReauthorization(org, reason);
  }
}
