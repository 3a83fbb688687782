package com.scopien.web;

import com.scopien.ScopienException;
import com.scopien.orgs.Environment;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import com.scopien.orgs.OrgStatus;
import com.scopien.salesforce.SalesforceClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Two orgs of "Acme", production first, and an in-memory active org per conversation. */
final class FakeOrgDirectory implements OrgDirectory {

  static final Org PRODUCTION =
      org(
          "org-prod",
          "Acme Production",
          Environment.PRODUCTION,
          OrgStatus.ACTIVE,
          "2025-06-01T11:58:00Z");
  static final Org SANDBOX =
      org("org-sbx", "Acme Sandbox", Environment.SANDBOX, OrgStatus.NEEDS_REAUTH, null);

  private final Map<String, Org> active = new ConcurrentHashMap<>();

  private static Org org(
      String id, String name, Environment env, OrgStatus status, String lastSync) {
    return new Org(
        id,
        name,
        env,
        "https://login.example.test",
        "https://" + id + ".my.example.test",
        "00D000000000001AAA",
        "Acme Corporation",
        "Enterprise Edition",
        "john.doe@acme.com",
        status,
        Instant.parse("2025-05-01T09:00:00Z"),
        lastSync == null ? null : Instant.parse(lastSync));
  }

  @Override
  public List<Org> list() {
    return List.of(PRODUCTION, SANDBOX);
  }

  @Override
  public Optional<Org> byId(String id) {
    return list().stream().filter(o -> o.id().equals(id)).findFirst();
  }

  @Override
  public Org resolve(String reference) {
    Optional<Environment> env = Environment.parse(reference);
    return list().stream()
        .filter(
            o ->
                o.name().equalsIgnoreCase(reference)
                    || env.map(e -> e == o.environment()).orElse(false))
        .findFirst()
        .orElseThrow(
            () ->
                ScopienException.notFound(
                    "unknown_org",
                    "No org is called that; the connected orgs are Acme Production and Acme"
                        + " Sandbox."));
  }

  @Override
  public SalesforceClient client(Org org) {
    throw new UnsupportedOperationException("the web layer never asks for a client");
  }

  @Override
  public Org activeOrg(String conversationId) {
    return active.getOrDefault(conversationId, PRODUCTION);
  }

  @Override
  public void switchActiveOrg(String conversationId, Org org) {
    active.put(conversationId, org);
  }
}
