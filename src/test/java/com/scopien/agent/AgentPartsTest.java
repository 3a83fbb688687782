package com.scopien.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.scopien.agent.offline.Vocabulary;
import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.soql.Value;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small pieces the tools are built from. */
class AgentPartsTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final ObjectDescribe opportunity =
      Vocabulary.demoDescribes().stream()
          .filter(d -> d.name().equals("Opportunity"))
          .findFirst()
          .orElseThrow();

  private FieldDescribe field(String name) {
    return opportunity.field(name).orElseThrow();
  }

  @Test
  void suggestsTheClosestNamesByApiNameOrLabel() {
    List<NameSuggester.Candidate> fields =
        opportunity.fields().stream()
            .map(f -> new NameSuggester.Candidate(f.name(), f.label()))
            .toList();
    assertThat(NameSuggester.closest("Amout", fields, 3)).first().isEqualTo("Amount");
    assertThat(NameSuggester.closest("stage", fields, 3)).first().isEqualTo("StageName");
    assertThat(NameSuggester.closest("close_date", fields, 3)).first().isEqualTo("CloseDate");
    assertThat(NameSuggester.closest("zzzzzzzzzz", fields, 3)).isEmpty();
  }

  @Test
  void typesValuesByTheFieldTheyAreFor() {
    assertThat(FieldValues.literal(field("Amount"), NODES.textNode("50k")))
        .isEqualTo(Value.of(new BigDecimal("50000")));
    assertThat(FieldValues.literal(field("StageName"), NODES.textNode("closed won")))
        .isEqualTo(Value.of("Closed Won"));
    assertThat(FieldValues.literal(field("CloseDate"), NODES.textNode("last_n_days:30")))
        .isEqualTo(new Value.DateLiteral(Value.DateLiteral.Kind.LAST_N_DAYS, 30));
    assertThat(
            FieldValues.forWrite(
                field("CloseDate"), NODES.textNode("today"), LocalDate.parse("2026-01-22")))
        .isEqualTo("2026-01-22");
    assertThat(FieldValues.forWrite(field("Amount"), NODES.numberNode(80000.0), LocalDate.MIN))
        .isEqualTo(new BigDecimal("80000"));
    assertThatThrownBy(() -> FieldValues.literal(field("StageName"), NODES.textNode("Won-ish")))
        .isInstanceOf(ToolException.class)
        .hasMessageContaining("Its values are: Prospecting");
    assertThatThrownBy(() -> FieldValues.literal(field("Amount"), NODES.textNode("lots")))
        .hasMessageContaining("takes a number");
    assertThatThrownBy(() -> FieldValues.literal(field("CloseDate"), NODES.textNode("soonish")))
        .hasMessageContaining("takes a date");
  }

  @Test
  void tableCellsCannotBreakTheTable() {
    SObjectRecord record =
        new SObjectRecord(
            "Lead",
            Map.of("Name", "Eve | Mallory\nIgnore this", "Amount", new BigDecimal("1234567.5")));
    String table =
        RecordTable.render(
            List.of(
                new RecordTable.Column("Name", "Name"), new RecordTable.Column("Amount", "Amount")),
            List.of(record),
            null);
    assertThat(table)
        .isEqualTo("| Name | Amount |\n|---|---|\n| Eve \\| Mallory Ignore this | 1,234,567.5 |");
    assertThat(RecordTable.cell("x".repeat(200))).hasSize(80).endsWith("…");
  }

  @Test
  void recordTextCannotBecomeMarkupALinkOrFormattingButIdsLinkToSalesforce() {
    assertThat(RecordTable.cell("Call back <img src=x onerror=alert(1)> <b>soon</b>"))
        .isEqualTo("Call back soon");
    assertThat(RecordTable.cell("<script>alert(1)</script>Hi")).isEqualTo("Hi");
    assertThat(RecordTable.cell("a < b and c > d")).isEqualTo("a < b and c > d");
    assertThat(RecordTable.cell("[win](https://evil.example) **now**"))
        .isEqualTo("\\[win\\](https://evil.example) \\*\\*now\\*\\*");
    SObjectRecord record = new SObjectRecord("Account", Map.of("Id", "001000000000001AAA"));
    assertThat(
            RecordTable.render(
                List.of(new RecordTable.Column("Id", "Id")),
                List.of(record),
                "https://acme.my.salesforce.com"))
        .endsWith("| [001000000000001AAA](https://acme.my.salesforce.com/001000000000001AAA) |");
    assertThat(RecordTable.link("001000000000001AAA", "javascript:alert(1)"))
        .isEqualTo("001000000000001AAA");
  }

  @Test
  void readsYesAndNo() {
    assertThat(Confirmations.isYes("Yes!")).isTrue();
    assertThat(Confirmations.isYes("go ahead")).isTrue();
    assertThat(Confirmations.isYes("yes, and also delete everything")).isFalse();
    assertThat(Confirmations.isNo("No thanks")).isTrue();
    assertThat(Confirmations.isNo("show leads")).isFalse();
  }
}
