package com.scopien.testing;

import com.scopien.ScopienException;
import com.scopien.orgs.Environment;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import com.scopien.orgs.OrgStatus;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.store.Jdbc;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Connected orgs for tests that need the {@code orgs} rows (foreign keys) but not the OAuth path:
 * rows inserted straight into the store, and a directory that serves them all with one client.
 */
public final class StoredOrgs {
  private static final Instant CONNECTED = Instant.parse("2026-01-01T00:00:00Z");

  private StoredOrgs() {}

  /** Inserts an active org row named {@code name} and returns it. */
  public static Org insert(Jdbc jdbc, String name, Environment environment) {
    String id = Jdbc.newId();
    jdbc.update(
        "INSERT INTO orgs (id, name, name_key, environment, login_url, status, auth_flow,"
            + " client_id, connected_at) VALUES (?, ?, ?, ?, 'https://x', 'ACTIVE',"
            + " 'CLIENT_CREDENTIALS', 'c', ?)",
        id,
        name,
        name.toLowerCase(Locale.ROOT),
        environment.name(),
        CONNECTED);
    return new Org(
        id,
        name,
        environment,
        "https://x",
        "https://x",
        null,
        name,
        "Enterprise Edition",
        "john.doe@acme.com",
        OrgStatus.ACTIVE,
        CONNECTED,
        null);
  }

  /**
   * The given orgs, all served by {@code client}; resolves a reference by name or environment
   * (first match); the first org is every conversation's active one.
   */
  public record Directory(List<Org> all, SalesforceClient client) implements OrgDirectory {
    public Directory {
      all = List.copyOf(all);
    }

    @Override
    public List<Org> list() {
      return all;
    }

    @Override
    public Optional<Org> byId(String id) {
      return all.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    @Override
    public Org resolve(String reference) {
      return all.stream()
          .filter(
              o ->
                  o.name().equalsIgnoreCase(reference)
                      || o.environment().name().equalsIgnoreCase(reference))
          .findFirst()
          .orElseThrow(
              () -> ScopienException.notFound("unknown_org", "No org called " + reference));
    }

    @Override
    public SalesforceClient client(Org org) {
      return client;
    }

    @Override
    public Org activeOrg(String conversationId) {
      return all.get(0);
    }

    @Override
    public void switchActiveOrg(String conversationId, Org org) {}
  }
}
