package com.scopien.orgs;

import com.scopien.security.AuditLog;
import com.scopien.security.User;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit entries of org changes, target type {@code org}: {@code org.connect}, {@code
 * org.connect_failed}, {@code org.reconnect}, {@code org.disconnect}, {@code org.remove} and {@code
 * org.needs_reauth} (by the system, when the org refused to renew a session). Never a token or
 * secret: only the org's facts and the flow.
 */
final class OrgAudit {
  private final AuditLog log;

  OrgAudit(AuditLog log) {
    this.log = log;
  }

  void connected(User admin, Org org, OrgStore.AuthFlow flow) {
    log.record(admin, "org.connect", "org", org.id(), org.id(), null, facts(org, flow));
  }

  void failed(User admin, String name, String environment, String code, String message) {
    Map<String, Object> attempt = new LinkedHashMap<>();
    attempt.put("name", name);
    attempt.put("environment", environment);
    attempt.put("error", code);
    attempt.put("message", message);
    log.record(admin, "org.connect_failed", "org", null, null, null, attempt);
  }

  void reconnected(User admin, Org before, Org after, OrgStore.AuthFlow flow) {
    log.record(
        admin,
        "org.reconnect",
        "org",
        after.id(),
        after.id(),
        facts(before, null),
        facts(after, flow));
  }

  void disconnected(User admin, Org before, Org after, boolean revoked) {
    Map<String, Object> now = facts(after, null);
    now.put("tokenRevoked", revoked);
    log.record(admin, "org.disconnect", "org", after.id(), after.id(), facts(before, null), now);
  }

  void removed(User admin, Org org) {
    log.record(admin, "org.remove", "org", org.id(), null, facts(org, null), null);
  }

  void needsReauthorization(Org org, String reason) {
    Map<String, Object> now = new LinkedHashMap<>();
    now.put("status", OrgStatus.NEEDS_REAUTH.name());
    now.put("reason", reason);
    log.record(
        null, "org.needs_reauth", "org", org.id(), org.id(), Map.of("status", "ACTIVE"), now);
  }

  private static Map<String, Object> facts(Org org, OrgStore.AuthFlow flow) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("name", org.name());
    facts.put("environment", org.environment().wireName());
    facts.put("loginUrl", org.loginUrl());
    facts.put("instanceUrl", org.instanceUrl());
    facts.put("organization", org.organizationName());
    facts.put("edition", org.edition());
    facts.put("username", org.username());
    facts.put("status", org.status().name());
    if (flow != null) {
      facts.put("flow", flow.name());
    }
    return facts;
  }
}
