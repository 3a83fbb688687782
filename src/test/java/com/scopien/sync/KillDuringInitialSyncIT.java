package com.scopien.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.localorg.FaultPlan;
import com.scopien.localorg.LocalOrg;
import com.scopien.localorg.LocalOrgOptions;
import com.scopien.salesforce.RetryPolicy;
import com.scopien.store.Database;
import com.scopien.store.Jdbc;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code kill -9} in the middle of an initial sync: the CLI ({@code target/scopien.jar sync
 * --org NAME}) runs as its own process against an H2 file database, is killed with SIGKILL once
 * some pages are committed, and is started again with the same command. Both sides must end equal,
 * with no row twice, and the second process must have read only what the first had not committed.
 */
class KillDuringInitialSyncIT {
  private static final Path JAR = Paths.get("target", "scopien.jar");
  private static final Pattern PROGRESS = Pattern.compile("\\(([\\d,]+) / ([\\d,]+) records\\)");
  private static final String ORG = "Acme Local";

  @TempDir Path dataDir;
  private LocalOrg localOrg;
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    processes.forEach(Process::destroyForcibly);
    if (localOrg != null) {
      localOrg.close();
    }
  }

  @Test
  void aSyncKilledWithSigkillMidInitialSyncResumesFromItsCheckpointWithoutDuplicates()
      throws Exception {
    Assumptions.assumeTrue(
        Files.isRegularFile(JAR),
        "target/scopien.jar is absent: build it first (mvn package; mvn verify builds it before"
            + " the integration tests)");
    long started = System.nanoTime();
    localOrg =
        LocalOrg.start(LocalOrgOptions.production().withScale(new LocalOrgOptions.Scale(0.2)));
    Output add =
        run(
            List.of(
                "orgs",
                "add",
                "--name",
                ORG,
                "--environment",
                "production",
                "--login-url",
                localOrg.baseUrl(),
                "--client-id",
                localOrg.options().clientId()),
            Duration.ofSeconds(60));
    assertThat(add.exitCode()).as(add.text()).isZero();
    // Every query page takes a while, so the kill lands between pages of the first object(s).
    localOrg.injectFaults(
        new FaultPlan(1, List.of(new FaultPlan.Rule(FaultPlan.Kind.SLOW, 1.0, "/query", 200))));
    long total = 0;
    for (String object : SyncDefaults.SELECTED_OBJECTS) {
      total += localOrg.count(object);
    }

    // Objects go in order (Account, then Contact ...); 2,000 records a page. Kill once the first
    // page of Contact is in, so the kill lands inside an object's initial sync.
    Process first = start(List.of("sync", "--org", ORG));
    long seen = waitForProgress(first, localOrg.count("Account") + 2_000L, Duration.ofSeconds(40));
    first.destroyForcibly();
    assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);

    long committed;
    Instant heartbeat;
    try (Database db = open()) {
      committed = rows(db.jdbc());
      heartbeat =
          db.jdbc()
              .queryOne(
                  "SELECT heartbeat_at FROM sync_locks", row -> Jdbc.instant(row, "heartbeat_at"))
              .orElse(null);
    }
    System.out.printf(
        "killed at %,d records shown, %,d committed of %,d%n", seen, committed, total);
    assertThat(committed).as("pages committed before the kill").isPositive().isLessThan(total);
    assertThat(heartbeat).as("the dead run's lock is left behind").isNotNull();
    // The lock of a dead process is taken over once its heartbeat is older than the staleness
    // window (SyncOptions.defaults); a restart before then follows the dead run until it is.
    Duration stale = SyncOptions.defaults().staleRunAfter();
    long wait = Duration.between(Instant.now(), heartbeat.plus(stale)).toMillis();
    Thread.sleep(Math.max(0, wait) + 500);

    Output second = run(List.of("sync", "--org", ORG), Duration.ofSeconds(90));

    assertThat(second.exitCode()).as(second.text()).isZero();
    assertThat(second.text()).contains("Sync succeeded");
    localOrg.injectFaults(FaultPlan.none());
    try (Database db = open()) {
      Jdbc jdbc = db.jdbc();
      String orgId = jdbc.queryOne("SELECT id FROM orgs", row -> row.getString("id")).orElseThrow();
      assertThat(rows(jdbc)).isEqualTo(total);
      assertThat(
              jdbc.query(
                  "SELECT object_name, record_id FROM sync_records GROUP BY object_name,"
                      + " record_id HAVING COUNT(*) > 1",
                  row -> row.getString("record_id")))
          .as("duplicate rows")
          .isEmpty();
      assertThat(
              MirrorComparison.differences(
                  jdbc,
                  orgId,
                  MirrorComparison.client(localOrg, 2000, RetryPolicy.none()),
                  SyncDefaults.SELECTED_OBJECTS))
          .isEmpty();
      List<Map<String, Object>> runs =
          jdbc.query(
              "SELECT r.status, r.started_at, SUM(o.created) AS created, SUM(o.done) AS done"
                  + " FROM sync_runs r JOIN sync_run_objects o ON o.run_id = r.id"
                  + " GROUP BY r.id, r.status, r.started_at ORDER BY r.started_at",
              row ->
                  Map.of(
                      "status", row.getString("status"),
                      "created", row.getLong("created"),
                      "done", row.getLong("done")));
      assertThat(runs).hasSize(2);
      assertThat(runs.get(0)).containsEntry("status", "FAILED");
      assertThat(runs.get(1)).containsEntry("status", "SUCCEEDED");
      long resumedRead = (Long) runs.get(1).get("done");
      long resumedCreated = (Long) runs.get(1).get("created");
      System.out.printf(
          "second run read %,d and created %,d of %,d; whole test %,d ms%n",
          resumedRead, resumedCreated, total, (System.nanoTime() - started) / 1_000_000);
      assertThat(resumedCreated).isEqualTo(total - committed);
      // Resumed from the checkpoint: at most the page in flight is read twice.
      assertThat(resumedRead).isLessThan(total).isLessThanOrEqualTo(total - committed + 2_000);
    }
  }

  private Database open() {
    return Database.open(Database.h2FileUrl(dataDir), null, null);
  }

  private static long rows(Jdbc jdbc) {
    return jdbc.queryOne("SELECT COUNT(*) AS n FROM sync_records", row -> row.getLong("n"))
        .orElse(0L);
  }

  private Process start(List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("SCOPIEN_"));
    env.put("SCOPIEN_DATA_DIR", dataDir.toString());
    env.put("SCOPIEN_CLIENT_SECRET", localOrg.options().clientSecret());
    env.put("SCOPIEN_LOG_LEVEL", "WARN");
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  private record Output(int exitCode, String text) {}

  private Output run(List<String> args, Duration timeout) throws Exception {
    Process process = start(args);
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    Thread reader = drain(process, lines, null);
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      reader.join(2_000);
      throw new AssertionError("'" + args + "' did not end in " + timeout + ":\n" + lines);
    }
    reader.join(2_000);
    return new Output(process.exitValue(), String.join("\n", lines));
  }

  /** Reads the sync's progress lines until at least {@code atLeast} records are shown done. */
  private long waitForProgress(Process process, long atLeast, Duration timeout)
      throws InterruptedException {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    long[] done = {0};
    Object signal = new Object();
    drain(
        process,
        lines,
        line -> {
          Matcher m = PROGRESS.matcher(line);
          if (m.find()) {
            synchronized (signal) {
              done[0] = Long.parseLong(m.group(1).replace(",", ""));
              signal.notifyAll();
            }
          }
        });
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (signal) {
      while (done[0] < atLeast && process.isAlive() && System.nanoTime() < deadline) {
        signal.wait(100);
      }
    }
    assertThat(process.isAlive()).as("still syncing when killed:\n%s", lines).isTrue();
    assertThat(done[0]).as("progress before the kill:\n%s", lines).isGreaterThanOrEqualTo(atLeast);
    return done[0];
  }

  private static Thread drain(
      Process process, List<String> lines, java.util.function.Consumer<String> onLine) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                  if (onLine != null) {
                    onLine.accept(line);
                  }
                }
              } catch (IOException e) {
                // The process was killed.
              }
            },
            "cli-output");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
