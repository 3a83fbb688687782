package com.scopien.agent;

import com.scopien.ScopienException;
import com.scopien.orgs.Environment;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import com.scopien.orgs.OrgStatus;
import com.scopien.salesforce.SalesforceClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A directory over a production and a sandbox org for tests; the lead writes the real one. */
final class FakeOrgDirectory implements OrgDirectory {
  final Org production;
  final Org sandbox;
  private final Map<String, SalesforceClient> clients = new LinkedHashMap<>();
  private final Map<String, Org> active = new ConcurrentHashMap<>();

  FakeOrgDirectory(SalesforceClient productionClient, SalesforceClient sandboxClient) {
    this(
        productionClient,
        "https://acme.my.salesforce.com",
        sandboxClient,
        "https://acme--sandbox.sandbox.my.salesforce.com");
  }

  FakeOrgDirectory(
      SalesforceClient productionClient,
      String productionUrl,
      SalesforceClient sandboxClient,
      String sandboxUrl) {
    production = org("org-prod", "Production", Environment.PRODUCTION, productionUrl);
    sandbox = org("org-sbx", "Sandbox", Environment.SANDBOX, sandboxUrl);
    clients.put(production.id(), productionClient);
    clients.put(sandbox.id(), sandboxClient);
  }

  private static Org org(String id, String name, Environment env, String url) {
    return new Org(
        id,
        name,
        env,
        url,
        url,
        "00D000000000001AAA",
        "Acme Corporation",
        "Enterprise",
        "john.doe@acme.com",
        OrgStatus.ACTIVE,
        Instant.parse("2026-01-01T00:00:00Z"),
        null);
  }

  @Override
  public List<Org> list() {
    return List.of(production, sandbox);
  }

  @Override
  public Optional<Org> byId(String id) {
    return list().stream().filter(o -> o.id().equals(id)).findFirst();
  }

  @Override
  public Org resolve(String reference) {
    String ref = reference.trim().toLowerCase(Locale.ROOT);
    Optional<Environment> env = Environment.parse(ref);
    for (Org org : list()) {
      if (org.name().equalsIgnoreCase(ref) || env.map(e -> e == org.environment()).orElse(false)) {
        return org;
      }
    }
    List<String> names = new ArrayList<>();
    list().forEach(o -> names.add(o.name()));
    throw ScopienException.notFound(
        "unknown_org", "No org called '" + reference + "'. Orgs: " + names);
  }

  @Override
  public SalesforceClient client(Org org) {
    return clients.get(org.id());
  }

  @Override
  public Org activeOrg(String conversationId) {
    return active.getOrDefault(conversationId, production);
  }

  @Override
  public void switchActiveOrg(String conversationId, Org org) {
    active.put(conversationId, org);
  }
}
