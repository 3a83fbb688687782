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
import com.scopien.security.Role;
import com.scopien.security.User;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * aggregate_records against a local org over real HTTP through the real client, asked in words
 * through the offline model: every total and every group equals what the org's own aggregate query
 * returns, a rep's totals cover only the records they own, and an empty group shows as "(none)".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AggregateToolIT {
  private LocalOrg productionOrg;
  private LocalOrg sandboxOrg;
  private SalesforceClient production;
  private FakeOrgDirectory orgs;

  @BeforeAll
  void start() {
    productionOrg =
        LocalOrg.start(LocalOrgOptions.production().withScale(LocalOrgOptions.Scale.sandboxSize()));
    sandboxOrg = LocalOrg.start(LocalOrgOptions.sandbox());
    production = client(productionOrg);
    orgs =
        new FakeOrgDirectory(
            production, productionOrg.baseUrl(), client(sandboxOrg), sandboxOrg.baseUrl());
  }

  @AfterAll
  void stop() {
    productionOrg.close();
    sandboxOrg.close();
  }

  private AgentService agent() {
    return AgentService.builder().orgs(orgs).build();
  }

  @Test
  void theTotalAmountByStageEqualsTheOrgsOwnSumForEveryStageAndInAll() {
    ChatReply reply = agent().chat(AgentFixture.ADMIN, null, "Total opportunity amount by stage");

    assertThat(reply.toolCalls())
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo("ok"));
    Map<String, List<String>> rows = rows(reply.reply());
    assertThat(rows).hasSizeGreaterThan(3);
    for (Map.Entry<String, List<String>> row : rows.entrySet()) {
      if (row.getKey().equals("**Total**")) {
        continue;
      }
      String where = " WHERE StageName = '" + row.getKey().replace("'", "\\'") + "'";
      assertThat(row.getValue().get(0))
          .as(row.getKey())
          .isEqualTo(
              RecordTable.count(
                  production.query("SELECT COUNT() FROM Opportunity" + where).totalSize()));
      assertThat(row.getValue().get(1))
          .as(row.getKey())
          .isEqualTo(number("SELECT SUM(Amount) s FROM Opportunity" + where, "s"));
    }
    assertThat(rows.get("**Total**").get(1))
        .isEqualTo("**" + number("SELECT SUM(Amount) s FROM Opportunity", "s") + "**");
    assertThat(reply.reply())
        .startsWith("From **Production** (production, Acme Corporation), live: the total amount")
        .contains("| Stage | Opportunities | Total Amount |");
  }

  @Test
  void theAverageOfWonDealsAndTheLargestAmountEqualTheOrgsOwn() {
    ChatReply average =
        agent().chat(AgentFixture.ADMIN, null, "What's the average amount of won opportunities?");
    assertThat(average.reply())
        .contains(
            "the average amount of won opportunities is **"
                + number("SELECT AVG(Amount) a FROM Opportunity WHERE IsWon = true", "a")
                + "**")
        .contains(
            "over "
                + RecordTable.count(
                    ((Number)
                            production
                                .query("SELECT COUNT(Amount) n FROM Opportunity WHERE IsWon = true")
                                .records()
                                .get(0)
                                .get("n"))
                        .longValue())
                + " opportunities with an amount.")
        .doesNotContain("IsWon");

    ChatReply largest =
        agent().chat(AgentFixture.ADMIN, null, "What's the largest opportunity amount?");
    assertThat(largest.reply())
        .contains("is **" + number("SELECT MAX(Amount) m FROM Opportunity", "m") + "**");
  }

  @Test
  void aRepsBreakdownCoversOnlyTheRecordsTheyOwn() {
    Map<String, Object> john =
        production
            .query("SELECT Id, Email FROM User WHERE Email = 'john.doe@acme.com' LIMIT 1")
            .records()
            .get(0)
            .fields();
    User rep = new User("u-john", "John Doe", "john.doe@acme.com", Role.USER);

    ChatReply reply = agent().chat(rep, null, "How many open cases are there by priority?");

    Map<String, List<String>> rows = rows(reply.reply());
    long owned =
        production
            .query(
                "SELECT COUNT() FROM Case WHERE IsClosed = false AND OwnerId = '"
                    + john.get("Id")
                    + "'")
            .totalSize();
    long all = production.query("SELECT COUNT() FROM Case WHERE IsClosed = false").totalSize();
    assertThat(owned).isLessThan(all);
    assertThat(rows.get("**Total**").get(0)).isEqualTo("**" + RecordTable.count(owned) + "**");
    assertThat(reply.reply()).contains("open cases you own");
  }

  @Test
  void aGroupWithNoValueShowsAsNone() {
    productionOrg.create("Lead", Map.of("LastName", "Nobody", "Company", "Initech"));

    ChatReply reply =
        agent().chat(AgentFixture.ADMIN, null, "How many leads do we have per lead source?");

    long none = production.query("SELECT COUNT() FROM Lead WHERE LeadSource = null").totalSize();
    assertThat(none).isPositive();
    assertThat(rows(reply.reply()).get("(none)")).containsExactly(RecordTable.count(none));
  }

  /** The table's rows by their first cell: the remaining cells. */
  private static Map<String, List<String>> rows(String reply) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    List<String> lines = reply.lines().filter(l -> l.startsWith("| ")).toList();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells =
          List.of(line.substring(2, line.length() - 2).split(" \\| ", -1)).stream()
              .map(String::trim)
              .toList();
      rows.put(cells.get(0), cells.subList(1, cells.size()));
    }
    return rows;
  }

  private String number(String soql, String alias) {
    Object value = production.query(soql).records().get(0).get(alias);
    return AggregateNumbers.plain(new BigDecimal(value.toString()));
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
