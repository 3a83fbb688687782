package com.scopien.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import com.scopien.store.Database;
import com.scopien.store.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A production write waiting for confirmation is kept in the store: another agent over the same
 * database (a restart, or a second instance) confirms exactly that change, once.
 */
class StoredPendingWriteTest {
  private final AgentFixture fixture = new AgentFixture();

  private AgentService agentOver(Database db) {
    return AgentService.builder().orgs(fixture.orgs).clock(fixture.clock).store(db.jdbc()).build();
  }

  @Test
  void aSecondInstanceConfirmsTheWriteTheFirstHeldBackAndOnlyOnce() {
    try (Database db = TestDatabases.open(TestDatabases.Engine.H2)) {
      AgentService first = agentOver(db);
      ChatReply asked =
          first.chat(AgentFixture.ADMIN, null, "Update the amount of Acme Corp Deal to 80000.50");
      assertThat(asked.toolCalls().get(0).status()).isEqualTo("needs_confirmation");
      assertThat(fixture.production.writes).isEmpty();

      AgentService second = agentOver(db);
      assertThat(second.pendingChange(AgentFixture.ADMIN, asked.conversationId()))
          .hasValueSatisfying(s -> assertThat(s).contains("Acme Corp Deal"));
      ChatReply confirmed = second.confirmPending(AgentFixture.ADMIN, asked.conversationId());

      assertThat(confirmed.toolCalls().get(0).status()).isEqualTo("ok");
      assertThat(fixture.production.writes).hasSize(1);
      assertThat(fixture.production.writes.get(0).toString()).endsWith("{Amount=80000.5}");
      assertThatThrownBy(() -> first.confirmPending(AgentFixture.ADMIN, asked.conversationId()))
          .isInstanceOfSatisfying(
              ScopienException.class, e -> assertThat(e.code()).isEqualTo("no_pending_write"));
      assertThat(fixture.production.writes).hasSize(1);
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(TestDatabases.Engine.class)
  void theWritesOfOneTurnAreStoredInOrderAndTakenTogetherOnce(TestDatabases.Engine engine) {
    try (Database db = TestDatabases.open(engine)) {
      AgentService agent = agentOver(db);
      String id = agent.chat(AgentFixture.ADMIN, null, "show leads").conversationId();
      JdbcPendingWrites store = new JdbcPendingWrites(db.jdbc(), fixture.clock);
      store.put(write(id, "first"));
      store.put(write(id, "second"));

      assertThat(store.peek(id))
          .extracting(PendingWrite::summary)
          .containsExactly("first", "second");
      assertThat(store.take(id))
          .extracting(PendingWrite::summary)
          .containsExactly("first", "second");
      assertThat(store.take(id)).isEmpty();
      assertThat(store.peek(id)).isEmpty();
    }
  }

  private PendingWrite write(String conversationId, String summary) {
    return new PendingWrite(
        conversationId,
        AgentFixture.ADMIN.id(),
        "org-prod",
        "update_record",
        java.util.Map.of(),
        "Opportunity",
        fixture.dealId,
        "Acme Corp Deal",
        java.util.Map.of("Amount", 1),
        java.util.Map.of("Amount", 75000),
        summary,
        fixture.clock.instant());
  }

  @Test
  void aStoredWriteExpiresAfterFifteenMinutes() {
    try (Database db = TestDatabases.open(TestDatabases.Engine.H2)) {
      AgentService agent = agentOver(db);
      ChatReply asked =
          agent.chat(AgentFixture.ADMIN, null, "Update the amount of Acme Corp Deal to 80000");
      fixture.clock.advance(Duration.ofMinutes(16));

      ChatReply late = agentOver(db).chat(AgentFixture.ADMIN, asked.conversationId(), "yes");

      assertThat(late.toolCalls()).noneMatch(c -> c.tool().equals("update_record"));
      assertThat(fixture.production.writes).isEmpty();
    }
  }
}
