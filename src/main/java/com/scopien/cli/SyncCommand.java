package com.scopien.cli;

import com.scopien.config.ConfigLoader;
import com.scopien.orgs.Org;
import com.scopien.sync.SyncRun;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scopien sync --org NAME [--object X]... [--full]}: runs a sync of one org in this process
 * and shows its progress (records done of total, per object, time left) until it ends. Exit code 0
 * when the run succeeded, 1 otherwise (the summary says why).
 */
@Command(
    name = "sync",
    description =
        "Sync an org now: initial sync of objects never synced, changes only for the others.")
final class SyncCommand implements Callable<Integer>, EnvFactory.NeedsEnvironment {
  private static final Duration TICK = Duration.ofSeconds(1);

  @Option(
      names = "--org",
      required = true,
      description = "The org: its name or environment (production, sandbox).")
  String org;

  @Option(
      names = "--object",
      description = "Only this object (API name); repeat for more. Default: every selected one.")
  List<String> objects;

  @Option(names = "--full", description = "Read every record again and drop what is gone.")
  boolean full;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Function<Map<String, String>, SyncBackend> opener;
  private Map<String, String> env = Map.of();

  /** The command as picocli builds it: the application's store and orgs, from the config. */
  SyncCommand() {
    this(env -> CoreSyncBackend.open(ConfigLoader.load(env)));
  }

  SyncCommand(Function<Map<String, String>, SyncBackend> opener) {
    this.opener = opener;
  }

  @Override
  public void environment(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    try (SyncBackend backend = opener.apply(env)) {
      Org target = backend.orgs().resolve(org);
      String runId =
          backend
              .sync()
              .start(target.id(), objects == null ? List.of() : objects, full, SyncRun.Trigger.CLI);
      out.printf("Syncing %s (run %s)%n", target.name(), runId);
      out.flush();
      // Ctrl-C stops the run at its next checkpoint, so the next run resumes from there.
      Thread stopOnExit = new Thread(() -> stopAndWait(backend, runId), "scopien-sync-stop");
      Runtime.getRuntime().addShutdownHook(stopOnExit);
      SyncRun run;
      try {
        run = follow(backend, runId, out);
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
          // The hook is running; it stops the run.
        }
      }
      SyncProgress.summary(run).forEach(out::println);
      out.flush();
      return run.status() == SyncRun.Status.SUCCEEDED ? 0 : 1;
    }
  }

  private static SyncRun follow(SyncBackend backend, String runId, PrintWriter out)
      throws InterruptedException {
    String last = "";
    SyncRun run = backend.sync().run(runId);
    while (run.status() == SyncRun.Status.RUNNING) {
      run = backend.sync().await(runId, TICK);
      String line = SyncProgress.line(run, java.time.Instant.now());
      if (!line.equals(last)) {
        out.println(line);
        out.flush();
        last = line;
      }
    }
    return run;
  }

  private static void stopAndWait(SyncBackend backend, String runId) {
    if (backend.sync().stop(runId)) {
      try {
        backend.sync().await(runId, Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The text of progress lines and the final summary. */
  static final class SyncProgress {
    private SyncProgress() {}

    static String line(SyncRun run, java.time.Instant now) {
      SyncRun.Progress p = run.progress();
      StringBuilder s =
          new StringBuilder(
              String.format(
                  Locale.ROOT, "%3d%% (%,d / %,d records)", p.percent(), p.done(), p.total()));
      for (SyncRun.ObjectRun o : run.objects()) {
        if (o.done() > 0 || "running".equals(o.status())) {
          s.append(String.format(Locale.ROOT, " · %s %,d", o.object(), o.done()));
        }
      }
      Duration left = run.estimatedTimeLeft(now);
      if (left != null) {
        s.append(" · about ").append(human(left)).append(" left");
      }
      return s.toString();
    }

    static List<String> summary(SyncRun run) {
      List<String> lines = new java.util.ArrayList<>();
      Duration took =
          run.finishedAt() == null
              ? Duration.ZERO
              : Duration.between(run.startedAt(), run.finishedAt());
      lines.add(
          String.format(
              Locale.ROOT,
              "Sync %s in %s, %,d API calls",
              run.status().wireName(),
              human(took),
              run.apiCalls()));
      for (SyncRun.ObjectRun o : run.objects()) {
        lines.add(
            String.format(
                Locale.ROOT,
                "  %-16s %-11s %-9s created %,d · updated %,d · deleted %,d · failed %,d",
                o.object(),
                o.phase(),
                o.status(),
                o.created(),
                o.updated(),
                o.deleted(),
                o.failed()));
      }
      if (run.message() != null) {
        lines.add(run.message());
      }
      return lines;
    }

    private static String human(Duration d) {
      long seconds = Math.max(0, d.toSeconds());
      if (seconds < 90) {
        return seconds + " s";
      }
      return Math.round(seconds / 60.0) + " min";
    }
  }
}
