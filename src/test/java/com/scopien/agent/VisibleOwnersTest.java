package com.scopien.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.security.AccessPolicy.Scope;
import com.scopien.soql.Soql;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The owner predicate each role gets, and how a Scopien user finds their place in an org. */
class VisibleOwnersTest {
  private static final String JOHN = "005000000000001AAA";
  private static final String SARAH = "005000000000002AAA";
  private static final String MICHAEL = "005000000000003AAA";
  private static final String TEMP = "005000000000004AAA";
  private static final String PRIYA = "005000000000005AAA";

  private static final ObjectDescribe OWNED = object("Opportunity", "OwnerId");
  private static final ObjectDescribe UNOWNED = object("Product2", "Name");

  private static ObjectDescribe object(String name, String field) {
    FieldDescribe f =
        new FieldDescribe(
            field, field, "string", 18, false, true, true, true, false, false, false, List.of(),
            List.of(), null);
    return new ObjectDescribe(name, name, name + "s", "006", false, true, true, true, List.of(f));
  }

  @Test
  void adminsAndGuestsReadEveryRecord() {
    VisibleOwners all = VisibleOwners.everything();

    assertThat(all.condition(OWNED)).isEmpty();
    assertThat(all.allows("005anyone")).isTrue();
  }

  @Test
  void aUserIsLimitedToTheirOwnRecords() {
    VisibleOwners own = new VisibleOwners(Scope.OWN, SARAH, Set.of(SARAH));

    assertThat(own.condition(OWNED).map(Soql::print)).contains("OwnerId = '" + SARAH + "'");
    assertThat(own.allows(SARAH)).isTrue();
    assertThat(own.allows(SARAH.substring(0, 15))).isTrue();
    assertThat(own.allows(JOHN)).isFalse();
    assertThat(own.allows(null)).isFalse();
    assertThat(own.whose()).isEqualTo("you own");
  }

  @Test
  void aManagerSeesTheirTeamInAStableOrder() {
    VisibleOwners team = new VisibleOwners(Scope.TEAM, JOHN, Set.of(MICHAEL, JOHN, SARAH));

    assertThat(team.condition(OWNED).map(Soql::print))
        .contains("OwnerId IN ('" + JOHN + "', '" + SARAH + "', '" + MICHAEL + "')");
    assertThat(team.whose()).isEqualTo("owned by you or your team");
  }

  @Test
  void anUnlinkedUserSeesNoOwnedRecordButUnownedObjectsStayOpen() {
    VisibleOwners nobody = new VisibleOwners(Scope.OWN, null, Set.of());

    assertThat(nobody.linked()).isFalse();
    assertThat(nobody.condition(OWNED).map(Soql::print)).contains("Id = null");
    assertThat(nobody.condition(UNOWNED)).isEmpty();
    assertThat(nobody.restricts(UNOWNED)).isFalse();
  }

  @Test
  void theTeamIsEveryoneBelowTheManagerDirectlyOrNot() {
    OrgUserDirectory.Users users = users();

    assertThat(users.team(JOHN)).containsExactlyInAnyOrder(JOHN, SARAH, MICHAEL, TEMP);
    assertThat(users.team(SARAH)).containsExactlyInAnyOrder(SARAH, TEMP);
    assertThat(users.team(PRIYA)).containsExactly(PRIYA);
  }

  @Test
  void emailsMatchIgnoringCaseAndPreferTheActiveUser() {
    OrgUserDirectory.Users users = users();

    assertThat(users.byEmail("John.Doe@ACME.com")).contains(JOHN);
    // Sarah's old, inactive user shares her email; the active one wins.
    assertThat(users.byEmail("sarah@acme.com")).contains(SARAH);
    // Two active users with one email: ambiguous, so no match (an admin links one).
    assertThat(users.byEmail("shared@acme.com")).isEmpty();
    assertThat(users.byEmail("nobody@acme.com")).isEmpty();
    assertThat(users.resolve(MICHAEL.substring(0, 15))).contains(MICHAEL);
    assertThat(users.resolve("005999999999999")).isEmpty();
  }

  private static OrgUserDirectory.Users users() {
    return new OrgUserDirectory.Users(
        Map.of(
            JOHN,
            new OrgUserDirectory.OrgUser(JOHN, "john.doe@acme.com", true, null),
            SARAH,
            new OrgUserDirectory.OrgUser(SARAH, "sarah@acme.com", true, JOHN),
            MICHAEL,
            new OrgUserDirectory.OrgUser(MICHAEL, "shared@acme.com", true, JOHN),
            TEMP,
            new OrgUserDirectory.OrgUser(TEMP, "shared@acme.com", true, SARAH),
            PRIYA,
            new OrgUserDirectory.OrgUser(PRIYA, "priya@acme.com", true, null),
            "005000000000006AAA",
            new OrgUserDirectory.OrgUser("005000000000006AAA", "sarah@acme.com", false, null)),
        Instant.EPOCH);
  }
}
