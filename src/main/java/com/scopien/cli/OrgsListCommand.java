package com.scopien.cli;

import com.scopien.Core;
import com.scopien.orgs.Org;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code scopien orgs list}: the connected orgs with domain, status and last sync. */
@Command(name = "list", description = "List the connected orgs.")
final class OrgsListCommand implements Callable<Integer>, EnvFactory.NeedsEnvironment {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private Map<String, String> env = Map.of();

  @Override
  public void environment(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Core core = OrgsCommand.open(env)) {
      List<Org> orgs = core.orgs().list();
      if (orgs.isEmpty()) {
        out.println("No org is connected. Add one with: scopien orgs add --help");
        return 0;
      }
      String format = "%-24s %-11s %-40s %-24s %-16s %s%n";
      out.printf(format, "NAME", "ENVIRONMENT", "DOMAIN", "STATUS", "LAST SYNC", "ID");
      for (Org org : orgs) {
        out.printf(
            format,
            org.name(),
            org.environment().wireName(),
            domain(org.instanceUrl()),
            org.status().label(),
            OrgsCommand.lastSync(org.lastSyncAt(), core.clock().instant()),
            org.id());
      }
      return 0;
    }
  }

  private static String domain(String url) {
    try {
      return url == null ? "" : URI.create(url).getAuthority();
    } catch (IllegalArgumentException e) {
      return url;
    }
  }
}
