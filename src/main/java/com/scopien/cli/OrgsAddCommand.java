package com.scopien.cli;

import com.scopien.Core;
import com.scopien.ScopienException;
import com.scopien.config.Secret;
import com.scopien.orgs.NewJwtOrg;
import com.scopien.orgs.NewOrg;
import com.scopien.orgs.Org;
import com.scopien.security.User;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scopien orgs add}: connects an org without a browser, with the client credentials flow
 * ({@code --client-secret}) or the JWT bearer flow ({@code --jwt-key-file} and {@code --username}),
 * or every org of an orgs file ({@code --file}, else {@code SCOPIEN_ORGS_FILE}). A file may be
 * applied again: orgs already connected under the same name are left as they are.
 */
@Command(
    name = "add",
    description = {
      "Connect an org with the client credentials or JWT bearer flow, or every org of a file.",
      "The client secret is best given as SCOPIEN_CLIENT_SECRET or on standard input"
          + " (--client-secret-stdin): a --client-secret argument is visible to other users of"
          + " this machine."
    })
final class OrgsAddCommand
    implements Callable<Integer>, EnvFactory.NeedsEnvironment, EnvFactory.NeedsInput {

  static final String SECRET_VARIABLE = "SCOPIEN_CLIENT_SECRET";
  static final String FILE_VARIABLE = "SCOPIEN_ORGS_FILE";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--name", description = "The org's name in Scopien.")
  String name;

  @Option(names = "--environment", description = "production or sandbox.")
  String environment;

  @Option(
      names = "--login-url",
      description = "The org's My Domain URL (https; http only for localhost).")
  String loginUrl;

  @Option(names = "--client-id", description = "The connected app's consumer key.")
  String clientId;

  @Option(
      names = "--client-secret",
      description = "The connected app's consumer secret (client credentials flow).",
      arity = "1")
  String clientSecret;

  @Option(
      names = "--client-secret-stdin",
      description = "Read the consumer secret from the first line of standard input.")
  boolean secretFromStdin;

  @Option(
      names = "--jwt-key-file",
      description = "PEM file of the RSA private key whose certificate is on the app (JWT bearer).")
  Path jwtKeyFile;

  @Option(names = "--username", description = "The Salesforce username to sign in as (JWT bearer).")
  String username;

  @Option(
      names = "--file",
      description = "A JSON file of orgs to connect (default: " + FILE_VARIABLE + ").")
  Path file;

  private Map<String, String> env = Map.of();
  private InputStream in = InputStream.nullInputStream();

  @Override
  public void environment(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public void input(InputStream in) {
    this.in = in;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean single = name != null || environment != null || clientId != null || loginUrl != null;
    Path orgsFile = file;
    if (orgsFile == null && !single && env.get(FILE_VARIABLE) != null) {
      orgsFile = Path.of(env.get(FILE_VARIABLE));
    }
    if (orgsFile != null && single) {
      throw ScopienException.invalid(
          "invalid_orgs", "Give either --file or one org's options (--name ...), not both.");
    }
    if (orgsFile == null && !single) {
      throw ScopienException.invalid(
          "invalid_orgs",
          "Say which org to add (--name, --environment, --login-url, --client-id and a secret or"
              + " a JWT key), or give --file orgs.json (or "
              + FILE_VARIABLE
              + ").");
    }
    List<OrgEntry> entries = orgsFile != null ? OrgsFile.read(orgsFile, env) : List.of(single());
    entries.forEach(entry -> warnIfKeyIsOpen(entry, err));
    try (Core core = OrgsCommand.open(env)) {
      User operator = core.operator();
      if (orgsFile == null) {
        Org org = connect(core, operator, entries.get(0));
        OrgsCommand.printCard(out, org, core.clock().instant());
        return 0;
      }
      return connectAll(core, operator, entries, out, err);
    }
  }

  private int connectAll(
      Core core, User operator, List<OrgEntry> entries, PrintWriter out, PrintWriter err) {
    int failed = 0;
    for (OrgEntry entry : entries) {
      if (core.orgs().list().stream().anyMatch(o -> o.name().equalsIgnoreCase(entry.name()))) {
        out.println("= " + entry.name() + ": already connected, left as it is");
        continue;
      }
      try {
        Org org = connect(core, operator, entry);
        out.println(
            "+ "
                + org.name()
                + ": connected to "
                + org.organizationName()
                + " ("
                + OrgsCommand.edition(org)
                + ") as "
                + org.username());
      } catch (ScopienException e) {
        failed++;
        err.println("x " + entry.name() + ": " + e.getMessage());
      }
    }
    if (failed > 0) {
      err.println(failed + " of " + entries.size() + " orgs could not be connected.");
      return 1;
    }
    return 0;
  }

  private Org connect(Core core, User operator, OrgEntry entry) {
    if (entry.jwt()) {
      return core.connections()
          .connectWithJwt(
              operator,
              new NewJwtOrg(
                  entry.name(),
                  entry.parsedEnvironment(),
                  entry.loginUrl(),
                  entry.clientId(),
                  entry.username(),
                  Secret.of(readKey(entry.jwtKeyFile()))));
    }
    return core.connections()
        .connectWithClientCredentials(
            operator,
            new NewOrg(
                entry.name(),
                entry.parsedEnvironment(),
                entry.loginUrl(),
                entry.clientId(),
                entry.clientSecret().orElseThrow(),
                false));
  }

  private OrgEntry single() {
    int sources =
        (clientSecret != null ? 1 : 0)
            + (secretFromStdin ? 1 : 0)
            + (env.get(SECRET_VARIABLE) != null && jwtKeyFile == null ? 1 : 0);
    if (clientSecret != null && secretFromStdin) {
      throw ScopienException.invalid(
          "invalid_orgs", "Give the client secret once: --client-secret or --client-secret-stdin.");
    }
    Optional<Secret> secret =
        sources == 0
            ? Optional.empty()
            : Optional.of(
                Secret.of(
                    clientSecret != null
                        ? clientSecret
                        : secretFromStdin ? firstLine() : env.get(SECRET_VARIABLE)));
    OrgEntry entry =
        new OrgEntry(
            "orgs add",
            name,
            environment,
            loginUrl,
            clientId,
            secret.filter(s -> !s.reveal().isBlank()),
            username,
            jwtKeyFile);
    List<String> problems = entry.problems();
    if (!problems.isEmpty()) {
      throw OrgsFile.invalid("The command", problems);
    }
    return entry;
  }

  private String firstLine() {
    try {
      String line =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
      return line == null ? "" : line.trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readKey(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw ScopienException.invalid(
          "unreadable_key", "Cannot read the JWT key file " + file + ".");
    }
  }

  /** A private key others can read is a leak waiting to happen; say so, but go on. */
  private static void warnIfKeyIsOpen(OrgEntry entry, PrintWriter err) {
    if (!entry.jwt()) {
      return;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(entry.jwtKeyFile());
      if (permissions.contains(PosixFilePermission.OTHERS_READ)
          || permissions.contains(PosixFilePermission.GROUP_READ)) {
        err.println(
            "warning: "
                + entry.jwtKeyFile()
                + " is readable by other users; chmod 600 it. Scopien keeps its own sealed copy.");
      }
    } catch (IOException | UnsupportedOperationException e) {
      // Not a POSIX file system, or not readable: the connect step says so.
    }
  }
}
