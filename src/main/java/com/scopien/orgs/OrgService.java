package com.scopien.orgs;

import com.scopien.ScopienException;
import com.scopien.config.Secret;
import com.scopien.salesforce.ClientOptions;
import com.scopien.salesforce.HttpSalesforceClient;
import com.scopien.salesforce.Identity;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.OAuthException;
import com.scopien.salesforce.OAuthSessionProvider;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceClients;
import com.scopien.salesforce.SessionProvider;
import com.scopien.salesforce.TokenResponse;
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
 * Connected orgs: connecting one (client credentials), finding the one a person means, handing out
 * a client that renews its own session, and the active org of each conversation. Thread-safe.
 */
public final class OrgService implements OrgDirectory {
  private static final Logger log = LoggerFactory.getLogger(OrgService.class);

  private final OrgStore store;
  private final SecretSealer sealer;
  private final OAuthClient oauth;
  private final HttpClient http;
  private final ClientOptions clientOptions;
  private final UsageRecorder usage;
  private final Clock clock;
  private final Map<String, HttpSalesforceClient> clients = new ConcurrentHashMap<>();

  public OrgService(
      Jdbc jdbc,
      SecretSealer sealer,
      OAuthClient oauth,
      HttpClient http,
      ClientOptions clientOptions,
      UsageRecorder usage,
      Clock clock) {
    this.store = new OrgStore(jdbc);
    this.sealer = sealer;
    this.oauth = oauth;
    this.http = http;
    this.clientOptions = clientOptions;
    this.usage = usage;
    this.clock = clock;
  }

  /**
   * Signs in with the client credentials flow, reads who and what the org is, checks that it is the
   * environment the caller said, and stores it with its credentials sealed. Nothing is stored when
   * any step fails.
   *
   * @throws ScopienException CONFLICT {@code org_name_taken}; INVALID_INPUT for a bad URL, a wrong
   *     secret or an environment that does not match the org
   */
  public Org connect(NewOrg request) {
    if (store.byName(request.name()).isPresent()) {
      throw new ScopienException(
          ScopienException.Kind.CONFLICT,
          "org_name_taken",
          "An org called '" + request.name() + "' is already connected; choose another name.");
    }
    TokenResponse token =
        oauth.clientCredentials(request.loginUrl(), request.clientId(), request.clientSecret());
    OrgFacts facts = readFacts(token);
    if (facts.sandbox() != (request.environment() == Environment.SANDBOX)) {
      throw ScopienException.invalid(
          "environment_mismatch",
          "That org is a "
              + (facts.sandbox() ? "sandbox" : "production org")
              + ", but it was added as "
              + request.environment().wireName()
              + ".");
    }
    String id = Jdbc.newId();
    Org org =
        new Org(
            id,
            request.name(),
            request.environment(),
            request.loginUrl(),
            token.instanceUrl(),
            facts.orgId(),
            facts.name(),
            facts.edition(),
            facts.username(),
            OrgStatus.ACTIVE,
            clock.instant(),
            null);
    store.insert(
        new OrgStore.StoredOrg(
            org, OrgStore.AuthFlow.CLIENT_CREDENTIALS, request.clientId(), request.demo()),
        new OrgStore.SealedSecrets(
            sealer.seal(request.clientSecret().reveal(), id),
            sealer.seal(token.accessToken().reveal(), id),
            null),
        clock.instant());
    log.info("Connected org '{}' ({}) at {}", org.name(), facts.name(), org.instanceUrl());
    return org;
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
    clients.remove(org.id());
    return byId(org.id()).orElseThrow();
  }

  /** Forgets an org: revokes its token at the org (best effort) and deletes its row. */
  public void remove(String reference) {
    Org org = resolve(reference);
    OrgStore.SealedSecrets secrets = store.secrets(org.id());
    if (secrets.accessToken() != null) {
      try {
        oauth.revoke(org.loginUrl(), Secret.of(sealer.open(secrets.accessToken(), org.id())));
      } catch (ScopienException e) {
        log.warn("Could not revoke the token of org '{}': {}", org.name(), e.getMessage());
      }
    }
    clients.remove(org.id());
    store.delete(org.id());
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
              + ". An admin must connect it again.");
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

  private HttpSalesforceClient newClient(OrgStore.StoredOrg stored) {
    Org org = stored.org();
    OrgStore.SealedSecrets secrets = store.secrets(org.id());
    Secret clientSecret = Secret.of(sealer.open(secrets.clientSecret(), org.id()));
    TokenResponse initial = null;
    if (secrets.accessToken() != null && org.instanceUrl() != null) {
      initial =
          new TokenResponse(
              Secret.of(sealer.open(secrets.accessToken(), org.id())),
              Optional.empty(),
              org.instanceUrl(),
              null,
              clock.instant(),
              null);
    }
    OAuthSessionProvider.Renewal signIn =
        previous -> {
          try {
            return oauth.clientCredentials(org.loginUrl(), stored.clientId(), clientSecret);
          } catch (OAuthException e) {
            if (e.needsReauthorization()) {
              needsReauthorization(org);
            }
            throw e;
          }
        };
    SessionProvider sessions =
        new OAuthSessionProvider(
            signIn,
            initial,
            renewed ->
                store.saveSecrets(
                    org.id(),
                    new OrgStore.SealedSecrets(
                        secrets.clientSecret(),
                        sealer.seal(renewed.accessToken().reveal(), org.id()),
                        null),
                    clock.instant()));
    ClientOptions options =
        clientOptions.withUsageListener(reading -> usage.record(org.id(), reading));
    return SalesforceClients.create(http, sessions, options);
  }

  private void needsReauthorization(Org org) {
    log.warn("Org '{}' refused to renew its session; it needs re-authorisation", org.name());
    store.updateStatus(org.id(), OrgStatus.NEEDS_REAUTH);
    clients.remove(org.id());
  }

  private OrgFacts readFacts(TokenResponse token) {
    SalesforceClient probe =
        SalesforceClients.create(http, SessionProvider.fixed(token.session()), clientOptions);
    SObjectRecord organization =
        probe
            .query("SELECT Id, Name, OrganizationType, IsSandbox FROM Organization LIMIT 1")
            .records()
            .stream()
            .findFirst()
            .orElseThrow(
                () ->
                    ScopienException.invalid(
                        "no_organization",
                        "The org did not describe itself (no Organization row)."));
    String username = null;
    if (token.idUrl() != null) {
      Identity identity = oauth.identity(token.idUrl(), token.accessToken());
      username = identity.username();
    }
    return new OrgFacts(
        String.valueOf(organization.get("Id")),
        String.valueOf(organization.get("Name")),
        String.valueOf(organization.get("OrganizationType")),
        Boolean.TRUE.equals(organization.get("IsSandbox")),
        username);
  }

  private record OrgFacts(
      String orgId, String name, String edition, boolean sandbox, String username) {}
}
