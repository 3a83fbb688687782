package com.scopien.orgs;

import com.scopien.ScopienException;
import com.scopien.config.Secret;
import com.scopien.salesforce.Identity;
import com.scopien.salesforce.Pkce;
import com.scopien.salesforce.TokenResponse;
import com.scopien.security.SignInAccounts;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Sign in with Salesforce" for people: the OAuth 2.0 web-server flow with PKCE (S256) against a
 * connected org's login host, with the org's own connected app. {@link #start} keeps a pending
 * sign-in under the SHA-256 of a random state (single use, ten minutes) and returns the authorize
 * URL; {@link #complete} exchanges the code, reads who signed in from the identity URL and returns
 * it. The tokens of the sign-in are dropped (revoked when the org allows), never stored: only the
 * identity is kept.
 */
public final class SalesforceSignIn {
  private static final Logger log = LoggerFactory.getLogger(SalesforceSignIn.class);

  static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

  /** The identity, OpenID Connect, and api (Salesforce's connected apps expect it). */
  static final List<String> SCOPES = List.of("openid", "id", "api");

  private static final int MAX_PENDING = 10_000;

  /** Who signed in, in which org. */
  public record SignedIn(Org org, SignInAccounts.SalesforcePerson person) {}

  /**
   * A started sign-in: the URL to send the browser to, and a value the browser must bring back to
   * the callback (kept in a short-lived cookie), so that nobody can finish their own sign-in in
   * someone else's browser (login CSRF).
   */
  public record Started(String authorizeUrl, String browserBinding) {}

  private record Pending(
      String orgId, String redirectUri, String verifier, String bindingHash, Instant expiresAt) {}

  private final OrgService orgs;
  private final SecureRandom random;
  private final Clock clock;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  public SalesforceSignIn(OrgService orgs, SecureRandom random, Clock clock) {
    this.orgs = Objects.requireNonNull(orgs, "orgs");
    this.random = Objects.requireNonNull(random, "random");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The connected orgs people may sign in with (active ones). */
  public List<Org> orgs() {
    return orgs.list().stream().filter(o -> o.status() == OrgStatus.ACTIVE).toList();
  }

  /**
   * Starts a sign-in with the org named {@code orgReference} (id or name); returns the URL to send
   * the browser to. {@code redirectUri} is this server's callback.
   *
   * @throws ScopienException NOT_FOUND for an unknown org; FORBIDDEN {@code org_unavailable}
   */
  public Started start(String orgReference, String redirectUri) {
    if (orgReference == null || orgReference.isBlank()) {
      throw ScopienException.invalid(
          "missing_org", "Say which org to sign in with: ?org=<org id or name>.");
    }
    String reference = orgReference.trim();
    Org org = orgs.byId(reference).orElseGet(() -> orgs.resolve(reference));
    OrgStore.StoredOrg stored = orgs.store().byId(org.id()).orElseThrow();
    if (org.status() != OrgStatus.ACTIVE) {
      throw ScopienException.forbidden(
          "org_unavailable", "The org '" + org.name() + "' is not connected now.");
    }
    Instant now = clock.instant();
    pending.values().removeIf(p -> !now.isBefore(p.expiresAt()));
    if (pending.size() >= MAX_PENDING) {
      throw new ScopienException(
          ScopienException.Kind.RETRIABLE,
          "too_many_sign_ins",
          "Too many sign-ins are under way; try again in a few minutes.");
    }
    String state = randomToken();
    String binding = randomToken();
    Pkce pkce = Pkce.generate(random);
    pending.put(
        ConnectRequests.hash(state),
        new Pending(
            org.id(),
            redirectUri,
            pkce.verifier(),
            ConnectRequests.hash(binding),
            now.plus(STATE_LIFETIME)));
    return new Started(
        orgs.oauth()
            .authorizationUrl(
                org.loginUrl(), stored.clientId(), redirectUri, state, pkce.challenge(), SCOPES),
        binding);
  }

  /**
   * The callback: who signed in.
   *
   * @throws ScopienException INVALID_INPUT {@code invalid_state} (unknown, used, expired, or
   *     finished in another browser than the one that started it), {@code sign_in_refused} when
   *     Salesforce said no; UNAUTHENTICATED {@code sign_in_failed} when the code or identity could
   *     not be read
   */
  public SignedIn complete(
      String state, String browserBinding, String code, String error, String errorDescription) {
    Pending request =
        state == null || state.isBlank() || state.length() > 200
            ? null
            : pending.remove(ConnectRequests.hash(state));
    boolean sameBrowser =
        request != null
            && browserBinding != null
            && browserBinding.length() <= 200
            && java.security.MessageDigest.isEqual(
                request.bindingHash().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                ConnectRequests.hash(browserBinding)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    if (request == null || !clock.instant().isBefore(request.expiresAt()) || !sameBrowser) {
      throw ScopienException.invalid(
          "invalid_state",
          "This sign-in link is unknown, already used or older than 10 minutes. Sign in again.");
    }
    Org org =
        orgs.byId(request.orgId())
            .orElseThrow(
                () ->
                    ScopienException.invalid(
                        "org_unavailable", "The org of this sign-in was disconnected."));
    if (error != null && !error.isBlank()) {
      String safe = error.replaceAll("[^A-Za-z0-9_]", "");
      throw ScopienException.invalid(
          "sign_in_refused", "Salesforce did not sign you in (" + safe + ").");
    }
    if (code == null || code.isBlank() || code.length() > 1000) {
      throw ScopienException.invalid("sign_in_refused", "Salesforce sent no sign-in code back.");
    }
    OrgStore.StoredOrg stored = orgs.store().byId(org.id()).orElseThrow();
    String sealed = orgs.store().secrets(org.id()).clientSecret();
    Secret clientSecret = sealed == null ? null : Secret.of(orgs.sealer().open(sealed, org.id()));
    TokenResponse token;
    try {
      token =
          orgs.oauth()
              .exchangeCode(
                  org.loginUrl(),
                  stored.clientId(),
                  clientSecret,
                  request.redirectUri(),
                  code,
                  request.verifier());
    } catch (ScopienException e) {
      log.info("Sign-in with org '{}' failed at the code exchange: {}", org.name(), e.code());
      throw failed("Salesforce did not accept the sign-in code.");
    }
    try {
      if (token.idUrl() == null) {
        throw failed("Salesforce did not say who signed in (no identity URL).");
      }
      Identity identity = orgs.oauth().identity(token.idUrl(), token.accessToken());
      if (org.salesforceOrgId() != null && !sameId(org.salesforceOrgId(), identity.orgId())) {
        throw failed("The person signed in to another org than '" + org.name() + "'.");
      }
      return new SignedIn(
          org,
          new SignInAccounts.SalesforcePerson(
              identity.userId(), identity.username(), identity.displayName(), identity.email()));
    } catch (ScopienException e) {
      if ("sign_in_failed".equals(e.code())) {
        throw e;
      }
      log.info("Sign-in with org '{}' failed reading the identity: {}", org.name(), e.code());
      throw failed("Salesforce did not say who signed in.");
    } finally {
      revokeQuietly(org.loginUrl(), token);
    }
  }

  private void revokeQuietly(String loginUrl, TokenResponse token) {
    try {
      orgs.oauth().revoke(loginUrl, token.refreshToken().orElse(token.accessToken()));
    } catch (ScopienException e) {
      log.debug("Could not revoke a sign-in token: {}", e.code());
    }
  }

  private static boolean sameId(String a, String b) {
    return b != null
        && a.substring(0, Math.min(15, a.length()))
            .equals(b.substring(0, Math.min(15, b.length())));
  }

  private static ScopienException failed(String message) {
    return new ScopienException(ScopienException.Kind.UNAUTHENTICATED, "sign_in_failed", message);
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
