package com.scopien.agent;

import com.scopien.store.Jdbc;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An admin's links from Scopien users to Salesforce users, per org (migration V13), or kept in
 * memory when there is no store. Thread-safe.
 */
interface OrgUserLinks {
  Optional<String> get(String orgId, String userId);

  void put(String orgId, String userId, String salesforceUserId, Instant at);

  /** Returns whether there was a link. */
  boolean remove(String orgId, String userId);

  static OrgUserLinks inMemory() {
    Map<String, String> links = new ConcurrentHashMap<>();
    return new OrgUserLinks() {
      @Override
      public Optional<String> get(String orgId, String userId) {
        return Optional.ofNullable(links.get(orgId + "/" + userId));
      }

      @Override
      public void put(String orgId, String userId, String salesforceUserId, Instant at) {
        links.put(orgId + "/" + userId, salesforceUserId);
      }

      @Override
      public boolean remove(String orgId, String userId) {
        return links.remove(orgId + "/" + userId) != null;
      }
    };
  }

  static OrgUserLinks stored(Jdbc jdbc) {
    return new OrgUserLinks() {
      @Override
      public Optional<String> get(String orgId, String userId) {
        return jdbc.queryOne(
            "SELECT salesforce_user_id FROM org_user_links WHERE org_id = ? AND user_id = ?",
            row -> row.getString("salesforce_user_id"),
            orgId,
            userId);
      }

      @Override
      public void put(String orgId, String userId, String salesforceUserId, Instant at) {
        jdbc.inTransaction(
            () -> {
              jdbc.update(
                  "DELETE FROM org_user_links WHERE org_id = ? AND user_id = ?", orgId, userId);
              jdbc.update(
                  "INSERT INTO org_user_links (org_id, user_id, salesforce_user_id, linked_at)"
                      + " VALUES (?, ?, ?, ?)",
                  orgId,
                  userId,
                  salesforceUserId,
                  at);
            });
      }

      @Override
      public boolean remove(String orgId, String userId) {
        return jdbc.update(
                "DELETE FROM org_user_links WHERE org_id = ? AND user_id = ?", orgId, userId)
            > 0;
      }
    };
  }
}
