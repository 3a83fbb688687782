package com.scopien.agent;

import com.scopien.ScopienException;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import com.scopien.salesforce.QueryPage;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.soql.Soql;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users of each org (Id, email, active, manager), read live with one query and kept for a few
 * minutes: enough to match a Scopien user by email and to walk a manager's reports. An org whose
 * User object has no ManagerId is read without it (nobody has reports there). Thread-safe.
 */
final class OrgUserDirectory {
  static final Duration TTL = Duration.ofMinutes(10);
  private static final int MAX_PAGES = 25;

  /** One Salesforce user. */
  record OrgUser(String id, String email, boolean active, String managerId) {}

  /** The users of one org, as read at {@code at}. */
  record Users(Map<String, OrgUser> byId, Instant at) {

    /** The one user with this email, the active one when several share it; else empty. */
    Optional<String> byEmail(String email) {
      if (email == null) {
        return Optional.empty();
      }
      List<OrgUser> same =
          byId.values().stream().filter(u -> email.equalsIgnoreCase(u.email())).toList();
      List<OrgUser> active = same.stream().filter(OrgUser::active).toList();
      List<OrgUser> pick = active.isEmpty() ? same : active;
      return pick.size() == 1 ? Optional.of(pick.get(0).id()) : Optional.empty();
    }

    /** The full Id of a user given by a 15- or 18-character Id, when the org has them. */
    Optional<String> resolve(String id) {
      if (id == null) {
        return Optional.empty();
      }
      if (byId.containsKey(id)) {
        return Optional.of(id);
      }
      return id.length() == 15
          ? byId.keySet().stream().filter(k -> k.startsWith(id)).findFirst()
          : Optional.empty();
    }

    /** {@code root} and everyone below it through ManagerId, directly or not. */
    Set<String> team(String root) {
      Map<String, List<String>> reports = new HashMap<>();
      for (OrgUser u : byId.values()) {
        if (u.managerId() != null) {
          reports.computeIfAbsent(u.managerId(), k -> new ArrayList<>()).add(u.id());
        }
      }
      Set<String> team = new LinkedHashSet<>();
      Deque<String> todo = new ArrayDeque<>(List.of(root));
      while (!todo.isEmpty()) {
        String next = todo.pop();
        if (team.add(next)) {
          todo.addAll(reports.getOrDefault(next, List.of()));
        }
      }
      return team;
    }
  }

  private final OrgDirectory orgs;
  private final Clock clock;
  private final Map<String, Users> cache = new ConcurrentHashMap<>();

  OrgUserDirectory(OrgDirectory orgs, Clock clock) {
    this.orgs = orgs;
    this.clock = clock;
  }

  Users users(Org org) {
    Instant now = clock.instant();
    Users hit = cache.get(org.id());
    if (hit != null && hit.at().plus(TTL).isAfter(now)) {
      return hit;
    }
    Users loaded = new Users(load(orgs.client(org)), now);
    cache.put(org.id(), loaded);
    return loaded;
  }

  private static Map<String, OrgUser> load(SalesforceClient client) {
    QueryPage page;
    boolean managers = true;
    try {
      page =
          client.query(Soql.select("Id", "Email", "IsActive", "ManagerId").from("User").toSoql());
    } catch (ScopienException noManagerField) {
      managers = false;
      page = client.query(Soql.select("Id", "Email", "IsActive").from("User").toSoql());
    }
    Map<String, OrgUser> users = new HashMap<>();
    for (int pages = 1; ; pages++) {
      for (SObjectRecord r : page.records()) {
        Object manager = managers ? r.get("ManagerId") : null;
        users.put(
            r.id(),
            new OrgUser(
                r.id(),
                r.get("Email") == null ? null : r.get("Email").toString().toLowerCase(Locale.ROOT),
                !Boolean.FALSE.equals(r.get("IsActive")),
                manager == null ? null : manager.toString()));
      }
      if (page.done() || page.nextRecordsUrl() == null || pages >= MAX_PAGES) {
        return users;
      }
      page = client.queryMore(page.nextRecordsUrl());
    }
  }
}
