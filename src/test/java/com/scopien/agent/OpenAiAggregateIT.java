package com.scopien.agent;

import static com.scopien.agent.ObedientOpenAiServer.lastContent;
import static com.scopien.agent.ObedientOpenAiServer.text;
import static com.scopien.agent.ObedientOpenAiServer.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.config.Secret;
import com.scopien.localorg.LocalOrg;
import com.scopien.localorg.LocalOrgOptions;
import com.scopien.salesforce.ClientOptions;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.OAuthSessionProvider;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceClients;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI-compatible path with totals: langchain4j-open-ai talks over HTTP to a fake
 * OpenAI-compatible server whose script is the aggregate_records call a model would make; the tool
 * runs against a local org over HTTP, and what the model is sent back carries the org's own sum.
 */
class OpenAiAggregateIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Deque<String> answers = new ArrayDeque<>();
  private ObedientOpenAiServer server;
  private LocalOrg production;
  private LocalOrg sandbox;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (production != null) {
      production.close();
      sandbox.close();
    }
  }

  @Test
  void aScriptedAggregateCallIsOfferedRunAndAnsweredWithTheOrgsOwnSum() throws IOException {
    production = LocalOrg.start(LocalOrgOptions.sandbox());
    sandbox = LocalOrg.start(LocalOrgOptions.sandbox());
    SalesforceClient client = client(production);
    FakeOrgDirectory orgs =
        new FakeOrgDirectory(client, production.baseUrl(), client(sandbox), sandbox.baseUrl());
    answers.add(
        toolCalls(
            "aggregate_records",
            "{\"object\":\"Opportunity\",\"function\":\"sum\",\"field\":\"Amount\","
                + "\"filters\":[{\"field\":\"StageName\",\"op\":\"=\",\"value\":\"Closed Won\"}],"
                + "\"groupBy\":[\"LeadSource\"]}"));
    answers.add(text("Here is the closed won amount by lead source."));
    AgentService agent =
        AgentService.builder().orgs(orgs).openAi(start(), Secret.of("sk-test"), "gpt-test").build();

    ChatReply reply =
        agent.chat(AgentFixture.ADMIN, null, "closed won amount by lead source please");

    assertThat(reply.toolCalls())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.tool()).isEqualTo("aggregate_records");
              assertThat(c.status()).isEqualTo("ok");
              assertThat(c.source()).isEqualTo("live");
            });
    JsonNode offered = server.received.get(0).path("tools");
    assertThat(offered).hasSize(13);
    JsonNode tool = null;
    for (JsonNode t : offered) {
      if (t.path("function").path("name").asText().equals("aggregate_records")) {
        tool = t.path("function");
      }
    }
    assertThat(tool).isNotNull();
    assertThat(tool.path("parameters").path("properties").path("function").path("enum"))
        .extracting(JsonNode::asText)
        .containsExactly("count", "sum", "avg", "min", "max");
    assertThat(tool.path("parameters").path("properties").path("groupBy").path("type").asText())
        .isEqualTo("array");
    Object sum =
        client
            .query("SELECT SUM(Amount) s FROM Opportunity WHERE StageName = 'Closed Won'")
            .records()
            .get(0)
            .get("s");
    String result = lastContent(server.received.get(1));
    assertThat(result)
        .contains("the total amount of closed won opportunities by lead source")
        .contains("| Lead Source | Opportunities | Total Amount |")
        .contains("| **Total** |")
        .contains("**" + AggregateNumbers.plain(new BigDecimal(sum.toString())) + "**");
    assertThat(reply.reply()).isEqualTo("Here is the closed won amount by lead source.");
  }

  private String start() throws IOException {
    server = new ObedientOpenAiServer(request -> answers.remove());
    return server.baseUrl();
  }

  private static SalesforceClient client(LocalOrg org) {
    OAuthClient oauth = new OAuthClient(SalesforceClients.newHttpClient());
    Secret secret = Secret.of(LocalOrgOptions.DEMO_CLIENT_SECRET);
    OAuthSessionProvider sessions =
        OAuthSessionProvider.clientCredentials(
            oauth, org.baseUrl(), LocalOrgOptions.DEMO_CLIENT_ID, secret, null, t -> {});
    return SalesforceClients.create(
        SalesforceClients.newHttpClient(), sessions, ClientOptions.defaults());
  }
}
