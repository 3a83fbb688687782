package com.scopien.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The offline model's reading of a conversation: field questions about one record, references back
 * ("her", "it", "the second one"), follow-ups on the last list, activities and honest limits.
 */
class ConversationUnderstandingTest {
  private static final LocalDate THURSDAY = LocalDate.parse("2026-12-10");
  private final Vocabulary v = Vocabulary.demo();

  private static final Recall JANE =
      Recall.parse(
          "{\"records\":[{\"id\":\"003000000000001AAA\",\"name\":\"Jane Roe\","
              + "\"object\":\"Contact\"}],\"focus\":{\"id\":\"003000000000001AAA\","
              + "\"name\":\"Jane Roe\",\"object\":\"Contact\"}}");
  private static final Recall OPEN_CASES =
      Recall.parse(
          "{\"lastList\":{\"tool\":\"query_records\",\"arguments\":{\"object\":\"Case\","
              + "\"filters\":[{\"field\":\"IsClosed\",\"op\":\"=\",\"value\":false}],"
              + "\"org\":\"production\"}},\"records\":["
              + "{\"id\":\"500000000000001AAA\",\"name\":\"00001001\",\"object\":\"Case\"},"
              + "{\"id\":\"500000000000002AAA\",\"name\":\"00001002\",\"object\":\"Case\"}]}");

  @Test
  void aQuestionAboutOnePersonsFieldReadsThatFieldOfThatContact() {
    ToolCall call = field("What is Jane Roe's email address?", Recall.NONE);
    assertThat(call.tool()).isEqualTo("get_record");
    assertThat(call.arguments().toString())
        .contains("\"object\":\"Contact\"", "\"name\":\"Jane Roe\"", "\"fields\":[\"Email\"]");
  }

  @Test
  void aDealsStageCloseDateAndOwnerAreReadFromTheOpportunityItsNameHintsAt() {
    assertThat(field("What stage is the Acme Corp Deal in?", Recall.NONE).arguments().toString())
        .contains("\"object\":\"Opportunity\"", "\"name\":\"Acme Corp Deal\"", "StageName");
    assertThat(field("When is the Acme Corp Deal closing?", Recall.NONE).arguments().toString())
        .contains("Opportunity", "CloseDate");
    assertThat(field("who owns the Acme Corp Deal", Recall.NONE).arguments().toString())
        .contains("Opportunity", "Owner.Name");
  }

  @Test
  void herAndItMeanTheRecordInFocus() {
    assertThat(field("What's her phone number?", JANE).arguments().toString())
        .contains("\"id\":\"003000000000001AAA\"", "\"fields\":[\"Phone\"]");
    assertThat(field("who owns it?", JANE).arguments().toString()).contains("Owner.Name");
  }

  @Test
  void itWithSeveralRecordsShownAsksWhichOneAndTheSecondOneResolves() {
    Optional<Decision> unclear = FieldQuestions.interpret("who owns it?", v, OPEN_CASES);
    assertThat(unclear).get().extracting(Decision::text).asString().contains("Which one");
    assertThat(field("who owns the second one?", OPEN_CASES).arguments().toString())
        .contains("500000000000002AAA");
  }

  @Test
  void howManyAreThereCountsTheLastListWithItsFiltersAndOrg() {
    ToolCall call = ListFollowUps.apply("How many are there?", OPEN_CASES, v).orElseThrow();
    assertThat(call.tool()).isEqualTo("count_records");
    assertThat(call.arguments().toString()).contains("IsClosed", "production", "Case");
  }

  @Test
  void showMorePagesOnAndSortReSortsTheLastList() {
    ToolCall more = ListFollowUps.apply("show more", OPEN_CASES, v).orElseThrow();
    assertThat(more.arguments().path("offset").asInt()).isEqualTo(10);
    ToolCall next = ListFollowUps.apply("next page", OPEN_CASES, v).orElseThrow();
    assertThat(next.arguments().path("offset").asInt()).isEqualTo(10);
    Recall opps =
        Recall.parse(
            "{\"lastList\":{\"tool\":\"query_records\",\"arguments\":{\"object\":\"Opportunity\"}}}");
    ToolCall sorted =
        ListFollowUps.apply("Sort them by amount, biggest first", opps, v).orElseThrow();
    assertThat(sorted.arguments().toString()).contains("Amount", "desc");
    ToolCall narrowed = ListFollowUps.apply("only the closed won ones", opps, v).orElseThrow();
    assertThat(narrowed.arguments().toString()).contains("Closed Won");
  }

  @Test
  void loggingACallIsACompletedCallTaskLinkedToThePerson() {
    ToolCall call =
        Activities.interpret("Log a call with Jane Roe about pricing", v, THURSDAY).orElseThrow();
    assertThat(call.arguments().toString())
        .contains(
            "\"object\":\"Task\"",
            "\"Subject\":\"Call: pricing\"",
            "\"TaskSubtype\":\"Call\"",
            "\"Status\":\"Completed\"",
            "\"WhoId\":\"Jane Roe\"");
  }

  @Test
  void aReminderIsAnOpenTaskDueOnTheDaySaid() {
    ToolCall call =
        Activities.interpret("remind me to follow up with Jane Roe next Monday", v, THURSDAY)
            .orElseThrow();
    assertThat(call.arguments().toString())
        .contains(
            "\"Subject\":\"Follow up with Jane Roe\"",
            "\"Status\":\"Not Started\"",
            "\"ActivityDate\":\"2026-12-14\"",
            "\"WhoId\":\"Jane Roe\"");
    assertThat(
            Activities.interpret("create a task to call Jane Roe tomorrow", v, THURSDAY)
                .orElseThrow()
                .arguments()
                .toString())
        .contains("2026-12-11", "\"Subject\":\"Call Jane Roe\"")
        .doesNotContain("\"Name\"");
  }

  @Test
  void whatScopienCannotDoIsSaidPlainlyWithoutATool() {
    assertThat(Refusals.interpret("Delete all leads"))
        .get()
        .extracting(Decision::text)
        .asString()
        .startsWith("I can't delete records here; I can ");
    assertThat(Refusals.interpret("convert the lead Jane Smith")).isPresent();
    assertThat(Refusals.interpret("Show leads")).isEmpty();
    assertThat(Refusals.interpret("Find contacts with email jane.roe@acme.com")).isEmpty();
  }

  @Test
  void listsAndDescribesAreNotMistakenForFieldQuestions() {
    assertThat(FieldQuestions.interpret("Which accounts are in New York?", v, Recall.NONE))
        .isEmpty();
    assertThat(FieldQuestions.interpret("What fields does Invoice__c have?", v, Recall.NONE))
        .isEmpty();
    assertThat(FieldQuestions.interpret("What's our API usage?", v, Recall.NONE)).isEmpty();
    assertThat(FieldQuestions.interpret("Which cases are escalated?", v, Recall.NONE)).isEmpty();
    assertThat(FieldQuestions.interpret("what's the sync status", v, Recall.NONE)).isEmpty();
    assertThat(FieldQuestions.interpret("what is the api usage?", v, JANE)).isEmpty();
  }

  @Test
  void aNameWithADashIsOneName() {
    assertThat(
            NameSpans.anywhere(
                    new Utterance("show the opportunity Atlas Robotics - Enterprise Plan"))
                .orElseThrow()
                .text())
        .isEqualTo("Atlas Robotics - Enterprise Plan");
    assertThat(
            field("who owns Atlas Robotics - Enterprise Plan?", Recall.NONE).arguments().toString())
        .contains("Atlas Robotics - Enterprise Plan");
  }

  @Test
  void aValueWordThatMatchesNothingIsNamedNotSilentlyDropped() {
    ToolCall call =
        new ToolCall(
            "query_records",
            (com.fasterxml.jackson.databind.node.ObjectNode)
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                    .objectNode()
                    .put("object", "Opportunity"));
    assertThat(UnusedWords.note("show opportunities in negotiashun stage", call, v))
        .get()
        .asString()
        .contains("\"negotiashun\"", "Prospecting");
    assertThat(UnusedWords.note("show opportunities in production", call, v)).isEmpty();
  }

  @Test
  void aRecordQuestionThatLandsOnOrgsOrApiUsageIsAskedAboutInstead() {
    ToolCall orgs =
        new ToolCall(
            "list_orgs", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    assertThat(Clarifications.unsure("anything new on Acme Corp Deal", orgs, v))
        .get()
        .asString()
        .contains("Acme Corp Deal");
    assertThat(Clarifications.unsure("list connected orgs", orgs, v)).isEmpty();
  }

  @Test
  void theAccountThatHasTheRecordsIsAFilter() {
    Utterance u = new Utterance("how many contacts does Acme Corporation have");
    assertThat(RelationFilters.extract(u, v.object("Contact").orElseThrow()))
        .containsExactly(new Filter("Account.Name", "=", "Acme Corporation"));
  }

  @Test
  void postingAnUpdateOnARecordIsAChatterFeedItemOnIt() {
    ToolCall post =
        ChatterPosts.interpret(
                "Post an update on the Acme Corp Deal: legal signed off, delete the old draft")
            .orElseThrow();
    assertThat(post.arguments().toString())
        .contains(
            "\"object\":\"FeedItem\"",
            "\"ParentId\":\"Acme Corp Deal\"",
            "\"Body\":\"legal signed off, delete the old draft\"");
    assertThat(ChatterPosts.interpret("post a note")).isEmpty();
  }

  private ToolCall field(String said, Recall recall) {
    Decision decision = FieldQuestions.interpret(said, v, recall).orElseThrow();
    assertThat(decision.call()).as(decision.text()).isNotNull();
    return decision.call();
  }
}
