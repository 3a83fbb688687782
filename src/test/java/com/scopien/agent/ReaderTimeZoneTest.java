package com.scopien.agent;

import static com.scopien.agent.ObedientOpenAiServer.lastContent;
import static com.scopien.agent.ObedientOpenAiServer.text;
import static com.scopien.agent.ObedientOpenAiServer.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.config.Secret;
import java.io.IOException;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Times in replies are in the reader's time zone: the one the turn sends, else the one the
 * conversation last used, else UTC. The record's CreatedDate is 2026-01-10T10:00Z.
 */
class ReaderTimeZoneTest {
  private final AgentFixture fixture = new AgentFixture();
  private ObedientOpenAiServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private AgentService agent() throws IOException {
    server =
        new ObedientOpenAiServer(
            request ->
                lastContent(request).contains("<record_data")
                    ? text(RecordData.unmarked(lastContent(request)))
                    : toolCalls(
                        "get_record",
                        "{\"object\":\"Opportunity\",\"name\":\"Acme Corp Deal\","
                            + "\"fields\":[\"Name\",\"CreatedDate\"]}"));
    return AgentService.builder()
        .orgs(fixture.orgs)
        .clock(fixture.clock)
        .openAi(server.baseUrl(), Secret.of("sk-test"), "gpt-test")
        .build();
  }

  @Test
  void momentsAreWrittenInTheZoneTheTurnSendsAndTheConversationKeepsIt() throws IOException {
    AgentService agent = agent();

    ChatReply inNewYork =
        agent.chat(
            AgentFixture.ADMIN,
            null,
            "when was the Acme Corp Deal created?",
            ChatListener.NONE,
            ZoneId.of("America/New_York"));

    assertThat(inNewYork.reply()).contains("Jan 10, 2026, 5:00 AM EST").doesNotContain("UTC");

    ChatReply later =
        agent.chat(AgentFixture.ADMIN, inNewYork.conversationId(), "and when was it created?");

    assertThat(later.reply()).contains("Jan 10, 2026, 5:00 AM EST");

    ChatReply inBerlin =
        agent.chat(
            AgentFixture.ADMIN,
            inNewYork.conversationId(),
            "when was it created?",
            ChatListener.NONE,
            ZoneId.of("Europe/Berlin"));

    assertThat(inBerlin.reply()).contains("Jan 10, 2026, 11:00 AM CET");
  }

  @Test
  void withoutAZoneMomentsAreInUtc() throws IOException {
    ChatReply reply =
        agent().chat(AgentFixture.ADMIN, null, "when was the Acme Corp Deal created?");

    assertThat(reply.reply()).contains("Jan 10, 2026, 10:00 AM UTC");
  }
}
