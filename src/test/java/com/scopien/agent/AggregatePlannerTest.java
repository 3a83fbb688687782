package com.scopien.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.security.FieldSecurity;
import com.scopien.soql.Condition;
import com.scopien.soql.Soql;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SOQL aggregate_records builds from its arguments: grouping, aliases, filters read as
 * query_records reads them, the caller's owner condition, and the checks that refuse a hidden
 * field, a text field to add up or a currency field to group by, each with a clear message.
 */
class AggregatePlannerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final AgentFixture fixture = new AgentFixture();
  private final SchemaGuard guard =
      new SchemaGuard(FieldPolicy.of(FieldSecurity.defaults()), fixture.clock);
  private final AggregatePlanner planner = new AggregatePlanner(guard);
  private final ToolContext admin =
      new ToolContext(AgentFixture.ADMIN, "c1", fixture.orgs.production, fixture.orgs);

  @Test
  void aSumByStageGroupsAliasesAndFilters() throws Exception {
    AggregatePlan plan =
        plan(
            admin,
            "Opportunity",
            "{\"function\":\"sum\",\"field\":\"Amount\",\"groupBy\":[\"StageName\"],"
                + "\"filters\":[{\"field\":\"CloseDate\",\"op\":\"=\",\"value\":\"THIS_YEAR\"},"
                + "{\"field\":\"Amount\",\"op\":\">\",\"value\":\"50k\"}]}",
            null);

    assertThat(Soql.print(plan.breakdown()))
        .isEqualTo(
            "SELECT StageName g0, SUM(Amount) total, COUNT(Id) records FROM Opportunity"
                + " WHERE CloseDate = THIS_YEAR AND Amount > 50000 GROUP BY StageName"
                + " ORDER BY StageName LIMIT 2001");
    assertThat(Soql.print(plan.total()))
        .isEqualTo(
            "SELECT SUM(Amount) total, COUNT(Id) records FROM Opportunity"
                + " WHERE CloseDate = THIS_YEAR AND Amount > 50000");
  }

  @Test
  void aCountByTwoFieldsIncludingAParentsNameAndTheOwnerCondition() throws Exception {
    AggregatePlan plan =
        plan(
            admin,
            "Opportunity",
            "{\"function\":\"count\",\"groupBy\":[\"StageName\",\"Account.Name\"],"
                + "\"filters\":[{\"field\":\"IsClosed\",\"op\":\"=\",\"value\":false}]}",
            Condition.eq("OwnerId", "005000000000001AAA"));

    assertThat(Soql.print(plan.breakdown()))
        .isEqualTo(
            "SELECT StageName g0, Account.Name g1, COUNT(Id) records FROM Opportunity"
                + " WHERE IsClosed = false AND OwnerId = '005000000000001AAA'"
                + " GROUP BY StageName, Account.Name ORDER BY StageName, Account.Name LIMIT 2001");
    assertThat(plan.groups())
        .extracting(AggregatePlan.Group::heading)
        .containsExactly("Stage", "Account");
  }

  @Test
  void orderingByTheValueOrAGroupFieldAndTheLimit() throws Exception {
    AggregatePlan byValue =
        plan(
            admin,
            "Opportunity",
            "{\"function\":\"avg\",\"field\":\"Amount\",\"groupBy\":[\"StageName\"],"
                + "\"orderBy\":[{\"field\":\"value\",\"direction\":\"asc\"}],\"limit\":3}",
            null);
    assertThat(byValue.order()).isEqualTo(new AggregatePlan.Order(null, false));
    assertThat(Soql.print(byValue.total()))
        .as("an average counts the records it is taken over: those with an amount")
        .isEqualTo("SELECT AVG(Amount) total, COUNT(Amount) records FROM Opportunity");
    assertThat(byValue.limit()).isEqualTo(3);

    AggregatePlan byStage =
        plan(
            admin,
            "Opportunity",
            "{\"function\":\"count\",\"groupBy\":[\"StageName\"],"
                + "\"orderBy\":[{\"field\":\"StageName\"}]}",
            null);
    assertThat(byStage.order()).isEqualTo(new AggregatePlan.Order("g0", true));

    assertThatThrownBy(
            () ->
                plan(
                    admin,
                    "Opportunity",
                    "{\"function\":\"count\",\"groupBy\":[\"StageName\"],"
                        + "\"orderBy\":[{\"field\":\"CloseDate\"}]}",
                    null))
        .isInstanceOf(ToolException.class)
        .hasMessageContaining("order by the value or by a groupBy field");
  }

  @Test
  void aHiddenFieldIsRefusedWhereverItIsNamedWithoutSayingItsName() {
    for (String args :
        List.of(
            "{\"function\":\"sum\",\"field\":\"Salary__c\"}",
            "{\"function\":\"count\",\"groupBy\":[\"SSN__c\"]}",
            "{\"function\":\"count\",\"filters\":[{\"field\":\"Bank_Account__c\",\"op\":\"=\","
                + "\"value\":\"1\"}]}")) {
      assertThatThrownBy(() -> plan(admin, "Contact", args, null))
          .as(args)
          .isInstanceOf(ToolException.class)
          .hasMessageContaining("hidden by field-level security")
          .hasMessageNotContaining("Salary")
          .hasMessageNotContaining("SSN")
          .hasMessageNotContaining("Bank");
    }
  }

  @Test
  void theFieldsTypeMustSuitTheFunctionAndTheBreakdown() {
    assertThatThrownBy(
            () -> plan(admin, "Opportunity", "{\"function\":\"sum\",\"field\":\"Name\"}", null))
        .isInstanceOf(ToolException.class)
        .hasMessageContaining("Cannot add up Opportunity Name on Opportunity: it is not a number.")
        .hasMessageContaining("Number fields: ")
        .hasMessageContaining("Amount");
    assertThatThrownBy(
            () ->
                plan(admin, "Opportunity", "{\"function\":\"avg\",\"field\":\"CloseDate\"}", null))
        .hasMessageContaining("Cannot average Close Date");
    assertThatThrownBy(
            () ->
                plan(
                    admin,
                    "Opportunity",
                    "{\"function\":\"count\",\"groupBy\":[\"Amount\"]}",
                    null))
        .hasMessageContaining("Cannot group by Amount")
        .hasMessageContaining("not by currency fields");
    assertThatThrownBy(() -> plan(admin, "Opportunity", "{\"function\":\"sum\"}", null))
        .hasMessageContaining("'sum' needs a 'field'");
    assertThatThrownBy(() -> plan(admin, "Opportunity", "{\"function\":\"median\"}", null))
        .hasMessageContaining("must be one of count, sum, avg, min, max");
    assertThatThrownBy(
            () ->
                plan(
                    admin,
                    "Case",
                    "{\"function\":\"count\",\"groupBy\":[\"Status\",\"Priority\",\"Origin\"]}",
                    null))
        .hasMessageContaining("at most two fields");
    assertThatThrownBy(
            () -> plan(admin, "Opportunity", "{\"function\":\"sum\",\"field\":\"Revenue\"}", null))
        .hasMessageContaining("No field 'Revenue' on Opportunity");
  }

  @Test
  void theEarliestDateIsAllowedForMinAndMax() throws Exception {
    AggregatePlan plan =
        plan(admin, "Opportunity", "{\"function\":\"min\",\"field\":\"CloseDate\"}", null);
    assertThat(Soql.print(plan.total()))
        .isEqualTo("SELECT MIN(CloseDate) total, COUNT(Id) records FROM Opportunity");
    assertThat(AggregateReply.valueHeading(plan)).isEqualTo("Earliest Close Date");
  }

  private AggregatePlan plan(ToolContext ctx, String object, String args, Condition visibility)
      throws Exception {
    var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(args);
    node.put("object", object);
    return planner.plan(
        ctx, guard.object(ctx, object), new ToolArgs("aggregate_records", node), visibility);
  }
}
