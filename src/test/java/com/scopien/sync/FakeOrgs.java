package com.scopien.sync;

import com.scopien.ScopienException;
import com.scopien.orgs.Environment;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import com.scopien.orgs.OrgStatus;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.store.Jdbc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Orgs stored in the test database (the sync tables refer to them) with a client each, and a record
 * of the orgs reported as synced.
 */
final class FakeOrgs implements OrgDirectory {
  private final Jdbc jdbc;
  private final Map<String, Org> orgs = new ConcurrentHashMap<>();
  private final Map<String, SalesforceClient> clients = new ConcurrentHashMap<>();
  final List<String> synced = new CopyOnWriteArrayList<>();

  FakeOrgs(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds an org backed by {@code client}; returns it. */
  Org add(String name, SalesforceClient client) {
    String id = Jdbc.newId();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    jdbc.update(
        "INSERT INTO orgs (id, name, name_key, environment, login_url, status, auth_flow,"
            + " client_id, connected_at) VALUES (?, ?, ?, 'PRODUCTION', 'https://x', 'ACTIVE',"
            + " 'CLIENT_CREDENTIALS', 'c', ?)",
        id,
        name + " " + id,
        (name + " " + id).toLowerCase(java.util.Locale.ROOT),
        now);
    Org org =
        new Org(
            id,
            name + " " + id,
            Environment.PRODUCTION,
            "https://x",
            "https://x",
            null,
            "Acme",
            "Enterprise Edition",
            "john.doe@acme.com",
            OrgStatus.ACTIVE,
            now,
            null);
    orgs.put(id, org);
    clients.put(id, client);
    return org;
  }

  /** Knows an org another fixture stored, with a client of its own. */
  void adopt(Org org, SalesforceClient client) {
    orgs.put(org.id(), org);
    clients.put(org.id(), client);
  }

  void markSynced(String orgId) {
    synced.add(orgId);
  }

  @Override
  public List<Org> list() {
    return new ArrayList<>(orgs.values());
  }

  @Override
  public Optional<Org> byId(String id) {
    return Optional.ofNullable(orgs.get(id));
  }

  @Override
  public Org resolve(String reference) {
    return orgs.values().stream()
        .filter(o -> o.name().equalsIgnoreCase(reference) || o.id().equals(reference))
        .findFirst()
        .orElseThrow(() -> ScopienException.notFound("unknown_org", "No org " + reference));
  }

  @Override
  public SalesforceClient client(Org org) {
    return clients.get(org.id());
  }

  @Override
  public Org activeOrg(String conversationId) {
    return list().get(0);
  }

  @Override
  public void switchActiveOrg(String conversationId, Org org) {}
}
