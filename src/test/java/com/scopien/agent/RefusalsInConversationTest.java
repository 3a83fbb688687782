package com.scopien.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Honest limits and unusable words with the offline model as Scopien runs it (typo mending with the
 * whole catalogue): no tool for a delete, and a stage it cannot match is named in the reply.
 */
class RefusalsInConversationTest {
  private final AgentService agent = new AgentFixture().understandingAgent();

  @Test
  void deleteIsRefusedPlainlyWithNoToolEvenMidConversation() {
    ChatReply first = agent.chat(AgentFixture.ADMIN, null, "show me leads");
    ChatReply refused = agent.chat(AgentFixture.ADMIN, first.conversationId(), "Delete all leads");
    assertThat(refused.toolCalls()).isEmpty();
    assertThat(refused.reply()).startsWith("I can't delete records here; I can ");
  }

  @Test
  void aStageItCannotMatchIsNamedInTheReply() {
    ChatReply reply =
        agent.chat(AgentFixture.ADMIN, null, "show opportunities in negotiashun stage");
    assertThat(reply.reply()).contains("I couldn't use \"negotiashun\"").contains("Prospecting");
  }
}
