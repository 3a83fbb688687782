package com.scopien.agent;

import com.scopien.ScopienException;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import com.scopien.security.AccessPolicy;
import com.scopien.security.User;
import com.scopien.store.Jdbc;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Record visibility by role, enforced by every read and write path (chat tools, {@code POST
 * /api/query}, record changes through the REST API): admins and guests see every record (guests
 * never write), users the records they own, managers their own and those of everyone below them in
 * the org's {@code User.ManagerId} hierarchy.
 *
 * <p>A Scopien user is the org's Salesforce user linked to them by an admin ({@link #link}), or
 * else the one user of the org with the same email (the active one when several share it). A user
 * with no match owns nothing, so sees no owned records; objects without an {@code OwnerId} are not
 * limited. The org's users are read live with one query and kept for ten minutes. Thread-safe.
 */
public final class RecordVisibility {
  private final OrgDirectory orgs;
  private final OrgUserDirectory directory;
  private final OrgUserLinks links;
  private final AccessPolicy access = new AccessPolicy();
  private final Clock clock;

  /**
   * @param jdbc the store of the admins' links (migration V13); null keeps links in memory
   */
  public RecordVisibility(OrgDirectory orgs, Jdbc jdbc, Clock clock) {
    this.orgs = orgs;
    this.directory = new OrgUserDirectory(orgs, clock);
    this.links = jdbc == null ? OrgUserLinks.inMemory() : OrgUserLinks.stored(jdbc);
    this.clock = clock;
  }

  /**
   * Whose records {@code user} may read and change in {@code org}.
   *
   * @throws ScopienException the client's errors when the org's users cannot be read
   */
  public VisibleOwners of(User user, Org org) {
    AccessPolicy.Scope scope = access.scope(user == null ? null : user.role());
    if (scope == AccessPolicy.Scope.ALL) {
      return VisibleOwners.everything();
    }
    OrgUserDirectory.Users users = directory.users(org);
    Optional<String> me =
        links
            .get(org.id(), user.id())
            .flatMap(users::resolve)
            .or(() -> users.byEmail(user.email()));
    if (me.isEmpty()) {
      return new VisibleOwners(scope, null, Set.of());
    }
    Set<String> owners = scope == AccessPolicy.Scope.TEAM ? users.team(me.get()) : Set.of(me.get());
    return new VisibleOwners(scope, me.get(), owners);
  }

  /**
   * Links a Scopien user to a Salesforce user of the org, for when their emails differ; replaces an
   * earlier link. Returns the Salesforce user's 18-character Id.
   *
   * @throws ScopienException NOT_FOUND {@code unknown_org}; INVALID_INPUT {@code
   *     unknown_salesforce_user} when the org has no such user
   */
  public String link(String orgId, String userId, String salesforceUserId) {
    Org org = requireOrg(orgId);
    String id =
        directory
            .users(org)
            .resolve(salesforceUserId)
            .orElseThrow(
                () ->
                    ScopienException.invalid(
                        "unknown_salesforce_user",
                        "'"
                            + org.name()
                            + "' has no user with Id "
                            + safe(salesforceUserId)
                            + "."));
    links.put(org.id(), userId, id, clock.instant());
    return id;
  }

  /**
   * Removes a user's link in the org; the email match applies again. Returns whether there was one.
   *
   * @throws ScopienException NOT_FOUND {@code unknown_org}
   */
  public boolean unlink(String orgId, String userId) {
    return links.remove(requireOrg(orgId).id(), userId);
  }

  private Org requireOrg(String orgId) {
    return orgs.byId(orgId)
        .orElseThrow(() -> ScopienException.notFound("unknown_org", "No org with that id."));
  }

  private static String safe(String id) {
    String clean = id == null ? "" : id.replaceAll("[^A-Za-z0-9]", "");
    return clean.isEmpty() ? "(none)" : clean.substring(0, Math.min(18, clean.length()));
  }
}
