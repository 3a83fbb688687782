package com.scopien.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.agent.offline.Vocabulary.ObjectTerm;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each slot extractor on its own, over the demo vocabulary. */
class ExtractorsTest {
  private final Vocabulary v = Vocabulary.demo();
  private final ObjectTerm opportunity = v.object("Opportunity").orElseThrow();
  private final ObjectTerm lead = v.object("Lead").orElseThrow();
  private final ObjectTerm caseTerm = v.object("Case").orElseThrow();

  @Test
  void objectsByApiNameLabelPluralAndSynonym() {
    assertThat(first("show me the opps")).isEqualTo("Opportunity");
    assertThat(first("big deals please")).isEqualTo("Opportunity");
    assertThat(first("list invoices")).isEqualTo("Invoice__c");
    assertThat(first("What fields does Project__c have")).isEqualTo("Project__c");
    assertThat(first("open tickets")).isEqualTo("Case");
    assertThat(first("show products")).isEqualTo("Product2");
    assertThat(Mentions.objects(new Utterance("nothing here"), v)).isEmpty();
  }

  @Test
  void orgsByEnvironmentWordsButNotByTest() {
    assertThat(org("deals in prod")).isEqualTo("production");
    assertThat(org("Switch to sandbox")).isEqualTo("sandbox");
    assertThat(org("use the sbx")).isEqualTo("sandbox");
    assertThat(Mentions.org(new Utterance("create test lead"), v)).isEmpty();
  }

  @Test
  void anOrgNoOneKnowsIsKeptAsSaidSoTheLookupCanRefuseIt() {
    assertThat(org("show accounts in the Globex Europe org")).isEqualTo("Globex Europe");
    assertThat(org("count leads from emea-2 org")).isEqualTo("emea-2");
    assertThat(Mentions.org(new Utterance("count accounts in our org"), v)).isEmpty();
    assertThat(Mentions.org(new Utterance("show contacts of the account Acme"), v)).isEmpty();
  }

  @Test
  void amountsAsPeopleWriteThem() {
    assertThat(Amounts.parse("50k")).contains(new BigDecimal("50000"));
    assertThat(Amounts.parse("$1,200")).contains(new BigDecimal("1200"));
    assertThat(Amounts.parse("1.5m")).contains(new BigDecimal("1500000"));
    assertThat(Amounts.parse("2 million")).contains(new BigDecimal("2000000"));
    assertThat(Amounts.parse("lots")).isEmpty();
    assertThat(AmountFilters.extract(new Utterance("deals over 50k"), opportunity))
        .containsExactly(new Filter("Amount", ">", new BigDecimal("50000")));
    assertThat(AmountFilters.extract(new Utterance("leads with score at least 80"), lead))
        .containsExactly(new Filter("Score__c", ">=", new BigDecimal("80")));
    assertThat(AmountFilters.extract(new Utterance("between 10k and 20k"), opportunity))
        .containsExactly(
            new Filter("Amount", ">=", new BigDecimal("10000")),
            new Filter("Amount", "<=", new BigDecimal("20000")));
  }

  @Test
  void relativeDatesPickTheFieldTheVerbPointsAt() {
    assertThat(DateFilters.extract(new Utterance("leads created today"), lead))
        .containsExactly(new Filter("CreatedDate", "=", "TODAY"));
    assertThat(DateFilters.extract(new Utterance("closing this month"), opportunity))
        .containsExactly(new Filter("CloseDate", "=", "THIS_MONTH"));
    assertThat(DateFilters.extract(new Utterance("modified in the last 14 days"), opportunity))
        .containsExactly(new Filter("LastModifiedDate", "=", "LAST_N_DAYS:14"));
    assertThat(DateFilters.extract(new Utterance("opportunities next quarter"), opportunity))
        .containsExactly(new Filter("CloseDate", "=", "NEXT_QUARTER"));
  }

  @Test
  void picklistValuesNeedTheirLabelWhenTheyAreEverydayWords() {
    assertThat(PicklistFilters.extract(new Utterance("closed won deals"), opportunity))
        .containsExactly(new Filter("StageName", "=", "Closed Won"));
    assertThat(PicklistFilters.extract(new Utterance("cases with high priority"), caseTerm))
        .containsExactly(new Filter("Priority", "=", "High"));
    assertThat(PicklistFilters.extract(new Utterance("new cases"), caseTerm)).isEmpty();
    assertThat(PicklistFilters.extract(new Utterance("high or medium priority cases"), caseTerm))
        .singleElement()
        .satisfies(f -> assertThat(f.op()).isEqualTo("in"));
  }

  @Test
  void openAndClosedFollowTheObjectsOwnFields() {
    assertThat(StateFilters.extract(new Utterance("open cases"), caseTerm))
        .containsExactly(new Filter("IsClosed", "=", false));
    assertThat(StateFilters.extract(new Utterance("open leads"), lead))
        .containsExactly(new Filter("Status", "=", "Open - Not Contacted"));
  }

  @Test
  void namesEmailsAndParents() {
    ObjectTerm contact = v.object("Contact").orElseThrow();
    assertThat(RelationFilters.extract(new Utterance("contacts at Acme Corporation"), contact))
        .containsExactly(new Filter("Account.Name", "=", "Acme Corporation"));
    assertThat(
            RelationFilters.extract(
                new Utterance("contacts with email jane.roe@acme.com"), contact))
        .containsExactly(new Filter("Email", "=", "jane.roe@acme.com"));
    assertThat(
            RelationFilters.extract(
                new Utterance("accounts named \"Initech\""), v.object("Account").orElseThrow()))
        .containsExactly(new Filter("Name", "like", "Initech"));
    ObjectTerm opportunity = v.object("Opportunity").orElseThrow();
    assertThat(
            RelationFilters.extract(
                new Utterance("opportunities owned by Sarah Chen"), opportunity))
        .containsExactly(new Filter("Owner.Name", "=", "Sarah Chen"));
    assertThat(
            RelationFilters.extract(
                new Utterance("deals at Globex assigned to John Doe"), opportunity))
        .containsExactlyInAnyOrder(
            new Filter("Owner.Name", "=", "John Doe"), new Filter("Account.Name", "=", "Globex"));
    assertThat(NameSpans.anywhere(new Utterance("Update the amount of Acme Corp Deal to 80000")))
        .hasValueSatisfying(n -> assertThat(n.text()).isEqualTo("Acme Corp Deal"));
  }

  @Test
  void limitsAndOrder() {
    Utterance top = new Utterance("top 5 accounts by annual revenue");
    assertThat(OrderAndLimit.limit(top)).contains(5);
    assertThat(OrderAndLimit.order(top, v.object("Account").orElseThrow()))
        .containsExactly(new OrderAndLimit.Order("AnnualRevenue", "desc"));
    assertThat(OrderAndLimit.order(new Utterance("the latest leads"), lead))
        .containsExactly(new OrderAndLimit.Order("CreatedDate", "desc"));
  }

  @Test
  void changesReadFieldRecordAndValue() {
    assertThat(
            Assignments.extract(
                new Utterance("Set the stage of Acme Corp Deal to closed won"), v, opportunity))
        .hasValueSatisfying(
            c -> {
              assertThat(c.record()).isEqualTo("Acme Corp Deal");
              assertThat(c.field().apiName()).isEqualTo("StageName");
              assertThat(c.value()).isEqualTo("Closed Won");
            });
    assertThat(
            Assignments.extract(
                new Utterance("update Acme Corp Deal's amount to 80k"), v, opportunity))
        .hasValueSatisfying(c -> assertThat(c.value()).isEqualTo(new BigDecimal("80000")));
    assertThat(
            Assignments.extract(
                new Utterance("Change the lead score of Jane Smith to 90"), v, lead))
        .hasValueSatisfying(
            c -> {
              assertThat(c.object().apiName()).isEqualTo("Lead");
              assertThat(c.field().apiName()).isEqualTo("Score__c");
              assertThat(c.record()).isEqualTo("Jane Smith");
            });
    assertThat(Assignments.extract(new Utterance("change to the sandbox"), v, null)).isEmpty();
  }

  @Test
  void valuesForANewRecord() {
    assertThat(
            CreateValues.extract(
                new Utterance("a lead for Jane Smith at Globex"),
                lead,
                java.time.LocalDate.parse("2026-01-22")))
        .containsEntry("FirstName", "Jane")
        .containsEntry("LastName", "Smith")
        .containsEntry("Company", "Globex");
    assertThat(
            CreateValues.extract(
                new Utterance("an opportunity named Big One"),
                opportunity,
                java.time.LocalDate.parse("2026-01-22")))
        .containsEntry("Name", "Big One")
        .containsEntry("StageName", "Prospecting")
        .containsEntry("CloseDate", "2026-02-21");
  }

  @Test
  void followUpsOnlyChangeOrgOrObject() {
    var previous =
        new ToolCall(
            "query_records",
            (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper()
                    .createObjectNode()
                    .put("object", "Opportunity"));
    assertThat(FollowUps.apply("now the sandbox", previous, v))
        .hasValueSatisfying(
            c -> assertThat(c.arguments().get("org").asText()).isEqualTo("sandbox"));
    assertThat(FollowUps.apply("and contacts?", previous, v))
        .hasValueSatisfying(
            c -> assertThat(c.arguments().get("object").asText()).isEqualTo("Contact"));
    assertThat(FollowUps.apply("show leads created today", previous, v)).isEmpty();
    assertThat(FollowUps.apply("now the sandbox", null, v)).isEmpty();
  }

  private String first(String text) {
    return Mentions.firstObject(new Utterance(text), v).orElseThrow().value().apiName();
  }

  private String org(String text) {
    return Mentions.org(new Utterance(text), v).orElseThrow().value();
  }

  @SuppressWarnings("unused")
  private static List<Filter> none() {
    return List.of();
  }

  @Test
  void aNameEndingInAnObjectWordPicksThatObjectWhateverOrderTheOrgListsObjectsIn() {
    List<com.scopien.salesforce.ObjectDescribe> reversed =
        new java.util.ArrayList<>(Vocabulary.demoDescribes());
    java.util.Collections.reverse(reversed);
    Vocabulary alphabetical = Vocabulary.of(reversed, List.of());
    var call =
        new RequestInterpreter(new KeywordIntentClassifier())
            .interpret(
                "Update the amount of Acme Corp Deal to 80000",
                alphabetical,
                java.time.LocalDate.of(2026, 1, 22))
            .orElseThrow();
    assertThat(call.tool()).isEqualTo("update_record");
    assertThat(call.arguments().path("object").asText()).isEqualTo("Opportunity");
    assertThat(call.arguments().path("name").asText()).isEqualTo("Acme Corp Deal");
    assertThat(call.arguments().path("values").path("Amount").asInt()).isEqualTo(80000);
  }
}
