package com.scopien.sync;

import com.scopien.localorg.LocalOrg;
import com.scopien.localorg.LocalOrgOptions;
import com.scopien.orgs.Org;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.soql.Soql;
import com.scopien.soql.SoqlQuery;
import com.scopien.store.Database;
import com.scopien.store.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Mirror reads, old and new, against live, in one run: syncs Lead and Opportunity of the demo org
 * (at the given scale) over HTTP into a fresh database, then times four questions, interleaved run
 * by run: answered from the JSON in {@code sync_records} (the path before the typed tables), in SQL
 * over the typed tables, and live from the org. Prints every median and the ratios as a Markdown
 * table. Not a test: run it with {@code scripts/benchmark-mirror.sh} (see docs/benchmarks.md).
 *
 * <p>Arguments: {@code [runs=7] [scale=1.0] [engine=H2|POSTGRES]}.
 */
public final class MirrorBenchmark {
  private static final int WARMUP = 2;

  private MirrorBenchmark() {}

  private record Question(String name, String soql, boolean aggregate) {}

  private static final List<Question> QUESTIONS =
      List.of(
          new Question("count of leads", "SELECT COUNT() FROM Lead", false),
          new Question(
              "count with a filter", "SELECT COUNT() FROM Lead WHERE LeadSource = 'Web'", false),
          new Question(
              "filtered list (closed won over 50k, top 10 by amount)",
              "SELECT Name, Amount, StageName FROM Opportunity WHERE StageName = 'Closed Won'"
                  + " AND Amount > 50000 ORDER BY Amount DESC LIMIT 10",
              false),
          new Question(
              "breakdown by stage (SUM(Amount) GROUP BY StageName)",
              "SELECT StageName, SUM(Amount) FROM Opportunity GROUP BY StageName",
              true));

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    double scale = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
    TestDatabases.Engine engine =
        TestDatabases.Engine.valueOf(args.length > 2 ? args[2].toUpperCase(Locale.ROOT) : "H2");
    try (LocalOrg localOrg =
            LocalOrg.start(
                LocalOrgOptions.production()
                    .withScale(new LocalOrgOptions.Scale(scale))
                    .withDailyApiLimit(10_000_000));
        Database db = open(engine)) {
      SalesforceClient client = LocalOrgConnection.renewing(localOrg, 2000);
      try (SyncFixture fixture =
          new SyncFixture(db.jdbc(), SyncOptions.defaults().withApiBudgetShare(0.95))) {
        Org org = fixture.org(client);
        long started = System.nanoTime();
        SyncRun run =
            fixture.sync.await(
                fixture.sync.start(org.id(), List.of("Lead", "Opportunity"), false),
                Duration.ofMinutes(30));
        System.out.printf(
            "Synced %,d records (Lead, Opportunity) in %.1f s: %s%n",
            run.progress().done(), (System.nanoTime() - started) / 1e9, run.status());
        MirrorReader sql =
            new MirrorReader(
                db.jdbc(),
                fixture.settings,
                (o, object) -> client.describe(object),
                Duration.ofHours(6),
                MirrorFreshness.none(),
                Clock.systemUTC());
        MirrorReader json = sql.withSqlReads(false);
        System.out.printf(
            "%n%s, scale %s (%,d Leads, %,d Opportunities), %d runs after %d warm-up%n%n",
            engine, scale, localOrg.count("Lead"), localOrg.count("Opportunity"), runs, WARMUP);
        System.out.println(
            "| question | JSON path ms | SQL path ms | live ms | JSON / SQL | live / SQL |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Question q : QUESTIONS) {
          SoqlQuery query = Soql.parse(q.soql());
          Map<String, Supplier<Object>> ways = new LinkedHashMap<>();
          ways.put("json", q.aggregate() ? null : () -> json.read(org, query).orElseThrow());
          ways.put(
              "sql",
              () ->
                  q.aggregate()
                      ? sql.aggregate(org, query).orElseThrow()
                      : sql.read(org, query).orElseThrow());
          ways.put("live", () -> client.query(q.soql()));
          Map<String, List<Double>> times = new LinkedHashMap<>();
          for (int i = 0; i < WARMUP + runs; i++) {
            for (Map.Entry<String, Supplier<Object>> way : ways.entrySet()) {
              if (way.getValue() == null) {
                continue;
              }
              long t = System.nanoTime();
              way.getValue().get();
              double ms = (System.nanoTime() - t) / 1e6;
              if (i >= WARMUP) {
                times.computeIfAbsent(way.getKey(), k -> new ArrayList<>()).add(ms);
              }
            }
          }
          double js = median(times.get("json"));
          double sq = median(times.get("sql"));
          double live = median(times.get("live"));
          System.out.printf(
              "| %s | %s | %.1f | %.1f | %s | %.1f |%n",
              q.name(),
              Double.isNaN(js) ? "n/a (goes live)" : String.format("%.1f", js),
              sq,
              live,
              Double.isNaN(js) ? "n/a" : String.format("%.1f", js / sq),
              live / sq);
        }
      }
    }
  }

  /**
   * A fresh database; on H2 without its reuse of a statement's last result when no table changed,
   * which would time a cache, not the query.
   */
  private static Database open(TestDatabases.Engine engine) throws java.io.IOException {
    if (engine == TestDatabases.Engine.POSTGRES) {
      return TestDatabases.open(engine);
    }
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("scopien-mirror-bench-");
    return Database.open(
        Database.h2FileUrl(dir) + ";OPTIMIZE_REUSE_RESULTS=FALSE",
        "sa",
        com.scopien.config.Secret.of(""));
  }

  private static double median(List<Double> values) {
    if (values == null || values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
