package com.scopien.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import com.scopien.orgs.Org;
import com.scopien.security.Role;
import com.scopien.security.User;
import com.scopien.store.DatabaseTestBase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncChatToolsTest extends DatabaseTestBase {
  private static final User MANAGER = new User("u1", "Mia", "mia@acme.com", Role.MANAGER);

  private FakeSalesforceClient salesforce;
  private SyncFixture fixture;
  private SyncChatTools tools;
  private Org org;

  @BeforeEach
  void setUp() {
    salesforce = new FakeSalesforceClient();
    fixture = new SyncFixture(jdbc());
    tools = new SyncChatTools(fixture.sync, Clock.systemUTC());
    org = fixture.org(salesforce);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void syncNowStartsARunAndSaysWhatItDoes() throws Exception {
    salesforce.seed("Account", 12);

    String reply = tools.syncNow(MANAGER, org, List.of("Account"));

    assertThat(reply)
        .contains("Sync of **" + org.name() + "** is running")
        .contains("- Account: initial sync of every record");
    SyncRun run = fixture.sync.runs(org.id()).get(0);
    assertThat(run.trigger()).isEqualTo(SyncRun.Trigger.CHAT);
    assertThat(fixture.sync.await(run.id(), Duration.ofSeconds(30)).status())
        .isEqualTo(SyncRun.Status.SUCCEEDED);
  }

  @Test
  void statusReportsHealthTheLastRunAndObjects() {
    salesforce.seed("Account", 7);
    fixture.syncAndWait(org);

    String reply = tools.status(org, List.of("account"));

    assertThat(reply)
        .startsWith("**Sync health of " + org.name() + ": Excellent**")
        .contains("- Success rate: 100.0%")
        .contains("- Last run: succeeded, just now: 7 created, 0 updated, 0 deleted")
        .contains("| Account | yes | 7 | just now |")
        .doesNotContain("| Contact |");
  }

  @Test
  void statusSaysWhatStreamsInRealTimeAndWhatIsPolledInstead() {
    RealtimeStatus realtime =
        new RealtimeStatus(
            org.id(),
            true,
            List.of("Account"),
            java.util.Map.of("Case", "no change events"),
            Duration.ofSeconds(30),
            null,
            null);
    SyncChatTools withStream =
        new SyncChatTools(
            fixture.sync,
            Clock.systemUTC(),
            orgId ->
                orgId.equals(org.id())
                    ? java.util.Optional.of(realtime)
                    : java.util.Optional.empty());

    assertThat(withStream.status(org, List.of()))
        .contains(
            "- Real-time: streaming Account; real-time unavailable for Case (no change events),"
                + " polling every 30 s");
    assertThat(tools.status(org, List.of())).doesNotContain("Real-time");
  }

  @Test
  void errorsListTheLogWithActionAndStatus() {
    salesforce.removeField("Lead", "Score__c");
    assertThat(tools.errors(org, List.of(), 24, 10))
        .isEqualTo("No sync errors for **" + org.name() + "** in the last 24 hours.");
    fixture.syncAndWait(org, List.of("Lead"), false);

    String reply = tools.errors(org, List.of("Lead"), 24, 10);

    assertThat(reply)
        .contains("**Recent sync errors of " + org.name() + "**")
        .contains("Invalid field: Lead.Score__c no longer exists in the org")
        .contains("Status: Needs attention");
  }

  @Test
  void aRefusalComesBackAsAScopienError() {
    assertThatThrownBy(() -> tools.syncNow(MANAGER, org, List.of("Campaign")))
        .isInstanceOf(ScopienException.class)
        .hasMessageContaining("Campaign is not selected for sync");
  }
}
