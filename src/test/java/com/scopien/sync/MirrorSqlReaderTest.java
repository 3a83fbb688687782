package com.scopien.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.agent.LocalMirror;
import com.scopien.orgs.Org;
import com.scopien.soql.Soql;
import com.scopien.store.DatabaseTestBase;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SQL read path against the JSON one it replaces, construct by construct, on H2 and PostgreSQL:
 * both must give the same rows in the same order and the same total; what SQL cannot translate
 * exactly must come back empty (live); aggregates must add up.
 */
class MirrorSqlReaderTest extends DatabaseTestBase {
  private static final Duration WINDOW = Duration.ofMinutes(15);

  private FakeSalesforceClient salesforce;
  private SyncFixture fixture;
  private Org org;
  private MirrorReader sql;
  private MirrorReader json;

  @BeforeEach
  void setUp() {
    salesforce = new FakeSalesforceClient();
    fixture = new SyncFixture(jdbc(), SyncOptions.defaults().withLookback(Duration.ZERO));
    org = fixture.org(salesforce);
    Object[][] deals = {
      {"Deal 1", 10_000, "Prospecting"},
      {"deal 10", 75_000, "Closed Won"},
      {"Deal 2", 52_000.5, "closed won"},
      {"alpha", 90_000, "Closed Won"},
      {"Beta", null, "Prospecting"},
      {"Deal 5", 75_000, null},
      {"Deal_50%", 8_000, "Negotiation"},
      {"Gamma", 0, "Closed Lost"},
    };
    for (Object[] d : deals) {
      Map<String, Object> values = new HashMap<>();
      values.put("Name", d[0]);
      values.put("Amount", d[1]);
      values.put("StageName", d[2]);
      salesforce.create("Opportunity", values);
    }
    fixture.syncAndWait(org);
    sql =
        new MirrorReader(
            jdbc(), fixture.settings, WINDOW, MirrorFreshness.none(), Clock.systemUTC());
    json = sql.withSqlReads(false);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT Id, Name FROM Opportunity LIMIT 3",
        "SELECT Name, Amount FROM Opportunity WHERE Amount > 50000 ORDER BY Amount DESC LIMIT 3",
        "SELECT Name FROM Opportunity WHERE StageName = 'CLOSED WON' ORDER BY Name",
        "SELECT Name, StageName FROM Opportunity WHERE StageName != 'Closed Won' ORDER BY Name",
        "SELECT Name FROM Opportunity WHERE Amount >= 52000.5 AND Amount <= 75000 ORDER BY Name",
        "SELECT Name FROM Opportunity WHERE Amount < 10000 OR StageName = null ORDER BY Name",
        "SELECT Name FROM Opportunity WHERE NOT (StageName = 'Prospecting') ORDER BY Name",
        "SELECT Name FROM Opportunity WHERE NOT (Amount > 50000) ORDER BY Name",
        "SELECT Name FROM Opportunity WHERE Name LIKE 'deal 1%' ORDER BY Name",
        "SELECT Name FROM Opportunity WHERE Name LIKE 'Deal\\_50\\%' ORDER BY Name",
        "SELECT Name FROM Opportunity WHERE NOT Name LIKE '%a' ORDER BY Name",
        "SELECT Name FROM Opportunity WHERE StageName IN ('prospecting', null) ORDER BY Name",
        "SELECT Name FROM Opportunity WHERE StageName NOT IN ('Prospecting', 'Closed Won')",
        "SELECT Name FROM Opportunity WHERE Amount IN (75000, 0) ORDER BY Name DESC",
        "SELECT Name FROM Opportunity WHERE Amount != 75000",
        "SELECT Name FROM Opportunity WHERE Amount = null",
        "SELECT Name FROM Opportunity WHERE SystemModstamp = TODAY",
        "SELECT Name FROM Opportunity WHERE SystemModstamp = THIS_MONTH AND Amount > 0",
        "SELECT Name FROM Opportunity WHERE SystemModstamp < LAST_N_DAYS:3",
        "SELECT Name FROM Opportunity WHERE SystemModstamp != YESTERDAY",
        "SELECT Name FROM Opportunity WHERE SystemModstamp > 2020-01-01T00:00:00Z",
        "SELECT Name, StageName FROM Opportunity ORDER BY StageName NULLS LAST, Name DESC"
            + " LIMIT 5 OFFSET 2",
        "SELECT Name, Amount FROM Opportunity ORDER BY Amount",
        "SELECT Name, Amount FROM Opportunity ORDER BY Amount DESC NULLS FIRST LIMIT 4",
        "SELECT Name FROM Opportunity ORDER BY Name",
        "SELECT Name FROM Opportunity ORDER BY Name LIMIT 2 OFFSET 7",
        "SELECT Name FROM Opportunity ORDER BY Name LIMIT 2 OFFSET 20",
        "SELECT COUNT() FROM Opportunity",
        "SELECT COUNT() FROM Opportunity WHERE StageName = 'closed won' AND Amount > 50000",
        "SELECT name, AMOUNT FROM opportunity WHERE stagename = 'Closed Won'"
      })
  void answersAsTheJsonPathDoes(String soql) {
    LocalMirror.Answer fromJson = json.read(org, Soql.parse(soql)).orElseThrow();
    LocalMirror.Answer fromSql = sql.read(org, Soql.parse(soql)).orElseThrow();

    assertThat(fromSql.rows()).as(soql).isEqualTo(fromJson.rows());
    assertThat(fromSql.matched()).as(soql).isEqualTo(fromJson.matched());
    assertThat(fromSql.asOf()).isEqualTo(fromJson.asOf());
  }

  @Test
  void whatItCannotTranslateExactlyGoesLive() {
    // A text literal against a number, a number against text, INCLUDES, a semi-join.
    for (String soql :
        List.of(
            "SELECT Name FROM Opportunity WHERE Amount = '75000'",
            "SELECT Name FROM Opportunity WHERE Name > 5",
            "SELECT Name FROM Opportunity WHERE Name = TODAY",
            "SELECT Name FROM Opportunity WHERE StageName INCLUDES ('a')",
            "SELECT Name FROM Opportunity WHERE Id IN (SELECT Id FROM Opportunity)",
            "SELECT Nope__c FROM Opportunity")) {
      assertThat(sql.read(org, Soql.parse(soql))).as(soql).isEmpty();
    }
    assertThat(sql.read(org, Soql.parse("SELECT Name FROM Opportunity"))).isPresent();
  }

  @Test
  void sumsAndCountsPerStage() {
    List<Map<String, Object>> rows =
        aggregate(
                "SELECT StageName, SUM(Amount), COUNT(Id) n FROM Opportunity"
                    + " WHERE Amount > 0 GROUP BY StageName ORDER BY StageName")
            .orElseThrow()
            .rows();

    // Grouped by the stored value: "Closed Won" and "closed won" are two groups, as in the org;
    // ordered ignoring case, nulls first.
    assertThat(rows)
        .containsExactly(
            withNullStage(75_000, 1),
            Map.of("StageName", "Closed Won", "expr0", 165_000, "n", 2),
            Map.of("StageName", "closed won", "expr0", 52_000.5, "n", 1),
            Map.of("StageName", "Negotiation", "expr0", 8_000, "n", 1),
            Map.of("StageName", "Prospecting", "expr0", 10_000, "n", 1));
  }

  @Test
  void theBreakdownAggregateRecordsSendsIsKeyedByItsAliases() {
    // The shape AggregatePlan.breakdown() builds: aliased group fields, COUNT(Id) beside the
    // value, ORDER BY the group path, one row more than the most groups it shows.
    List<Map<String, Object>> rows =
        aggregate(
                "SELECT StageName g0, SUM(Amount) total, COUNT(Id) records FROM Opportunity"
                    + " WHERE Amount > 0 GROUP BY StageName"
                    + " ORDER BY StageName ASC LIMIT 2001")
            .orElseThrow()
            .rows();
    assertThat(rows).hasSize(5);
    assertThat(rows.get(1))
        .containsExactly(
            Map.entry("g0", "Closed Won"), Map.entry("total", 165_000), Map.entry("records", 2));

    List<Map<String, Object>> two =
        aggregate(
                "SELECT StageName g0, Name g1, AVG(Amount) total, COUNT(Amount) records"
                    + " FROM Opportunity WHERE SystemModstamp != YESTERDAY"
                    + " GROUP BY StageName, Name ORDER BY StageName ASC, Name ASC LIMIT 2001")
            .orElseThrow()
            .rows();
    assertThat(two).hasSize(8);
    assertThat(two.get(0).keySet()).containsExactly("g0", "g1", "total", "records");
  }

  @Test
  void moreGroupsThanAPageWithoutALimitGoLive() {
    assertThat(aggregate("SELECT Name, COUNT(Id) FROM Opportunity GROUP BY Name")).isPresent();
    assertThat(
            aggregate("SELECT Name, COUNT(Id) FROM Opportunity GROUP BY Name LIMIT 3")
                .orElseThrow()
                .rows())
        .hasSize(3);
  }

  private static Map<String, Object> withNullStage(Object sum, int n) {
    Map<String, Object> row = new java.util.LinkedHashMap<>();
    row.put("StageName", null);
    row.put("expr0", sum);
    row.put("n", n);
    return row;
  }

  @Test
  void totalsWithoutGroupByAndTheTopGroupsByAnAlias() {
    Map<String, Object> totals =
        aggregate(
                "SELECT COUNT(Id), SUM(Amount) total, AVG(Amount), MIN(Amount), MAX(Amount),"
                    + " COUNT_DISTINCT(StageName) FROM Opportunity")
            .orElseThrow()
            .rows()
            .get(0);
    assertThat(totals)
        .containsEntry("expr0", 8)
        .containsEntry("total", 310_000.5)
        .containsEntry("expr1", 310_000.5 / 7)
        .containsEntry("expr2", 0)
        .containsEntry("expr3", 90_000)
        .containsEntry("expr4", 4);

    assertThat(
            aggregate(
                    "SELECT StageName, SUM(Amount) total FROM Opportunity GROUP BY StageName"
                        + " ORDER BY total DESC NULLS LAST LIMIT 2")
                .orElseThrow()
                .rows())
        .extracting(r -> r.get("StageName"))
        .containsExactly("Closed Won", null);
    assertThat(
            aggregate(
                    "SELECT StageName, Name, COUNT(Id) FROM Opportunity"
                        + " WHERE StageName = 'closed won' GROUP BY StageName, Name")
                .orElseThrow()
                .rows())
        .hasSize(3);
  }

  @Test
  void aggregatesItCannotAnswerExactlyGoLive() {
    for (String soql :
        List.of(
            "SELECT SUM(Name) FROM Opportunity",
            "SELECT MAX(StageName) FROM Opportunity",
            "SELECT Name, COUNT(Id) FROM Opportunity GROUP BY StageName",
            "SELECT COUNT() FROM Opportunity",
            "SELECT StageName, COUNT(Id) FROM Opportunity GROUP BY StageName ORDER BY Name",
            "SELECT SUM(Amount) FROM Campaign",
            "SELECT SUM(Amount) FROM Opportunity WHERE Account.Name = 'Acme'")) {
      assertThat(aggregate(soql)).as(soql).isEmpty();
    }
  }

  private Optional<LocalMirror.AggregateAnswer> aggregate(String soql) {
    return sql.aggregate(org, Soql.parse(soql));
  }
}
