package com.scopien.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopien.config.Secret;
import com.scopien.localorg.LocalOrg;
import com.scopien.localorg.LocalOrgOptions;
import com.scopien.salesforce.ClientOptions;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.OAuthSessionProvider;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceClients;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The assistant with the offline model against two local orgs (production and sandbox of "Acme
 * Corporation") over real HTTP through the real client: the reference conversation of the product
 * guide, a confirmed production write, and the official eval with the orgs' own describe.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentEndToEndIT {
  private LocalOrg productionOrg;
  private LocalOrg sandboxOrg;
  private FakeOrgDirectory orgs;

  @BeforeAll
  void start() {
    productionOrg =
        LocalOrg.start(LocalOrgOptions.production().withScale(LocalOrgOptions.Scale.sandboxSize()));
    sandboxOrg = LocalOrg.start(LocalOrgOptions.sandbox());
    orgs =
        new FakeOrgDirectory(
            client(productionOrg),
            productionOrg.baseUrl(),
            client(sandboxOrg),
            sandboxOrg.baseUrl());
  }

  @AfterAll
  void stop() {
    productionOrg.close();
    sandboxOrg.close();
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

  /** The production agent's understanding: keyword cues and the in-process embedding model. */
  private static final EmbeddingModel EMBEDDINGS = new AllMiniLmL6V2QuantizedEmbeddingModel();

  private AgentService agent() {
    return AgentService.builder().orgs(orgs).embeddingModel(EMBEDDINGS).build();
  }

  @Test
  void aParentColumnIsHeadedByItsOwnLabelWhenThatNamesTheParent() {
    ChatReply shown = agent().chat(AgentFixture.ADMIN, null, "show contacts in production");

    assertThat(shown.reply())
        .contains("| Account Name |")
        .doesNotContain("Account Account Name")
        .contains("| Acme Corporation |");
  }

  @Test
  void theReferenceConversationOfTheProductGuide() {
    AgentService agent = agent();
    int productionLeads = productionOrg.count("Lead");
    int sandboxLeads = sandboxOrg.count("Lead");

    ChatReply shown = agent.chat(AgentFixture.ADMIN, null, "Show opportunities in production org");
    assertThat(shown.toolCalls())
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo("ok"));
    assertThat(shown.reply())
        .startsWith("From **Production** (production, Acme Corporation), live: 10 of ")
        .doesNotContain("live: 10 of 10 ")
        .contains("| Stage |")
        .contains("| Acme Corp Deal |");

    String id = shown.conversationId();
    ChatReply switched = agent.chat(AgentFixture.ADMIN, id, "Switch to sandbox");
    assertThat(switched.org().environment()).isEqualTo("sandbox");

    ChatReply created = agent.chat(AgentFixture.ADMIN, id, "Create test lead");
    assertThat(created.toolCalls())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.tool()).isEqualTo("create_record");
              assertThat(c.status()).isEqualTo("ok");
            });
    assertThat(sandboxOrg.count("Lead")).isEqualTo(sandboxLeads + 1);
    assertThat(productionOrg.count("Lead")).isEqualTo(productionLeads);

    ChatReply usage = agent.chat(AgentFixture.ADMIN, id, "What's our API usage?");
    long max = client(sandboxOrg).limits().dailyApiRequests().orElseThrow().max();
    assertThat(usage.reply()).contains("**Sandbox**").contains(RecordTable.count(max));
  }

  @Test
  void aProductionUpdateWaitsForYesThenChangesExactlyThatField() {
    AgentService agent = agent();
    String dealId = findDeal(client(productionOrg));
    Map<String, Object> before = productionOrg.record("Opportunity", dealId).orElseThrow();

    ChatReply asked =
        agent.chat(AgentFixture.ADMIN, null, "Update the amount of Acme Corp Deal to 80000");
    assertThat(asked.toolCalls().get(0).status()).isEqualTo("needs_confirmation");
    assertThat(productionOrg.record("Opportunity", dealId).orElseThrow().get("Amount"))
        .isEqualTo(before.get("Amount"));

    ChatReply done = agent.chat(AgentFixture.ADMIN, asked.conversationId(), "yes");
    assertThat(done.toolCalls().get(0).status()).isEqualTo("ok");
    Map<String, Object> after = productionOrg.record("Opportunity", dealId).orElseThrow();
    assertThat(((Number) after.get("Amount")).intValue()).isEqualTo(80_000);
    assertThat(after.get("StageName")).isEqualTo(before.get("StageName"));
    assertThat(after.get("Name")).isEqualTo(before.get("Name"));
  }

  @Test
  void theOfficialEvalPassesWithTheOrgsOwnSchema() throws Exception {
    List<JsonNode> cases = EvalCases.load("/eval/assistant-requests.json");
    AgentService agent = agent();
    List<String> failures = EvalCases.run(cases, () -> agent);
    System.out.printf(
        "official eval against local orgs: %d passed, %d failed%n",
        cases.size() - failures.size(), failures.size());
    assertThat(failures).isEmpty();
  }

  @Test
  void theProjectsOwnEvalPassesWithTheOrgsOwnSchema() throws Exception {
    List<JsonNode> cases = EvalCases.load("/eval/offline-requests.json");
    AgentService agent = agent();
    List<String> failures = EvalCases.run(cases, () -> agent);
    double rate = 100.0 * (cases.size() - failures.size()) / cases.size();
    System.out.printf(
        "own eval against local orgs: %d passed, %d failed (%.1f%%)%n",
        cases.size() - failures.size(), failures.size(), rate);
    failures.forEach(f -> System.out.println("FAIL  " + f));
    assertThat(rate).isGreaterThanOrEqualTo(95.0);
  }

  private static String findDeal(SalesforceClient client) {
    return client
        .query("SELECT Id FROM Opportunity WHERE Name = 'Acme Corp Deal' LIMIT 1")
        .records()
        .get(0)
        .id();
  }
}
