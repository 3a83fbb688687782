package com.scopien.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The agent loop driven by a scripted model: which tools ran, with what, and what came back. */
class AgentServiceTest {
  private final AgentFixture fixture = new AgentFixture();
  private final ScriptedChatModel model = new ScriptedChatModel();
  private final AgentService agent = fixture.agent(model);

  @Test
  void runsTheToolWithTheGivenArgumentsAndRecordsTheCallsInOrder() {
    model
        .thenCall("count_records", "{\"object\":\"Opportunity\"}")
        .thenCall(
            "query_records",
            "{\"object\":\"Opportunity\",\"filters\":[{\"field\":\"StageName\",\"op\":\"=\",\"value\":\"closed won\"}]}")
        .thenSay("Here they are.");

    ChatReply reply = agent.chat(AgentFixture.ADMIN, null, "closed won deals");

    assertThat(reply.reply()).isEqualTo("Here they are.");
    assertThat(reply.toolCalls())
        .extracting(ChatReply.ToolCallRecord::tool, ChatReply.ToolCallRecord::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("count_records", "ok"),
            org.assertj.core.groups.Tuple.tuple("query_records", "ok"));
    assertThat(reply.toolCalls().get(1).arguments()).containsEntry("object", "Opportunity");
    assertThat(fixture.production.queries)
        .contains(
            "SELECT Name, StageName, Amount, CloseDate, Id FROM Opportunity WHERE StageName = 'Closed Won' LIMIT 10");
    String result = lastToolResult(1);
    assertThat(result)
        .startsWith(
            "From **Production** (production, Acme Corporation), live: 1 of 1 opportunities");
    assertThat(result).contains("| Acme Corp Deal | Closed Won | 75,000 | Jan 15, 2026 |");
    assertThat(reply.org().environment()).isEqualTo("production");
  }

  @Test
  void malformedArgumentsAreAnErrorTheModelCanRead() {
    model.thenCall("query_records", "{\"object\": \"Opportunity\", ").thenSay("Sorry.");

    ChatReply reply = agent.chat(AgentFixture.ADMIN, null, "show deals");

    assertThat(reply.toolCalls())
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.status()).isEqualTo("error");
              assertThat(call.arguments()).containsKey("raw");
            });
    assertThat(lastToolResult(1)).contains("not a valid JSON object");
    assertThat(fixture.production.queries).isEmpty();
  }

  @Test
  void anUnknownFieldComesBackNamingTheClosestRealFields() {
    model
        .thenCall("query_records", "{\"object\":\"Opportunity\",\"fields\":[\"Amout\"]}")
        .thenSay("Let me fix that.");

    ChatReply reply = agent.chat(AgentFixture.ADMIN, null, "amounts");

    assertThat(reply.toolCalls().get(0).status()).isEqualTo("error");
    assertThat(lastToolResult(1)).startsWith("No field 'Amout' on Opportunity.").contains("Amount");
  }

  @Test
  void anUnknownObjectComesBackNamingTheClosestObjects() {
    model.thenCall("count_records", "{\"object\":\"Opportunities\"}").thenSay("ok");
    agent.chat(AgentFixture.ADMIN, null, "count");
    assertThat(lastToolResult(1)).isNotEmpty();
    model.thenCall("count_records", "{\"object\":\"Invoice\"}").thenSay("ok");
    ChatReply byLabel = agent.chat(AgentFixture.ADMIN, null, "count invoices");
    assertThat(byLabel.toolCalls().get(0).status()).isEqualTo("ok");
    model.thenCall("count_records", "{\"object\":\"Invoce__c\"}").thenSay("ok");
    ChatReply typo = agent.chat(AgentFixture.ADMIN, null, "count invoices");
    assertThat(typo.toolCalls().get(0).status()).isEqualTo("error");
    assertThat(lastToolResult(1)).contains("Closest objects: Invoice__c");
  }

  @Test
  void hiddenFieldsAreNeverSelectedNorShown() {
    model.thenCall("get_record", "{\"object\":\"Contact\",\"name\":\"Jane Roe\"}").thenSay("ok");
    model
        .thenCall("query_records", "{\"object\":\"Contact\",\"fields\":[\"Name\",\"SSN__c\"]}")
        .thenSay("ok");

    ChatReply detail = agent.chat(AgentFixture.ADMIN, null, "jane");
    String shown = lastToolResult(1);
    ChatReply query = agent.chat(AgentFixture.ADMIN, null, "ssn");

    assertThat(detail.toolCalls().get(0).status()).isEqualTo("ok");
    assertThat(shown)
        .contains("jane.roe@acme.com")
        .doesNotContain("123-45-6789")
        .doesNotContain("SSN");
    assertThat(query.toolCalls().get(0).status()).isEqualTo("error");
    assertThat(lastToolResult(1))
        .contains("hidden by field-level security")
        .doesNotContain("123-45-6789")
        .doesNotContain("SSN");
    assertThat(String.join("\n", fixture.production.queries)).doesNotContainIgnoringCase("SSN__c");
  }

  @Test
  void toolCallsPerMessageAreBounded() {
    for (int i = 0; i < 8; i++) {
      model.thenCall("count_records", "{\"object\":\"Account\"}");
    }
    model.thenSay("done");

    ChatReply reply = agent.chat(AgentFixture.ADMIN, null, "count forever");

    assertThat(reply.toolCalls()).hasSize(6);
    assertThat(reply.toolCalls()).allMatch(c -> c.status().equals("ok"));
    assertThat(model.requests.get(model.requests.size() - 1).toolSpecifications()).isEmpty();
  }

  @Test
  void anUnknownOrgIsAnErrorListingTheOrgs() {
    model
        .thenCall("count_records", "{\"object\":\"Account\",\"org\":\"staging-eu\"}")
        .thenSay("no");

    ChatReply reply = agent.chat(AgentFixture.ADMIN, null, "count");

    assertThat(reply.toolCalls().get(0).status()).isEqualTo("error");
    assertThat(lastToolResult(1))
        .contains("no connected org called 'staging-eu'")
        .contains("Production (production)")
        .contains("Sandbox (sandbox)");
  }

  @Test
  void theOrgArgumentActsForThatCallOnlyWhileSwitchOrgChangesTheConversation() {
    model.thenCall("count_records", "{\"object\":\"Account\",\"org\":\"sandbox\"}").thenSay("ok");
    ChatReply once = agent.chat(AgentFixture.ADMIN, null, "count in sandbox");
    assertThat(fixture.sandbox.queries).hasSize(1);
    assertThat(once.org().environment()).isEqualTo("production");

    model.thenCall("switch_org", "{\"org\":\"sandbox\"}").thenSay("Switched.");
    ChatReply switched = agent.chat(AgentFixture.ADMIN, once.conversationId(), "switch");
    assertThat(switched.org().name()).isEqualTo("Sandbox");
  }

  @Test
  void aGuestCannotWriteEvenWhenTheModelTries() {
    model
        .thenCall(
            "create_record",
            "{\"object\":\"Lead\",\"values\":{\"LastName\":\"X\",\"Company\":\"Y\"}}")
        .thenSay("no");

    ChatReply reply = agent.chat(AgentFixture.GUEST, null, "create a lead");

    assertThat(reply.toolCalls().get(0).status()).isEqualTo("error");
    assertThat(lastToolResult(1)).contains("may not use create_record");
    assertThat(fixture.production.writes).isEmpty();
    assertThat(model.requests.get(0).toolSpecifications())
        .extracting(s -> s.name())
        .doesNotContain("create_record", "update_record", "sync_now", "api_usage");
  }

  @Test
  void anUnknownToolIsAnError() {
    model.thenCall("delete_everything", "{}").thenSay("no");
    ChatReply reply = agent.chat(AgentFixture.ADMIN, null, "x");
    assertThat(reply.toolCalls().get(0).status()).isEqualTo("error");
    assertThat(lastToolResult(1)).contains("There is no tool 'delete_everything'");
  }

  @Test
  void syncToolsSayPlainlyTheyAreNotAvailableButAreStillRecorded() {
    model.thenCall("sync_now", "{\"objects\":[\"Account\"]}").thenSay("Sync is not there yet.");
    ChatReply reply = agent.chat(AgentFixture.ADMIN, null, "sync accounts");
    assertThat(reply.toolCalls())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.tool()).isEqualTo("sync_now");
              assertThat(c.arguments()).containsEntry("objects", List.of("Account"));
              assertThat(c.status()).isEqualTo("error");
            });
    assertThat(lastToolResult(1)).contains("Sync is not available yet");
  }

  @Test
  void apiUsageAgreesWithTheOrgsLimits() {
    model.thenCall("api_usage", "{}").thenSay("ok");
    agent.chat(AgentFixture.ADMIN, null, "api");
    assertThat(lastToolResult(1)).contains("| 15,000 | 1,000 (6.7%) | 14,000 |");
  }

  @Test
  void memoryCarriesTheConversationAndBadInputIsRefused() {
    model.thenSay("Hello.").thenSay("Again.");
    ChatReply first = agent.chat(AgentFixture.ADMIN, null, "hi");
    agent.chat(AgentFixture.ADMIN, first.conversationId(), "hi again");
    List<ChatMessage> sent = model.requests.get(1).messages();
    assertThat(sent).hasSize(4);

    assertThatThrownBy(() -> agent.chat(AgentFixture.ADMIN, "no-such-id", "hi"))
        .isInstanceOfSatisfying(
            ScopienException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ScopienException.Kind.NOT_FOUND);
              assertThat(e.code()).isEqualTo("unknown_conversation");
            });
    assertThatThrownBy(() -> agent.chat(AgentFixture.REP, first.conversationId(), "hi"))
        .isInstanceOf(ScopienException.class)
        .hasMessageContaining("no conversation");
    assertThatThrownBy(() -> agent.chat(AgentFixture.ADMIN, null, "   "))
        .isInstanceOfSatisfying(
            ScopienException.class,
            e -> assertThat(e.kind()).isEqualTo(ScopienException.Kind.INVALID_INPUT));
    assertThatThrownBy(() -> agent.chat(AgentFixture.ADMIN, null, "x".repeat(4_001)))
        .isInstanceOfSatisfying(
            ScopienException.class, e -> assertThat(e.code()).isEqualTo("message_too_long"));
  }

  private String lastToolResult(int turnsBack) {
    List<ChatMessage> sent = model.requests.get(model.requests.size() - turnsBack).messages();
    for (int i = sent.size() - 1; i >= 0; i--) {
      if (sent.get(i) instanceof ToolExecutionResultMessage r) {
        return RecordData.unmarked(r.text());
      }
    }
    return "";
  }
}
