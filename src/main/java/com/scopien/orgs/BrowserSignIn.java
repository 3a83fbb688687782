package com.scopien.orgs;

import com.scopien.ScopienException;
import com.scopien.config.Secret;
import com.scopien.salesforce.Pkce;
import com.scopien.salesforce.TokenResponse;
import com.scopien.security.Role;
import com.scopien.security.User;
import com.scopien.security.UserService;
import com.scopien.store.Jdbc;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser (web server) flow with PKCE: {@link #start} keeps a request with a random state and
 * verifier and returns the authorize URL; {@link #complete} is the callback. The state is single
 * use, lives ten minutes and belongs to the admin who clicked "Authorize"; their role is checked
 * again when the browser comes back.
 */
final class BrowserSignIn {
  private static final Logger log = LoggerFactory.getLogger(BrowserSignIn.class);

  static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

  /** API access, a refresh token for unattended renewal, and the identity URL. */
  static final List<String> SCOPES = List.of("api", "refresh_token", "id");

  private final OrgService orgs;
  private final OrgWriter writer;
  private final ConnectRequests requests;
  private final UserService users;
  private final SecureRandom random;
  private final Clock clock;

  BrowserSignIn(
      OrgService orgs,
      ConnectRequests requests,
      UserService users,
      SecureRandom random,
      Clock clock) {
    this.orgs = orgs;
    this.writer = new OrgWriter(orgs);
    this.requests = requests;
    this.users = users;
    this.random = random;
    this.clock = clock;
  }

  /** {@code reconnecting} is the org to sign in to again, or null for a new org. */
  AuthorizationStart start(User admin, AuthorizationRequest request, Org reconnecting) {
    if (reconnecting == null) {
      orgs.requireFreeName(request.name());
    }
    Connectivity.probe(orgs.oauth(), request.loginUrl());
    Instant now = clock.instant();
    requests.purgeBefore(now.minus(Duration.ofDays(1)));
    String id = Jdbc.newId();
    String state = randomToken();
    Pkce pkce = Pkce.generate(random);
    String url =
        orgs.oauth()
            .authorizationUrl(
                request.loginUrl(),
                request.clientId(),
                request.redirectUri(),
                state,
                pkce.challenge(),
                SCOPES);
    String binding = ConnectRequests.bindingOf(id);
    SecretSealer sealer = orgs.sealer();
    requests.insert(
        new ConnectRequests.Request(
            id,
            ConnectRequests.hash(state),
            admin.id(),
            reconnecting == null ? null : reconnecting.id(),
            null,
            request.name(),
            request.environment(),
            request.loginUrl(),
            request.clientId(),
            request.clientSecret().map(s -> sealer.seal(s.reveal(), binding)).orElse(null),
            sealer.seal(pkce.verifier(), binding),
            request.redirectUri(),
            ConnectRequests.Status.PENDING,
            null,
            null,
            now,
            now.plus(STATE_LIFETIME)));
    return new AuthorizationStart(id, url, now.plus(STATE_LIFETIME));
  }

  ConnectOutcome complete(String state, String code, String error, String errorDescription) {
    if (state == null || state.isBlank() || state.length() > 200) {
      throw invalidState();
    }
    ConnectRequests.Request request = requests.byState(state).orElseThrow(this::invalidState);
    if (!requests.claim(request.id())) {
      throw ScopienException.invalid(
          "state_used",
          "This sign-in was already completed; a sign-in link works once. Start again from"
              + " Settings → Integrations.");
    }
    Optional<User> admin = users.find(request.userId()).filter(u -> u.role() == Role.ADMIN);
    if (admin.isEmpty()) {
      return fail(request, null, "admin_only", "Only an admin can connect an org.");
    }
    if (!clock.instant().isBefore(request.expiresAt())) {
      return fail(
          request,
          admin.get(),
          "expired_state",
          "The sign-in took longer than 10 minutes and has expired; nothing was stored. Start"
              + " again.");
    }
    if (error != null && !error.isBlank()) {
      String safe = error.replaceAll("[^A-Za-z0-9_]", "");
      String why = errorDescription == null ? safe : errorDescription;
      return fail(
          request,
          admin.get(),
          safe.isEmpty() ? "authorization_refused" : safe,
          "Salesforce did not authorise the connection (" + why + "); nothing was stored.");
    }
    if (code == null || code.isBlank()) {
      return fail(
          request, admin.get(), "missing_code", "Salesforce sent no authorization code back.");
    }
    TokenResponse token = null;
    try {
      SecretSealer sealer = orgs.sealer();
      String binding = request.sealBinding();
      Secret clientSecret =
          request.clientSecretSealed() == null
              ? null
              : Secret.of(sealer.open(request.clientSecretSealed(), binding));
      token =
          orgs.oauth()
              .exchangeCode(
                  request.loginUrl(),
                  request.clientId(),
                  clientSecret,
                  request.redirectUri(),
                  code,
                  sealer.open(request.verifierSealed(), binding));
      Org org =
          writer.save(
              admin.get(),
              new OrgWriter.Target(
                  request.name(),
                  request.environment(),
                  request.loginUrl(),
                  request.reconnectOrgId()),
              new OrgWriter.Credentials(
                  OrgStore.AuthFlow.REFRESH_TOKEN, request.clientId(), clientSecret, null, null),
              token);
      requests.finish(
          request.id(), ConnectRequests.Status.CONNECTED, org.id(), null, null, clock.instant());
      return new ConnectOutcome(
          request.id(),
          ConnectOutcome.Status.CONNECTED,
          org,
          request.reconnectOrgId() != null,
          null,
          null);
    } catch (ScopienException e) {
      revokeQuietly(request.loginUrl(), token);
      return fail(request, admin.get(), e.code(), e.getMessage());
    }
  }

  ConnectOutcome outcome(User admin, String requestId) {
    ConnectRequests.Request request =
        requests
            .byId(requestId == null ? "" : requestId)
            .filter(r -> r.userId().equals(admin.id()))
            .orElseThrow(
                () ->
                    ScopienException.notFound(
                        "unknown_connect_request", "There is no such sign-in of yours."));
    ConnectOutcome.Status status =
        switch (request.status()) {
          case PENDING, CLAIMED -> ConnectOutcome.Status.PENDING;
          case CONNECTED -> ConnectOutcome.Status.CONNECTED;
          case FAILED -> ConnectOutcome.Status.FAILED;
        };
    Org org = request.orgId() == null ? null : orgs.byId(request.orgId()).orElse(null);
    return new ConnectOutcome(
        request.id(),
        status,
        org,
        request.reconnectOrgId() != null,
        request.errorCode(),
        request.errorMessage());
  }

  private ConnectOutcome fail(
      ConnectRequests.Request request, User admin, String code, String message) {
    log.info("Connecting org '{}' failed: {}", request.name(), code);
    requests.finish(
        request.id(), ConnectRequests.Status.FAILED, null, code, message, clock.instant());
    orgs.audit().failed(admin, request.name(), request.environment().wireName(), code, message);
    return new ConnectOutcome(
        request.id(),
        ConnectOutcome.Status.FAILED,
        null,
        request.reconnectOrgId() != null,
        code,
        message);
  }

  /** A token Scopien will not keep is revoked, so no grant is left behind at the org. */
  private void revokeQuietly(String loginUrl, TokenResponse token) {
    if (token == null) {
      return;
    }
    try {
      orgs.oauth().revoke(loginUrl, token.refreshToken().orElse(token.accessToken()));
    } catch (ScopienException e) {
      log.warn("Could not revoke a token that was not kept: {}", e.code());
    }
  }

  private ScopienException invalidState() {
    return ScopienException.invalid(
        "invalid_state",
        "This sign-in link is not one Scopien started (unknown state); nothing was stored. Start"
            + " again from Settings → Integrations.");
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
