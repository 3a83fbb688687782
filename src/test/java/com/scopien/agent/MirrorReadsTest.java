package com.scopien.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.orgs.Org;
import com.scopien.soql.Soql;
import com.scopien.soql.SoqlQuery;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The read tools answer from the local mirror when it answers, and say how fresh the answer is. */
class MirrorReadsTest {
  private final AgentFixture fixture = new AgentFixture();
  private final ScriptedChatModel model = new ScriptedChatModel();
  private final List<String> asked = new ArrayList<>();
  private Optional<LocalMirror.Answer> answer = Optional.empty();

  private final LocalMirror mirror =
      new LocalMirror() {
        @Override
        public Optional<Answer> read(Org org, SoqlQuery query) {
          asked.add(org.name() + ": " + Soql.print(query));
          return answer;
        }
      };

  private final AgentService agent =
      AgentService.builder()
          .orgs(fixture.orgs)
          .chatModel(model)
          .clock(fixture.clock)
          .localMirror(mirror)
          .build();

  private static Map<String, Object> deal() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("Name", "Acme Corp Deal");
    row.put("StageName", "Closed Won");
    row.put("Amount", 75000.0);
    row.put("CloseDate", "2026-01-15");
    row.put("Id", "006000000000101AAA");
    return row;
  }

  @Test
  void aFreshMirrorAnswersWithoutCallingTheOrgAndSaysHowFresh() {
    answer =
        Optional.of(
            new LocalMirror.Answer(
                List.of(deal()), 1_234, fixture.clock.instant().minus(Duration.ofMinutes(3))));
    model
        .thenCall(
            "query_records",
            "{\"object\":\"Opportunity\",\"filters\":[{\"field\":\"StageName\",\"op\":\"=\",\"value\":\"Closed Won\"}],\"limit\":1}")
        .thenSay("Done.");

    ChatReply reply = agent.chat(AgentFixture.ADMIN, null, "closed won deals");

    ChatReply.ToolCallRecord call = reply.toolCalls().get(0);
    assertThat(reply.toolCalls()).hasSize(1);
    assertThat(call.status()).isEqualTo("ok");
    assertThat(call.source()).isEqualTo("mirror");
    assertThat(call.asOf())
        .isEqualTo(fixture.clock.instant().minus(Duration.ofMinutes(3)).toString());
    assertThat(asked)
        .containsExactly(
            "Production: SELECT Name, StageName, Amount, CloseDate, Id FROM Opportunity WHERE StageName = 'Closed Won' LIMIT 1");
    assertThat(fixture.production.queries).isEmpty();
    assertThat(lastToolResult())
        .startsWith(
            "From the local copy of **Production** (production, Acme Corporation), as of 3 minutes"
                + " ago: 1 of 1,234 opportunities where Stage = 'Closed Won'.")
        .contains("| Acme Corp Deal | Closed Won | 75,000 | Jan 15, 2026 |")
        .contains("More records match; ask for the next page (offset 1).");
  }

  @Test
  void countsFromTheMirrorToo() {
    answer = Optional.of(new LocalMirror.Answer(List.of(), 42, fixture.clock.instant()));
    model.thenCall("count_records", "{\"object\":\"Case\"}").thenSay("Done.");

    agent.chat(AgentFixture.ADMIN, null, "how many cases");

    assertThat(asked).containsExactly("Production: SELECT COUNT() FROM Case");
    assertThat(fixture.production.queries).isEmpty();
    assertThat(lastToolResult())
        .isEqualTo(
            "In the local copy of **Production** (production, Acme Corporation), as of less than a"
                + " minute ago: 42 cases.");
  }

  @Test
  void whenTheMirrorCannotAnswerTheReadGoesLiveAndSaysSo() {
    model.thenCall("count_records", "{\"object\":\"Opportunity\"}").thenSay("Done.");

    ChatReply reply = agent.chat(AgentFixture.ADMIN, null, "how many deals");

    assertThat(reply.toolCalls().get(0).source()).isEqualTo("live");
    assertThat(reply.toolCalls().get(0).asOf()).isNull();
    assertThat(asked).hasSize(1);
    assertThat(fixture.production.queries).containsExactly("SELECT COUNT() FROM Opportunity");
    assertThat(lastToolResult())
        .isEqualTo("In **Production** (production, Acme Corporation), live: 2 opportunities.");
  }

  @Test
  void getRecordReadsTheFieldsFromTheMirrorWhenItHasThem() {
    answer =
        Optional.of(
            new LocalMirror.Answer(
                List.of(deal()), 1, fixture.clock.instant().minus(Duration.ofMinutes(1))));
    model
        .thenCall(
            "get_record",
            "{\"object\":\"Opportunity\",\"name\":\"Acme Corp Deal\",\"fields\":[\"Amount\"]}")
        .thenSay("Done.");

    agent.chat(AgentFixture.ADMIN, null, "show me Acme Corp Deal");

    assertThat(fixture.production.queries).isEmpty();
    assertThat(lastToolResult())
        .startsWith(
            "[Acme Corp Deal](https://acme.my.salesforce.com/006000000000101AAA)'s amount is"
                + " 75,000.")
        .contains(
            "From the local copy of **Production** (production, Acme Corporation), as of 1"
                + " minute ago");
  }

  private String lastToolResult() {
    List<ChatMessage> sent = model.requests.get(model.requests.size() - 1).messages();
    for (int i = sent.size() - 1; i >= 0; i--) {
      if (sent.get(i) instanceof ToolExecutionResultMessage r) {
        return RecordData.unmarked(r.text());
      }
    }
    return "";
  }
}
