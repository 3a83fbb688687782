package com.scopien.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopien.security.FieldSecurity;
import com.scopien.soql.Soql;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The admin's Scopien field names in the tools: a model may name a field by it ("Deal Value" for
 * Opportunity.Amount) and the query still says Amount; headings and filter words use it; a hidden
 * field stays hidden under any name; without names everything reads by label as before.
 */
class ScopienFieldNamesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final AgentFixture fixture = new AgentFixture();
  private final FieldNames dealValue =
      org -> List.of(new FieldNames.Named("Opportunity", "Amount", "Deal Value"));
  private final ToolContext admin =
      new ToolContext(AgentFixture.ADMIN, "c1", fixture.orgs.production, fixture.orgs);

  private SchemaGuard guard(FieldNames names) {
    return new SchemaGuard(FieldPolicy.of(FieldSecurity.defaults()), names, fixture.clock);
  }

  private QueryPlanner.Plan plan(SchemaGuard guard, String args) throws Exception {
    ObjectNode node = (ObjectNode) JSON.readTree(args);
    node.put("object", "Opportunity");
    return new QueryPlanner(guard)
        .plan(admin, guard.object(admin, "Opportunity"), new ToolArgs("query_records", node), null);
  }

  @Test
  void aScopienNameStandsForItsFieldAndHeadsTheColumn() throws Exception {
    QueryPlanner.Plan plan =
        plan(
            guard(dealValue),
            "{\"fields\":[\"Name\",\"Deal Value\"],"
                + "\"filters\":[{\"field\":\"deal value\",\"op\":\">\",\"value\":50000}]}");

    assertThat(Soql.print(plan.select()))
        .contains("SELECT Name, Amount, Id")
        .contains("Amount > 50000");
    assertThat(plan.columns()).extracting(RecordTable.Column::heading).contains("Deal Value");
    assertThat(plan.describeFilters()).contains("Deal Value").doesNotContain("Amount");
  }

  @Test
  void withoutNamesTheLabelHeadsTheColumnAndTheScopienNameIsUnknown() throws Exception {
    QueryPlanner.Plan plan = plan(guard(FieldNames.none()), "{\"fields\":[\"Name\",\"Amount\"]}");
    assertThat(plan.columns()).extracting(RecordTable.Column::heading).contains("Amount");

    assertThatThrownBy(() -> plan(guard(FieldNames.none()), "{\"fields\":[\"Deal Value\"]}"))
        .isInstanceOf(ToolException.class)
        .hasMessageContaining("No field 'Deal Value' on Opportunity");
  }

  @Test
  void aHiddenFieldStaysHiddenUnderItsScopienName() {
    FieldNames salary = org -> List.of(new FieldNames.Named("Contact", "Salary__c", "Pay"));
    SchemaGuard guard = guard(salary);
    var contact = guard.object(admin, "Contact");
    assertThatThrownBy(() -> guard.field(admin, contact, "Pay"))
        .isInstanceOf(ToolException.class)
        .hasMessageContaining("hidden by field-level security")
        .hasMessageNotContaining("Salary");
  }
}
