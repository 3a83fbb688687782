package com.scopien.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.agent.StreamingAssistant.ChatTurn;
import com.scopien.store.Database;
import com.scopien.store.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Turns followed as they happen (tool calls as they start and end, reply text in pieces) and read
 * back as the history the chat panel shows after a reload or a restart.
 */
class StreamingTurnTest {
  private final AgentFixture fixture = new AgentFixture();

  @Test
  void theOfflineModelsReplyArrivesInPiecesAfterTheToolRanAndJoinsToTheReply() {
    RecordingChatListener listener = new RecordingChatListener();

    ChatReply reply =
        fixture
            .offlineAgent()
            .chat(AgentFixture.ADMIN, null, "Show opportunities in production org", listener);

    assertThat(listener.events)
        .containsExactly(
            "start query_records {object=Opportunity, org=production}",
            "end query_records ok",
            "text");
    assertThat(listener.deltas).isGreaterThan(3);
    assertThat(listener.text.toString()).isEqualTo(reply.reply());
  }

  @Test
  void aProductionWriteStreamsItsQuestionAndYesStreamsTheWrite() {
    AgentService agent = fixture.offlineAgent();
    RecordingChatListener asked = new RecordingChatListener();
    ChatReply pending =
        agent.chat(AgentFixture.ADMIN, null, "Update the amount of Acme Corp Deal to 80000", asked);
    assertThat(asked.events).containsSubsequence("end update_record needs_confirmation", "text");
    assertThat(asked.text.toString()).isEqualTo(pending.reply());

    RecordingChatListener confirmed = new RecordingChatListener();
    ChatReply done = agent.chat(AgentFixture.ADMIN, pending.conversationId(), "yes", confirmed);

    assertThat(confirmed.events.get(0)).startsWith("start update_record");
    assertThat(confirmed.events).contains("end update_record ok");
    assertThat(confirmed.text.toString()).isEqualTo(done.reply());
  }

  @Test
  void theHistoryHoldsWhatPeopleSawAndSurvivesANewAgentOverTheSameStore() {
    try (Database db = TestDatabases.open(TestDatabases.Engine.H2)) {
      AgentService first =
          AgentService.builder().orgs(fixture.orgs).clock(fixture.clock).store(db.jdbc()).build();
      String id =
          first
              .chat(AgentFixture.ADMIN, null, "Show opportunities in production org")
              .conversationId();
      first.chat(AgentFixture.ADMIN, id, "Update the amount of Acme Corp Deal to 80000");

      AgentService restarted =
          AgentService.builder().orgs(fixture.orgs).clock(fixture.clock).store(db.jdbc()).build();
      List<ChatTurn> turns = restarted.history(AgentFixture.ADMIN, id);

      assertThat(turns)
          .extracting(ChatTurn::role)
          .containsExactly("user", "assistant", "user", "assistant");
      assertThat(turns.get(0).text()).isEqualTo("Show opportunities in production org");
      assertThat(turns.get(1).text()).contains("| Acme Corp Deal |");
      assertThat(turns.get(1).toolCalls())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.tool()).isEqualTo("query_records");
                assertThat(c.status()).isEqualTo("ok");
                assertThat(c.arguments()).containsEntry("object", "Opportunity");
              });
      assertThat(turns.get(3).toolCalls())
          .extracting(ChatReply.ToolCallRecord::status)
          .containsExactly("needs_confirmation");
    }
  }

  @Test
  void nobodyReadsAnotherPersonsHistory() {
    AgentService agent = fixture.offlineAgent();
    String id = agent.chat(AgentFixture.ADMIN, null, "List accounts").conversationId();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> agent.history(AgentFixture.REP, id))
        .hasMessageContaining("no conversation");
  }
}
