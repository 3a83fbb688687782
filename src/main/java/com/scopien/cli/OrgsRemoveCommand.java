package com.scopien.cli;

import com.scopien.Core;
import com.scopien.ScopienException;
import com.scopien.orgs.Org;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code scopien orgs remove NAME}: revokes the org's tokens at the org and deletes it. Only the
 * exact name (any case) or the id will do: removal is not a place for guessing.
 */
@Command(name = "remove", description = "Revoke an org's access at Salesforce and delete it.")
final class OrgsRemoveCommand implements Callable<Integer>, EnvFactory.NeedsEnvironment {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The org's name or id.")
  String reference;

  private Map<String, String> env = Map.of();

  @Override
  public void environment(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try (Core core = OrgsCommand.open(env)) {
      List<Org> orgs = core.orgs().list();
      String wanted = reference.trim().toLowerCase(Locale.ROOT);
      Org org =
          orgs.stream()
              .filter(
                  o ->
                      o.id().equals(reference.trim())
                          || o.name().toLowerCase(Locale.ROOT).equals(wanted))
              .findFirst()
              .orElseThrow(
                  () ->
                      ScopienException.notFound(
                          "unknown_org",
                          "There is no org called '"
                              + reference.trim()
                              + "'. Connected orgs: "
                              + (orgs.isEmpty()
                                  ? "none"
                                  : orgs.stream().map(Org::name).collect(Collectors.joining(", ")))
                              + "."));
      core.connections().remove(core.operator(), org.id());
      spec.commandLine()
          .getOut()
          .println("Removed org '" + org.name() + "'; its tokens were revoked at the org.");
      return 0;
    }
  }
}
