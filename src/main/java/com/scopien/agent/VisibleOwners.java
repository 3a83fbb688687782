package com.scopien.agent;

import com.scopien.salesforce.ObjectDescribe;
import com.scopien.security.AccessPolicy;
import com.scopien.soql.Condition;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whose records one Scopien user may read and change in one org: every record ({@code ALL}), or
 * those whose {@code OwnerId} is in {@link #owners()}: the user's own Salesforce user ({@code OWN})
 * and, for a manager, everyone below them in the org's {@code User.ManagerId} hierarchy ({@code
 * TEAM}). A user linked to no Salesforce user owns nothing, so sees no owned records. Objects
 * without an {@code OwnerId} field are not restricted. Immutable.
 *
 * @param orgUserId the user's Salesforce user Id in the org, or null when none matches
 * @param owners 18-character Salesforce user Ids; empty for {@code ALL} or an unlinked user
 */
public record VisibleOwners(AccessPolicy.Scope scope, String orgUserId, Set<String> owners) {
  public VisibleOwners {
    owners = Set.copyOf(owners);
  }

  /** Every record, as for admins. */
  public static VisibleOwners everything() {
    return new VisibleOwners(AccessPolicy.Scope.ALL, null, Set.of());
  }

  public boolean all() {
    return scope == AccessPolicy.Scope.ALL;
  }

  /** Whether the user has a Salesforce user in the org. */
  public boolean linked() {
    return orgUserId != null;
  }

  /**
   * Whether the object's records are limited by owner (it has an OwnerId and the scope is not all).
   */
  public boolean restricts(ObjectDescribe object) {
    return !all() && object.field("OwnerId").isPresent();
  }

  /**
   * Whether a record owned by {@code ownerId} (15 or 18 characters) is the user's to see and
   * change.
   */
  public boolean allows(Object ownerId) {
    if (all()) {
      return true;
    }
    if (ownerId == null) {
      return false;
    }
    String id = ownerId.toString();
    return id.length() == 15
        ? owners.stream().anyMatch(o -> o.startsWith(id))
        : owners.contains(id);
  }

  /**
   * The WHERE condition that limits a query of {@code object} to these owners, or empty when it is
   * not limited. For an unlinked user it matches nothing ({@code Id = null}).
   */
  public Optional<Condition> condition(ObjectDescribe object) {
    if (!restricts(object)) {
      return Optional.empty();
    }
    if (owners.isEmpty()) {
      return Optional.of(Condition.eq("Id", null));
    }
    List<String> sorted = owners.stream().sorted().toList();
    return Optional.of(
        sorted.size() == 1
            ? Condition.eq("OwnerId", sorted.get(0))
            : Condition.in("OwnerId", sorted));
  }

  /** How replies say whose records they show: "you own", "owned by you or your team". */
  String whose() {
    return scope == AccessPolicy.Scope.TEAM ? "owned by you or your team" : "you own";
  }
}
