package com.scopien.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.config.Secret;
import com.scopien.localorg.LocalOrg;
import com.scopien.localorg.LocalOrgOptions;
import com.scopien.salesforce.ClientOptions;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.OAuthSessionProvider;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Conversations with the offline model against two local orgs over HTTP: follow-ups that lean on
 * the conversation state (her phone, who owns it, how many are there, show more), a question about
 * one field answered in a sentence, and a logged call linked to the contact by name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationFollowUpIT {
  private LocalOrg productionOrg;
  private LocalOrg sandboxOrg;
  private FakeOrgDirectory orgs;
  private AgentService agent;

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
    agent = AgentService.builder().orgs(orgs).build();
  }

  @AfterAll
  void stop() {
    productionOrg.close();
    sandboxOrg.close();
  }

  private static SalesforceClient client(LocalOrg org) {
    OAuthClient oauth = new OAuthClient(SalesforceClients.newHttpClient());
    OAuthSessionProvider sessions =
        OAuthSessionProvider.clientCredentials(
            oauth,
            org.baseUrl(),
            LocalOrgOptions.DEMO_CLIENT_ID,
            Secret.of(LocalOrgOptions.DEMO_CLIENT_SECRET),
            null,
            t -> {});
    return SalesforceClients.create(
        SalesforceClients.newHttpClient(), sessions, ClientOptions.defaults());
  }

  private ChatReply say(String conversation, String message) {
    return agent.chat(AgentFixture.ADMIN, conversation, message);
  }

  @Test
  void herPhoneNumberIsTheContactShownBefore() {
    ChatReply shown = say(null, "Show me Jane Roe");
    assertThat(shown.reply()).contains("Jane Roe");

    ChatReply phone = say(shown.conversationId(), "What's her phone number?");

    assertThat(phone.toolCalls())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.tool()).isEqualTo("get_record");
              assertThat(c.arguments()).containsEntry("object", "Contact").containsKey("id");
            });
    assertThat(phone.reply()).contains("Jane Roe").contains("(415) 555-0142");
  }

  @Test
  void whoOwnsItNamesTheOwnerOfTheDealInFocus() {
    ChatReply deal = say(null, "Show me the Acme Corp Deal");
    ChatReply owner = say(deal.conversationId(), "Who owns it?");

    Object ownerName =
        client(productionOrg)
            .query("SELECT Owner.Name FROM Opportunity WHERE Name = 'Acme Corp Deal'")
            .records()
            .get(0)
            .get("Owner.Name");
    assertThat(owner.reply()).contains("Acme Corp Deal").contains("is owned by " + ownerName);
  }

  @Test
  void aFieldQuestionIsASentenceWithThePersonFriendlyDate() {
    ChatReply stage = say(null, "When is the Acme Corp Deal closing?");

    assertThat(stage.toolCalls())
        .extracting(ChatReply.ToolCallRecord::tool)
        .containsOnly("get_record");
    assertThat(stage.reply())
        .containsPattern("Acme Corp Deal\\]\\([^)]+\\) closes on [A-Z][a-z]{2} \\d{1,2}, \\d{4}");
  }

  @Test
  void howManyAreThereCountsTheListJustShownAndShowMorePagesOn() {
    ChatReply cases = say(null, "Show open cases");
    ChatReply count = say(cases.conversationId(), "How many are there?");
    assertThat(count.toolCalls())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.tool()).isEqualTo("count_records");
              assertThat(String.valueOf(c.arguments())).contains("IsClosed");
            });
    long open =
        client(productionOrg).query("SELECT COUNT() FROM Case WHERE IsClosed = false").totalSize();
    assertThat(count.reply()).contains(RecordTable.count(open));

    ChatReply more = say(cases.conversationId(), "show more");
    assertThat(more.toolCalls().get(0).arguments()).containsEntry("offset", 10);
    assertThat(more.reply()).contains("11–20 of");
  }

  @Test
  void aLoggedCallIsACompletedCallTaskOnTheNamedContact() {
    ChatReply switched = say(null, "Switch to sandbox");
    ChatReply logged = say(switched.conversationId(), "Log a call with Jane Roe about pricing");

    assertThat(logged.toolCalls())
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo("ok"));
    assertThat(logged.reply()).contains("contact Jane Roe").doesNotContain("WhoId");
    var task =
        client(sandboxOrg)
            .query(
                "SELECT Subject, Status, TaskSubtype, Who.Name FROM Task"
                    + " WHERE Subject = 'Call: pricing'")
            .records()
            .get(0);
    assertThat(task.get("Status")).isEqualTo("Completed");
    assertThat(task.get("TaskSubtype")).isEqualTo("Call");
    assertThat(task.get("Who.Name")).isEqualTo("Jane Roe");
  }

  @Test
  void anUpdatePostedOnADealIsAChatterPostOnThatOpportunity() {
    ChatReply switched = say(null, "Switch to sandbox");
    ChatReply posted =
        say(switched.conversationId(), "Post an update on the Acme Corp Deal: legal signed off");

    assertThat(posted.toolCalls())
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo("ok"));
    assertThat(posted.reply()).contains("opportunity Acme Corp Deal").doesNotContain("ParentId");
    var post =
        client(sandboxOrg)
            .query("SELECT Body, Parent.Name FROM FeedItem WHERE Body = 'legal signed off'")
            .records()
            .get(0);
    assertThat(post.get("Parent.Name")).isEqualTo("Acme Corp Deal");
  }
}
