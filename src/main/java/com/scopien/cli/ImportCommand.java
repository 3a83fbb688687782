package com.scopien.cli;

import com.scopien.config.ConfigLoader;
import com.scopien.orgs.Org;
import com.scopien.sync.ImportMapping;
import com.scopien.sync.RecordImportService;
import com.scopien.sync.SyncRun;
import com.scopien.sync.ValidationProblems;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scopien import --file data.csv --map mapping.json [--org NAME] [--object X] [--push-now]}:
 * checks every row of a CSV file against the org's describe and queues them all for Salesforce, or
 * none. Bad rows are listed as {@code line N: Field: problem}. Exit code 0 when queued (and, with
 * {@code --push-now}, all created), 1 otherwise.
 */
@Command(
    name = "import",
    description =
        "Import new records from a CSV file: every row is checked first; all are queued, or none.")
final class ImportCommand implements Callable<Integer>, EnvFactory.NeedsEnvironment {
  private static final Duration PUSH_TIMEOUT = Duration.ofMinutes(30);

  @Option(names = "--file", required = true, description = "The CSV file (UTF-8, header row).")
  Path file;

  @Option(
      names = "--map",
      required = true,
      description = "The mapping file (JSON): object, columns, externalIdField, constants...")
  Path map;

  @Option(
      names = "--org",
      description = "The org: its name or environment. Needed when several orgs are connected.")
  String org;

  @Option(names = "--object", description = "The object (API name), instead of the mapping's.")
  String object;

  @Option(
      names = "--push-now",
      description = "Push the rows to Salesforce now and report what was created.")
  boolean pushNow;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Function<Map<String, String>, DataBackend> opener;
  private Map<String, String> env = Map.of();

  ImportCommand() {
    this(env -> CoreSyncBackend.open(ConfigLoader.load(env)));
  }

  ImportCommand(Function<Map<String, String>, DataBackend> opener) {
    this.opener = opener;
  }

  @Override
  public void environment(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ImportMapping mapping;
    try {
      mapping = ImportMapping.parse(Files.readString(map, StandardCharsets.UTF_8));
    } catch (ValidationProblems e) {
      return problems(err, map + ": " + e.summary(), e.problems());
    }
    if (object != null) {
      mapping = mapping.withObject(object);
    }
    try (DataBackend backend = opener.apply(env)) {
      Org target = OrgChoice.resolve(backend.orgs(), org);
      RecordImportService.Queued queued;
      try (Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        queued =
            backend
                .imports()
                .queue(
                    backend.operator(), target.id(), mapping, csv, file.getFileName().toString());
      } catch (ValidationProblems e) {
        return problems(err, file + ": " + e.summary(), e.problems());
      }
      if (!queued.ignoredColumns().isEmpty()) {
        out.println("Columns not imported: " + String.join(", ", queued.ignoredColumns()));
      }
      out.printf(
          "Queued %d rows for %s/%s%s; they reach Salesforce at the next push.%n",
          queued.rows(),
          queued.orgName(),
          queued.object(),
          queued.externalIdField() == null
              ? ""
              : " (upserted by " + queued.externalIdField() + ")");
      out.flush();
      if (!pushNow || queued.rows() == 0) {
        return 0;
      }
      return push(backend, queued, out);
    }
  }

  private int push(DataBackend backend, RecordImportService.Queued queued, PrintWriter out)
      throws InterruptedException {
    String runId =
        backend.sync().start(queued.orgId(), List.of(queued.object()), false, SyncRun.Trigger.CLI);
    out.printf("Pushing now (run %s)...%n", runId);
    out.flush();
    SyncRun run = backend.sync().await(runId, PUSH_TIMEOUT);
    RecordImportService.Status status = backend.imports().status(queued.importId());
    out.printf(
        "Created %d, failed %d, still queued %d (sync %s).%n",
        status.created(), status.failed(), status.pending(), run.status().wireName());
    if (status.failed() > 0) {
      out.println("Refused by Salesforce (kept queued and tried again at every run):");
      status.failures().forEach(f -> out.println("  " + f));
    }
    if (run.message() != null) {
      out.println(run.message());
    }
    return status.failed() == 0 && status.pending() == 0 ? 0 : 1;
  }

  static int problems(PrintWriter err, String summary, List<String> problems) {
    err.println("error: " + summary);
    problems.forEach(p -> err.println("  " + p));
    return 1;
  }
}
