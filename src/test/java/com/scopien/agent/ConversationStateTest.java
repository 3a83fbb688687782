package com.scopien.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.SystemMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conversation state a model is given: a scripted model (standing in for an OpenAI-compatible
 * one) sees, in the next turn's system message, the list it ran, the records it showed and the
 * record in focus, and the state survives being stored with the history.
 */
class ConversationStateTest {
  private final AgentFixture fixture = new AgentFixture();

  @Test
  void theNextTurnsSystemMessageCarriesTheListTheRecordsShownAndTheFocus() {
    ScriptedChatModel model =
        new ScriptedChatModel()
            .thenCall(
                "query_records",
                "{\"object\":\"Opportunity\",\"orderBy\":[{\"field\":\"Amount\",\"direction\":\"desc\"}]}")
            .thenSay("Here they are.")
            .thenCall("get_record", "{\"object\":\"Opportunity\",\"name\":\"Acme Corp Deal\"}")
            .thenSay("That one.")
            .thenSay("Noted.");
    AgentService agent = fixture.agent(model);

    String id = agent.chat(AgentFixture.ADMIN, null, "show opportunities").conversationId();
    agent.chat(AgentFixture.ADMIN, id, "the first one");
    agent.chat(AgentFixture.ADMIN, id, "thanks");

    String afterList = system(model, 2);
    assertThat(afterList)
        .contains(ConversationState.HEADING)
        .contains("\"lastList\":{\"tool\":\"query_records\"")
        .contains("\"name\":\"Acme Corp Deal\"")
        .contains("\"name\":\"Globex Renewal\"")
        .contains("Amount");
    String afterGet = system(model, 4);
    assertThat(afterGet)
        .contains("\"focus\":{\"id\":\"" + fixture.dealId + "\",\"name\":\"Acme Corp Deal\"")
        .contains("\"org\":{\"name\":\"Production\",\"environment\":\"production\"}");
  }

  @Test
  void aFirstTurnHasNoStateAndAFailedCallChangesNothing() {
    ConversationState before = ConversationState.EMPTY;
    ConversationState after =
        StateUpdates.after(
            before,
            "get_record",
            java.util.Map.of("object", "Contact", "name", "Nobody"),
            ToolOutcome.error("No Contact named 'Nobody'."),
            null);
    assertThat(after).isEqualTo(before);
    assertThat(before.isEmpty()).isTrue();
  }

  @Test
  void theStateReadsBackFromItsJson() {
    ConversationState state =
        new ConversationState(
            new ConversationState.OrgRef("Acme Sandbox", "sandbox"),
            new ConversationState.LastList("count_records", java.util.Map.of("object", "Case")),
            List.of(new ShownRecord("003000000000001AAA", "Jane Roe", "Contact")),
            new ShownRecord("003000000000001AAA", "Jane Roe", "Contact"));
    assertThat(ConversationState.fromJson(state.toJson())).isEqualTo(state);
    assertThat(ConversationState.fromJson("not json")).isEqualTo(ConversationState.EMPTY);
  }

  private static String system(ScriptedChatModel model, int request) {
    return model.requests.get(request).messages().stream()
        .filter(SystemMessage.class::isInstance)
        .map(m -> ((SystemMessage) m).text())
        .findFirst()
        .orElseThrow();
  }
}
