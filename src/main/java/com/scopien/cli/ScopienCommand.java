package com.scopien.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code scopien} command and its subcommands. */
@Command(
    name = "scopien",
    mixinStandardHelpOptions = true,
    version = "Scopien 0.1.0",
    description = "A conversational assistant for Salesforce data.",
    subcommands = {
      ServeCommand.class,
      LocalOrgCommand.class,
      ChatCommand.class,
      SyncCommand.class,
      ImportCommand.class,
      ConfigCommand.class,
      OrgsCommand.class,
      UsersCommand.class,
      BackupCommand.class,
      RestoreCommand.class
    })
public final class ScopienCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Runs the command line and returns the exit code: 0 on success, 2 for a usage error, 1 for a
   * failure whose message has been printed.
   */
  public static int run(String[] args, Map<String, String> env) {
    return run(args, env, null, null);
  }

  /**
   * Like {@link #run(String[], Map)}, printing to {@code out} and {@code err} (null: the console).
   */
  public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    return run(
        args,
        env,
        System.in,
        out != null ? out : new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        err != null ? err : new PrintWriter(System.err, true, StandardCharsets.UTF_8));
  }

  /**
   * As {@link #run(String[], Map, PrintWriter, PrintWriter)}, reading {@code in} as standard input.
   */
  public static int run(
      String[] args, Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new ScopienCommand(), new EnvFactory(env, in));
    cli.setExecutionExceptionHandler(new FriendlyErrors());
    cli.setOut(out);
    cli.setErr(err);
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }
}
