package com.scopien.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.agent.LocalMirror;
import com.scopien.localorg.LocalOrg;
import com.scopien.localorg.LocalOrgOptions;
import com.scopien.orgs.Org;
import com.scopien.salesforce.QueryPage;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.soql.SelectItem;
import com.scopien.soql.Soql;
import com.scopien.soql.SoqlQuery;
import com.scopien.store.DatabaseTestBase;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * After a real sync of the demo org over HTTP, the typed mirror tables answer as the org does: the
 * same rows in the same order and the same totals for the reads Scopien builds, the same groups and
 * sums for aggregates, on H2 and on PostgreSQL.
 */
class MirrorTablesIT extends DatabaseTestBase {
  private static final List<String> OBJECTS = List.of("Account", "Opportunity", "Lead");

  private LocalOrg localOrg;
  private SalesforceClient client;
  private SyncFixture fixture;
  private Org org;
  private MirrorReader mirror;

  @BeforeParameterizedClassInvocation
  void syncTheDemoOrg() {
    localOrg = LocalOrg.start(LocalOrgOptions.production());
    client = LocalOrgConnection.renewing(localOrg, 2000);
    fixture = new SyncFixture(jdbc());
    org = fixture.org(client);
    SyncRun run = fixture.syncAndWait(org, OBJECTS, false);
    assertThat(run.status()).as(run.toString()).isEqualTo(SyncRun.Status.SUCCEEDED);
    mirror =
        new MirrorReader(
            jdbc(),
            fixture.settings,
            (o, object) -> client.describe(object),
            Duration.ofMinutes(15),
            MirrorFreshness.none(),
            Clock.systemUTC());
  }

  @AfterParameterizedClassInvocation
  void stop() {
    fixture.close();
    localOrg.close();
  }

  @Test
  void everyObjectHasATableWithOneLiveRowPerRecord() {
    for (String object : OBJECTS) {
      MirrorTable table =
          new MirrorTables(jdbc(), Clock.systemUTC()).find(org.id(), object).orElseThrow();
      long rows =
          jdbc()
              .queryOne(
                  "SELECT COUNT(*) FROM "
                      + MirrorTableSchema.q(table.name())
                      + " WHERE is_deleted = FALSE",
                  r -> r.getLong(1))
              .orElseThrow();
      assertThat(rows).as(object).isEqualTo(localOrg.count(object));
    }
  }

  @Test
  void readsEqualTheOrgsLiveAnswers() {
    List<String> queries =
        List.of(
            "SELECT COUNT() FROM Lead",
            "SELECT COUNT() FROM Lead WHERE LeadSource = 'web'",
            "SELECT Name, Amount, StageName FROM Opportunity WHERE StageName = 'Closed Won'"
                + " AND Amount > 50000 ORDER BY Amount DESC, Id LIMIT 10",
            "SELECT Id, Name, Industry, AnnualRevenue FROM Account WHERE Industry IN"
                + " ('Technology', 'Energy') AND AnnualRevenue >= 100000000 ORDER BY Name, Id LIMIT 50",
            "SELECT Name, Account.Name, Account.Industry FROM Opportunity WHERE Amount > 100000"
                + " ORDER BY Name, Id LIMIT 20",
            "SELECT Name, CloseDate FROM Opportunity WHERE CloseDate = THIS_MONTH"
                + " ORDER BY CloseDate DESC, Id LIMIT 20",
            "SELECT Name FROM Account WHERE Name LIKE 'acme%' ORDER BY Name, Id",
            "SELECT Name, Rating FROM Account WHERE Rating != 'Hot' ORDER BY Rating NULLS LAST, Id"
                + " LIMIT 30 OFFSET 10",
            "SELECT Name, SystemModstamp FROM Account WHERE NOT (NumberOfEmployees < 10000)"
                + " ORDER BY NumberOfEmployees DESC, Id LIMIT 5");
    for (String soql : queries) {
      SoqlQuery query = Soql.parse(soql);
      LocalMirror.Answer answer =
          mirror.read(org, query).orElseThrow(() -> new AssertionError(soql));
      QueryPage live = client.query(soql);
      // The mirror's total ignores LIMIT and OFFSET; the org's totalSize does not.
      assertThat(answer.matched()).as(soql).isEqualTo(client.query(countOf(soql)).totalSize());
      assertThat(answer.rows()).as(soql).hasSameSizeAs(live.records());
      for (int i = 0; i < live.records().size(); i++) {
        SObjectRecord mine = new SObjectRecord(query.from(), answer.rows().get(i));
        for (SelectItem item : query.select()) {
          String path = ((SelectItem.Field) item).path();
          assertThat(same(mine.get(path), live.records().get(i).get(path)))
              .as(
                  "%s row %d %s: mirror %s, org %s",
                  soql, i, path, mine.get(path), live.records().get(i).get(path))
              .isTrue();
        }
      }
    }
  }

  @Test
  void aggregatesEqualTheOrgsLiveAnswers() {
    List<String> queries =
        List.of(
            "SELECT StageName, SUM(Amount) FROM Opportunity GROUP BY StageName",
            "SELECT LeadSource, COUNT(Id) FROM Lead GROUP BY LeadSource",
            "SELECT Industry, Rating, COUNT(Id), MAX(AnnualRevenue) FROM Account"
                + " GROUP BY Industry, Rating",
            "SELECT COUNT(Id), AVG(Amount) average, MIN(CloseDate) FROM Opportunity"
                + " WHERE StageName = 'Closed Won'");
    for (String soql : queries) {
      SoqlQuery query = Soql.parse(soql);
      List<Map<String, Object>> rows =
          mirror.aggregate(org, query).orElseThrow(() -> new AssertionError(soql)).rows();
      QueryPage live = client.query(soql);
      assertThat(rows).as(soql).hasSameSizeAs(live.records());
      Map<List<Object>, SObjectRecord> byGroup = new HashMap<>();
      for (SObjectRecord r : live.records()) {
        byGroup.put(key(query, r.fields()), r);
      }
      for (Map<String, Object> row : rows) {
        SObjectRecord theirs = byGroup.get(key(query, row));
        assertThat(theirs).as("%s: group %s", soql, key(query, row)).isNotNull();
        row.forEach(
            (k, v) ->
                assertThat(same(v, theirs.fields().get(k)))
                    .as("%s %s: mirror %s, org %s", soql, k, v, theirs.fields().get(k))
                    .isTrue());
      }
    }
  }

  /** The COUNT() query of the same object and WHERE. */
  private static String countOf(String soql) {
    String rest = soql.substring(soql.indexOf(" FROM "));
    rest = rest.replaceAll(" ORDER BY .*$", "").replaceAll(" LIMIT .*$", "");
    return "SELECT COUNT()" + rest;
  }

  private static List<Object> key(SoqlQuery query, Map<String, Object> row) {
    List<Object> key = new ArrayList<>();
    query.groupBy().forEach(g -> key.add(row.get(g)));
    return key;
  }

  /** Equal values; numbers to 12 significant digits (sums of doubles in another order). */
  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      MathContext digits = new MathContext(12);
      return new BigDecimal(x.toString())
              .round(digits)
              .compareTo(new BigDecimal(y.toString()).round(digits))
          == 0;
    }
    return Objects.equals(a, b);
  }
}
