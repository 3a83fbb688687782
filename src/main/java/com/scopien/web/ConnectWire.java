package com.scopien.web;

import com.scopien.orgs.AuthorizationStart;
import com.scopien.orgs.ConnectOutcome;
import com.scopien.orgs.Org;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/** The JSON bodies of the connect routes (Settings → Integrations). */
final class ConnectWire {
  private ConnectWire() {}

  /**
   * The verification card: the org as Scopien calls it, what Salesforce says it is (organization
   * name, edition without the word "Edition", the signed-in user), its domain, status and last
   * sync.
   */
  record OrgCard(
      String id,
      String name,
      String environment,
      String organizationName,
      String edition,
      String username,
      String domain,
      String instanceUrl,
      String loginUrl,
      String status,
      String statusLabel,
      Instant connectedAt,
      Instant lastSyncAt) {}

  /** {@code POST /api/orgs/connect} and a browser reconnect: where to send the browser. */
  record Authorization(
      String requestId, String authorizeUrl, Instant expiresAt, String callbackUrl) {}

  /** {@code GET /api/orgs/connect/{id}}: how the sign-in ended; {@code org} when connected. */
  record Outcome(
      String requestId,
      String status,
      boolean reconnect,
      OrgCard org,
      WireFormat.ErrorBody.Detail error) {}

  /** {@code POST /api/orgs/{id}/reconnect}: either an authorization or the reconnected org. */
  record Reconnect(Authorization authorization, OrgCard org) {}

  /** {@code DELETE /api/orgs/{id}}: the disconnected org and whether the org revoked its tokens. */
  record Disconnect(OrgCard org, boolean tokenRevoked) {}

  static OrgCard card(Org org) {
    if (org == null) {
      return null;
    }
    String edition = org.edition() == null ? null : org.edition().replaceFirst("\\s+Edition$", "");
    return new OrgCard(
        org.id(),
        org.name(),
        org.environment().wireName(),
        org.organizationName(),
        edition,
        org.username(),
        domain(org.instanceUrl()),
        org.instanceUrl(),
        org.loginUrl(),
        WireFormat.status(org.status()),
        org.status().label(),
        org.connectedAt(),
        org.lastSyncAt());
  }

  static Authorization authorization(AuthorizationStart start, String callbackUrl) {
    return new Authorization(
        start.requestId(), start.authorizeUrl(), start.expiresAt(), callbackUrl);
  }

  static Outcome outcome(ConnectOutcome outcome) {
    WireFormat.ErrorBody.Detail error =
        outcome.status() == ConnectOutcome.Status.FAILED
            ? new WireFormat.ErrorBody.Detail(outcome.errorCode(), outcome.message())
            : null;
    return new Outcome(
        outcome.requestId(),
        outcome.status().name().toLowerCase(Locale.ROOT),
        outcome.reconnect(),
        card(outcome.org()),
        error);
  }

  private static String domain(String url) {
    try {
      return url == null ? null : URI.create(url).getAuthority();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
