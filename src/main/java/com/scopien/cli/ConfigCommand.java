package com.scopien.cli;

import com.scopien.config.ConfigLoader;
import com.scopien.orgs.Org;
import com.scopien.sync.SyncConfigService;
import com.scopien.sync.ValidationProblems;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scopien config export|apply}: an org's sync configuration (frequency, directions, conflict
 * policy, objects, fields, mappings) as one JSON file. {@code apply} checks the whole file first
 * and changes all of it or nothing, listing every problem.
 */
@Command(
    name = "config",
    description = "Export or apply an org's sync configuration as a JSON file.",
    subcommands = {ConfigCommand.Export.class, ConfigCommand.Apply.class})
final class ConfigCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Opens the backend; tests pass their own. */
  abstract static class Base implements Callable<Integer>, EnvFactory.NeedsEnvironment {
    @Option(
        names = "--org",
        description = "The org: its name or environment. Needed when several orgs are connected.")
    String org;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    private final Function<Map<String, String>, DataBackend> opener;
    private Map<String, String> env = Map.of();

    Base(Function<Map<String, String>, DataBackend> opener) {
      this.opener = opener;
    }

    @Override
    public void environment(Map<String, String> env) {
      this.env = env;
    }

    @Override
    public Integer call() throws IOException {
      try (DataBackend backend = opener.apply(env)) {
        return run(backend, OrgChoice.resolve(backend.orgs(), org), spec.commandLine().getOut());
      }
    }

    abstract int run(DataBackend backend, Org target, PrintWriter out) throws IOException;
  }

  @Command(name = "export", description = "Print the org's sync configuration (or write --file).")
  static final class Export extends Base {
    @Option(names = "--file", description = "Write here instead of printing.")
    Path file;

    Export() {
      this(env -> CoreSyncBackend.open(ConfigLoader.load(env)));
    }

    Export(Function<Map<String, String>, DataBackend> opener) {
      super(opener);
    }

    @Override
    int run(DataBackend backend, Org target, PrintWriter out) throws IOException {
      String json = backend.syncConfig().export(target.id());
      if (file == null) {
        out.print(json);
      } else {
        Files.writeString(file, json, StandardCharsets.UTF_8);
        out.printf("Wrote the sync configuration of %s to %s%n", target.name(), file);
      }
      return 0;
    }
  }

  @Command(
      name = "apply",
      description = "Check a sync configuration file and apply all of it, or nothing.")
  static final class Apply extends Base {
    @Option(names = "--file", required = true, description = "The configuration file (JSON).")
    Path file;

    @Option(names = "--dry-run", description = "Only check the file.")
    boolean dryRun;

    Apply() {
      this(env -> CoreSyncBackend.open(ConfigLoader.load(env)));
    }

    Apply(Function<Map<String, String>, DataBackend> opener) {
      super(opener);
    }

    @Override
    int run(DataBackend backend, Org target, PrintWriter out) throws IOException {
      String json = Files.readString(file, StandardCharsets.UTF_8);
      SyncConfigService.Applied applied;
      try {
        applied = backend.syncConfig().apply(target.id(), json, dryRun);
      } catch (ValidationProblems e) {
        return ImportCommand.problems(
            spec.commandLine().getErr(), file + ": " + e.summary(), e.problems());
      }
      out.printf(
          "%s %s to %s%n", dryRun ? "Checked" : "Applied", file.getFileName(), target.name());
      applied.changes().forEach(c -> out.println("  " + c));
      if (dryRun) {
        out.println("Nothing was changed (--dry-run).");
      }
      return 0;
    }
  }
}
