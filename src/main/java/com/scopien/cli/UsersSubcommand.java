package com.scopien.cli;

import com.scopien.Core;
import com.scopien.security.User;
import com.scopien.security.UserAdmin;
import com.scopien.security.UserService;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** What every {@code users} command shares: the store, acting as the operator, key printing. */
abstract class UsersSubcommand implements Callable<Integer>, EnvFactory.NeedsEnvironment {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private Map<String, String> env = Map.of();

  @Override
  public void environment(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public final Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Core core = OrgsCommand.open(env)) {
      core.generatedAdminKey()
          .ifPresent(
              key ->
                  out.println(
                      "This data folder had no admin; created one. Admin API key (shown once,"
                          + " stored hashed): "
                          + key.reveal()));
      UserAdmin admin =
          new UserAdmin(core.database().jdbc(), core.users(), core.audit(), core.clock());
      run(admin, core.operator(), out);
      return 0;
    }
  }

  /** Does the command's work as {@code operator}; throws ScopienException for a clear failure. */
  abstract void run(UserAdmin admin, User operator, PrintWriter out);

  static void printKey(PrintWriter out, UserService.IssuedKey key) {
    out.println("API key (shown once, stored hashed; keep it safe): " + key.key().reveal());
    out.println("  Key id " + key.id() + ", shown in lists as " + key.prefix() + "...");
  }
}
