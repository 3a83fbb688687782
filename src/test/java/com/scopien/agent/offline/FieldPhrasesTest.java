package com.scopien.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldPhrasesTest {

  @Test
  void aStandardFieldSaidByItsApiNameBeatsACustomFieldWithTheSameLabel() {
    // describeGlobal lists objects alphabetically, so Invoice__c comes before Opportunity.
    Vocabulary v =
        Vocabulary.of(
            List.of(
                object("Invoice__c", "Invoice", field("Amount__c", "Amount")),
                object("Opportunity", "Opportunity", field("Amount", "Amount"))),
            List.of());

    FieldPhrases.Match match =
        FieldPhrases.anywhere("update the amount of acme corp deal to 80000", v, null)
            .orElseThrow();

    assertThat(match.object().apiName()).isEqualTo("Opportunity");
    assertThat(match.field().apiName()).isEqualTo("Amount");
  }

  private static ObjectDescribe object(String name, String label, FieldDescribe... fields) {
    List<FieldDescribe> all = new java.util.ArrayList<>(List.of(fields));
    all.add(
        new FieldDescribe(
            "Name", "Name", "string", 80, false, true, true, false, false, false, true, List.of(),
            List.of(), null));
    return new ObjectDescribe(
        name, label, label + "s", "a00", name.endsWith("__c"), true, true, true, all);
  }

  private static FieldDescribe field(String name, String label) {
    return new FieldDescribe(
        name,
        label,
        "currency",
        0,
        name.endsWith("__c"),
        true,
        true,
        true,
        false,
        false,
        false,
        List.of(),
        List.of(),
        null);
  }
}
