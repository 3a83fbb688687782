package com.scopien.orgs;

import com.scopien.ScopienException;
import com.scopien.config.Secret;
import com.scopien.salesforce.TokenResponse;
import com.scopien.security.User;
import com.scopien.store.Jdbc;
import java.util.Optional;

/**
 * Keeps a new sign-in: reads the org's facts with the token, checks the environment (and, for a
 * reconnect, that it is the same Salesforce org), then inserts the org or updates the reconnected
 * one with its credentials sealed, and writes the audit entry. Nothing is written when a check
 * fails.
 */
final class OrgWriter {

  /** The org a sign-in is for: a new one (no {@code reconnectOrgId}) or one being reconnected. */
  record Target(String name, Environment environment, String loginUrl, String reconnectOrgId) {}

  /** How the org will sign in again, and the credentials that takes (any may be null). */
  record Credentials(
      OrgStore.AuthFlow flow,
      String clientId,
      Secret clientSecret,
      String jwtSubject,
      Secret privateKey) {}

  private final OrgService orgs;

  OrgWriter(OrgService orgs) {
    this.orgs = orgs;
  }

  Org save(User admin, Target target, Credentials credentials, TokenResponse token) {
    OrgFacts facts = orgs.readFacts(token);
    facts.requireEnvironment(target.environment());
    if (credentials.flow() == OrgStore.AuthFlow.REFRESH_TOKEN && token.refreshToken().isEmpty()) {
      throw ScopienException.invalid(
          "no_refresh_token",
          "The connected app gave no refresh token, so Scopien could not stay connected. Add the"
              + " scope 'Perform requests at any time (refresh_token, offline_access)' to the app.");
    }
    return target.reconnectOrgId() == null
        ? insert(admin, target, credentials, token, facts)
        : update(admin, target, credentials, token, facts);
  }

  private Org insert(
      User admin, Target target, Credentials credentials, TokenResponse token, OrgFacts facts) {
    orgs.requireFreeName(target.name());
    Org org =
        orgs.newOrg(
            Jdbc.newId(), target.name(), target.environment(), target.loginUrl(), token, facts);
    try {
      orgs.store()
          .insert(
              new OrgStore.StoredOrg(
                  org, credentials.flow(), credentials.clientId(), false, credentials.jwtSubject()),
              sealed(org.id(), credentials, token),
              orgs.clock().instant());
    } catch (ScopienException e) {
      if ("duplicate_key".equals(e.code())) {
        orgs.requireFreeName(target.name());
      }
      throw e;
    }
    Org stored = orgs.byId(org.id()).orElseThrow();
    orgs.audit().connected(admin, stored, credentials.flow());
    return stored;
  }

  private Org update(
      User admin, Target target, Credentials credentials, TokenResponse token, OrgFacts facts) {
    OrgStore.StoredOrg existing =
        orgs.store()
            .byId(target.reconnectOrgId())
            .orElseThrow(
                () ->
                    ScopienException.notFound(
                        "unknown_org", "The org being reconnected no longer exists."));
    Org before = existing.org();
    if (before.salesforceOrgId() != null && !before.salesforceOrgId().equals(facts.orgId())) {
      throw ScopienException.invalid(
          "org_mismatch",
          "You signed in to another Salesforce org ("
              + facts.name()
              + ", "
              + facts.orgId()
              + ") than the one '"
              + before.name()
              + "' is connected to ("
              + before.salesforceOrgId()
              + "). Sign in to that org, or add this one as a new org.");
    }
    Org after =
        new Org(
            before.id(),
            before.name(),
            target.environment(),
            target.loginUrl(),
            token.instanceUrl(),
            facts.orgId(),
            facts.name(),
            facts.edition(),
            facts.username(),
            OrgStatus.ACTIVE,
            before.connectedAt(),
            before.lastSyncAt());
    orgs.store()
        .reconnected(
            new OrgStore.StoredOrg(
                after,
                credentials.flow(),
                credentials.clientId(),
                existing.demo(),
                credentials.jwtSubject()),
            sealed(after.id(), credentials, token),
            orgs.clock().instant());
    orgs.forgetClient(after.id());
    Org stored = orgs.byId(after.id()).orElseThrow();
    orgs.audit().reconnected(admin, before, stored, credentials.flow());
    return stored;
  }

  private OrgStore.SealedSecrets sealed(String orgId, Credentials c, TokenResponse token) {
    SecretSealer sealer = orgs.sealer();
    return new OrgStore.SealedSecrets(
        seal(sealer, c.clientSecret(), orgId),
        seal(sealer, token.accessToken(), orgId),
        seal(sealer, token.refreshToken().orElse(null), orgId),
        seal(sealer, c.privateKey(), orgId));
  }

  private static String seal(SecretSealer sealer, Secret secret, String orgId) {
    return Optional.ofNullable(secret).map(s -> sealer.seal(s.reveal(), orgId)).orElse(null);
  }
}
