package com.scopien.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Follow-ups in one conversation with the offline model: "now the sandbox", "what about ...". */
class FollowUpConversationTest {
  private final AgentFixture fixture = new AgentFixture();
  private final AgentService agent = fixture.offlineAgent();

  @Test
  void nowTheSandboxRepeatsTheLastRequestThere() {
    ChatReply first =
        agent.chat(
            AgentFixture.ADMIN, null, "Show closed won opportunities over 50k in production");
    assertThat(first.reply())
        .startsWith(
            "From **Production** (production, Acme Corporation), live: 1 of 1 opportunities")
        .contains("| Acme Corp Deal |");

    ChatReply second = agent.chat(AgentFixture.ADMIN, first.conversationId(), "now the sandbox");

    assertThat(second.toolCalls())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.tool()).isEqualTo("query_records");
              assertThat(c.arguments()).containsEntry("org", "sandbox").containsKey("filters");
            });
    assertThat(second.reply()).startsWith("From **Sandbox**");
    assertThat(fixture.sandbox.queries).hasSize(1);
  }

  @Test
  void whatAboutAnotherObjectKeepsTheToolAndDropsTheOldFilters() {
    ChatReply first = agent.chat(AgentFixture.ADMIN, null, "How many open cases are there?");
    ChatReply second = agent.chat(AgentFixture.ADMIN, first.conversationId(), "what about leads?");
    assertThat(second.toolCalls())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.tool()).isEqualTo("count_records");
              assertThat(c.arguments())
                  .containsEntry("object", "Lead")
                  .doesNotContainKey("filters");
            });
  }

  @Test
  void aRequestNoToolFitsGetsTheHelpText() {
    ChatReply reply = agent.chat(AgentFixture.ADMIN, null, "tell me a joke about penguins");
    assertThat(reply.toolCalls()).isEmpty();
    assertThat(reply.reply()).contains("I can work with your Salesforce data");
  }
}
