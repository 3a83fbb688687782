package com.scopien;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.security.Role;
import com.scopien.security.User;
import com.scopien.security.UserService;
import com.scopien.slack.SlackStore;
import com.scopien.store.DatabaseTestBase;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Slack tables on H2 and PostgreSQL, as two instances sharing one database see them. */
class JdbcSlackStoreTest extends DatabaseTestBase {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  @Test
  void anEventIsTakenOnceAcrossInstancesUntilGivenBack() {
    SlackStore one = new JdbcSlackStore(jdbc());
    SlackStore two = new JdbcSlackStore(jdbc());
    String event = "Ev" + UUID.randomUUID();

    assertThat(one.claimEvent(event, T0)).isTrue();
    assertThat(two.claimEvent(event, T0.plusSeconds(3))).isFalse();
    assertThat(one.claimEvent(event, T0.plusSeconds(60))).isFalse();

    two.releaseEvent(event);
    assertThat(two.claimEvent(event, T0.plusSeconds(61))).isTrue();
  }

  @Test
  void oldEventsAreForgotten() {
    SlackStore store = new JdbcSlackStore(jdbc());
    String old = "Ev" + UUID.randomUUID();
    String recent = "Ev" + UUID.randomUUID();
    store.claimEvent(old, T0.minusSeconds(90_000));
    store.claimEvent(recent, T0);

    assertThat(store.forgetEventsBefore(T0.minusSeconds(86_400))).isGreaterThanOrEqualTo(1);
    assertThat(store.claimEvent(old, T0)).isTrue();
    assertThat(store.claimEvent(recent, T0)).isFalse();
  }

  @Test
  void eachPersonInAThreadHasTheirOwnConversation() {
    SlackStore store = new JdbcSlackStore(jdbc());
    String thread = "T1:C1:" + UUID.randomUUID();

    assertThat(store.hasThread(thread)).isFalse();
    store.saveConversation(thread, "user-a", "conv-1", T0);
    store.saveConversation(thread, "user-b", "conv-2", T0);
    store.saveConversation(thread, "user-a", "conv-3", T0.plusSeconds(1));

    assertThat(store.hasThread(thread)).isTrue();
    assertThat(store.conversation(thread, "user-a")).contains("conv-3");
    assertThat(store.conversation(thread, "user-b")).contains("conv-2");
    assertThat(store.conversation(thread, "user-c")).isEmpty();
  }

  @Test
  void linksAreSavedReplacedAndRemoved() {
    UserService users = new UserService(jdbc(), Clock.systemUTC());
    User jane = users.createUser("Jane", UUID.randomUUID() + "@acme.test", Role.USER);
    User john = users.createUser("John", UUID.randomUUID() + "@acme.test", Role.MANAGER);
    SlackStore store = new JdbcSlackStore(jdbc());
    String slackUser = "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    store.saveLink(new SlackStore.Link(slackUser, jane.id(), null, T0));
    store.saveLink(new SlackStore.Link(slackUser, john.id(), jane.id(), T0.plusSeconds(5)));

    SlackStore.Link link = store.link(slackUser).orElseThrow();
    assertThat(link.userId()).isEqualTo(john.id());
    assertThat(link.linkedBy()).isEqualTo(jane.id());
    assertThat(link.linkedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(store.links()).extracting(SlackStore.Link::slackUserId).contains(slackUser);
    assertThat(store.deleteLink(slackUser)).isTrue();
    assertThat(store.deleteLink(slackUser)).isFalse();
    assertThat(store.link(slackUser)).isEmpty();
  }
}
