package com.scopien.cli;

import com.scopien.Core;
import com.scopien.ScopienException;
import com.scopien.config.ConfigLoader;
import com.scopien.orgs.Org;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code scopien orgs ...}: connected orgs without a browser or a running server. The commands open
 * the store of {@code SCOPIEN_DATA_DIR} / {@code SCOPIEN_DB_URL} directly and act as the bootstrap
 * admin (whoever can read the data folder holds its encryption key anyway); every change is in the
 * audit log.
 */
@Command(
    name = "orgs",
    description = "Connect, list and remove Salesforce orgs (no server needed).",
    subcommands = {OrgsAddCommand.class, OrgsListCommand.class, OrgsRemoveCommand.class})
final class OrgsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Opens the store and services; explains the usual failure (a running server holds the embedded
   * database).
   */
  static Core open(Map<String, String> env) {
    try {
      return Core.open(ConfigLoader.load(env));
    } catch (ScopienException e) {
      if (mentions(e, "already in use") || mentions(e, "Locked by another process")) {
        throw new ScopienException(
            ScopienException.Kind.CONFLICT,
            "database_in_use",
            "The embedded database in the data folder is in use by a running Scopien server."
                + " Stop it first, or connect orgs in its web UI (Settings → Integrations), or use"
                + " a PostgreSQL database (SCOPIEN_DB_URL) that both can share.",
            e);
      }
      throw e;
    }
  }

  /** The verification card, as the guide shows it. */
  static void printCard(PrintWriter out, Org org, Instant now) {
    out.println("Connected to Salesforce");
    out.println("  Org:       " + org.organizationName());
    out.println("  Edition:   " + edition(org));
    out.println("  User:      " + (org.username() == null ? "(unknown)" : org.username()));
    out.println("  Status:    " + org.status().label());
    out.println("  Last Sync: " + lastSync(org.lastSyncAt(), now));
    out.println(
        "  In Scopien: '"
            + org.name()
            + "' ("
            + org.environment().wireName()
            + ") at "
            + org.instanceUrl()
            + ", id "
            + org.id());
  }

  static String edition(Org org) {
    return org.edition() == null ? "" : org.edition().replaceFirst("\\s+Edition$", "");
  }

  static String lastSync(Instant at, Instant now) {
    if (at == null) {
      return "Not synced yet";
    }
    long minutes = Duration.between(at, now).toMinutes();
    return minutes < 1 ? "Just now" : minutes < 60 ? minutes + " min ago" : at.toString();
  }

  private static boolean mentions(Throwable e, String text) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(text)) {
        return true;
      }
    }
    return false;
  }
}
