package com.scopien.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.Core;
import com.scopien.config.ConfigLoader;
import com.scopien.localorg.LocalOrg;
import com.scopien.localorg.LocalOrgOptions;
import com.scopien.security.AuditLog;
import com.scopien.testing.RsaTestKeys;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scopien orgs ...} end to end: the real command line, a store in a temporary data folder,
 * and local orgs over HTTP. No server runs.
 */
class OrgsCommandTest {

  private static final String SECRET = "scopien-local-secret";

  @TempDir static Path keysDir;

  private static LocalOrg production;
  private static LocalOrg sandbox;
  private static RsaTestKeys keys;

  @TempDir Path dataDir;
  private Map<String, String> env;

  @BeforeAll
  static void startOrgs() {
    production =
        LocalOrg.start(LocalOrgOptions.production().withScale(new LocalOrgOptions.Scale(0.005)));
    sandbox = LocalOrg.start(LocalOrgOptions.sandbox().withScale(new LocalOrgOptions.Scale(0.01)));
    keys = RsaTestKeys.generate(keysDir);
    sandbox.trustJwtKey(keys.certificatePem());
  }

  @AfterAll
  static void stopOrgs() {
    production.close();
    sandbox.close();
  }

  @BeforeEach
  void environment() {
    env = new HashMap<>(Map.of("SCOPIEN_DATA_DIR", dataDir.toString()));
  }

  @Test
  void addWithClientCredentialsShowsTheCardAndNeverTheSecret() {
    Run run =
        run(
            "orgs",
            "add",
            "--name",
            "Acme Prod",
            "--environment",
            "production",
            "--login-url",
            production.baseUrl(),
            "--client-id",
            "scopien-local",
            "--client-secret",
            SECRET);

    assertThat(run.code).as(run.err).isZero();
    assertThat(run.out)
        .contains("Connected to Salesforce")
        .contains("Org:       Acme Corporation")
        .contains("Edition:   Enterprise")
        .contains("User:      john.doe@acme.com")
        .contains("Status:    Active")
        .contains("Last Sync: Not synced yet");
    assertThat(run.out + run.err).doesNotContain(SECRET);

    Run list = run("orgs", "list");
    assertThat(list.out)
        .contains("Acme Prod")
        .contains("production")
        .contains(production.baseUrl().replace("http://", ""))
        .contains("Active");
    try (Core core = Core.open(ConfigLoader.load(env))) {
      AuditLog.Entry entry = core.audit().recent(1).get(0);
      assertThat(entry.action()).isEqualTo("org.connect");
      assertThat(entry.actorUserId()).isEqualTo(core.operator().id());
    }
  }

  @Test
  void theSecretMayComeFromTheEnvironmentOrStandardInput() {
    env.put("SCOPIEN_CLIENT_SECRET", SECRET);
    Run fromEnv =
        run(
            "orgs",
            "add",
            "--name",
            "From env",
            "--environment",
            "production",
            "--login-url",
            production.baseUrl(),
            "--client-id",
            "scopien-local");
    env.remove("SCOPIEN_CLIENT_SECRET");
    Run fromStdin =
        runWithInput(
            SECRET + "\n",
            "orgs",
            "add",
            "--name",
            "From stdin",
            "--environment",
            "sandbox",
            "--login-url",
            sandbox.baseUrl(),
            "--client-id",
            "scopien-local",
            "--client-secret-stdin");

    assertThat(fromEnv.code).as(fromEnv.err).isZero();
    assertThat(fromStdin.code).as(fromStdin.err).isZero();
    assertThat(run("orgs", "list").out).contains("From env").contains("From stdin");
  }

  @Test
  void aWrongSecretIsAClearErrorThatStoresNothingAndEchoesNothing() {
    Run run =
        run(
            "orgs",
            "add",
            "--name",
            "Wrong",
            "--environment",
            "production",
            "--login-url",
            production.baseUrl(),
            "--client-id",
            "scopien-local",
            "--client-secret",
            "not-the-real-secret");

    assertThat(run.code).isEqualTo(1);
    assertThat(run.err).contains("invalid client credentials");
    assertThat(run.out + run.err).doesNotContain("not-the-real-secret");
    assertThat(run("orgs", "list").out).contains("No org is connected");
  }

  @Test
  void badUrlsAndTakenNamesAreClearErrors() {
    Run insecure =
        run(
            "orgs",
            "add",
            "--name",
            "Insecure",
            "--environment",
            "production",
            "--login-url",
            "http://acme.example.com",
            "--client-id",
            "scopien-local",
            "--client-secret",
            SECRET);
    assertThat(insecure.code).isEqualTo(1);
    assertThat(insecure.err).contains("must use https");

    Run unreachable =
        run(
            "orgs",
            "add",
            "--name",
            "Nowhere",
            "--environment",
            "production",
            "--login-url",
            "http://127.0.0.1:1",
            "--client-id",
            "scopien-local",
            "--client-secret",
            SECRET);
    assertThat(unreachable.code).isEqualTo(1);
    assertThat(unreachable.err).contains("Check the login URL");

    Run mismatch =
        run(
            "orgs",
            "add",
            "--name",
            "Not prod",
            "--environment",
            "production",
            "--login-url",
            sandbox.baseUrl(),
            "--client-id",
            "scopien-local",
            "--client-secret",
            SECRET);
    assertThat(mismatch.code).isEqualTo(1);
    assertThat(mismatch.err).contains("is a sandbox");

    String[] add = {
      "orgs",
      "add",
      "--name",
      "Twin",
      "--environment",
      "sandbox",
      "--login-url",
      sandbox.baseUrl(),
      "--client-id",
      "scopien-local",
      "--client-secret",
      SECRET
    };
    assertThat(run(add).code).isZero();
    Run twice = run(add);
    assertThat(twice.code).isEqualTo(1);
    assertThat(twice.err).contains("already connected");
  }

  @Test
  void everyProblemWithTheOptionsIsListedAtOnce() {
    Run run = run("orgs", "add", "--name", "X", "--environment", "staging");

    assertThat(run.code).isEqualTo(1);
    assertThat(run.err)
        .contains("3 problems")
        .contains("must be production or sandbox")
        .contains("client id is missing")
        .contains("give a client secret");
  }

  @Test
  void theJwtBearerFlowSignsInWithAKeyFile() throws Exception {
    Path key = dataDir.resolve("jwt.pem");
    Files.writeString(key, keys.privateKeyPem());

    Run run =
        run(
            "orgs",
            "add",
            "--name",
            "Acme UAT",
            "--environment",
            "sandbox",
            "--login-url",
            sandbox.baseUrl(),
            "--client-id",
            "scopien-local",
            "--jwt-key-file",
            key.toString(),
            "--username",
            "john.doe@acme.com");

    assertThat(run.code).as(run.err).isZero();
    assertThat(run.out).contains("User:      john.doe@acme.com").contains("Status:    Active");
    assertThat(run.out + run.err).doesNotContain("PRIVATE KEY");
  }

  @Test
  void anOrgsFileConnectsEveryOrgAndCanBeAppliedAgain() throws Exception {
    Path key = dataDir.resolve("uat.pem");
    Files.writeString(key, keys.privateKeyPem());
    env.put("ACME_PROD_SECRET", SECRET);
    Path file = dataDir.resolve("orgs.json");
    Files.writeString(
        file,
        "{\"orgs\": ["
            + "{\"name\":\"Prod\",\"environment\":\"production\",\"loginUrl\":\""
            + production.baseUrl()
            + "\",\"clientId\":\"scopien-local\",\"clientSecretEnv\":\"ACME_PROD_SECRET\"},"
            + "{\"name\":\"UAT\",\"environment\":\"sandbox\",\"loginUrl\":\""
            + sandbox.baseUrl()
            + "\",\"clientId\":\"scopien-local\",\"username\":\"john.doe@acme.com\","
            + "\"jwtKeyFile\":\"uat.pem\"}]}");
    env.put("SCOPIEN_ORGS_FILE", file.toString());

    Run first = run("orgs", "add");
    Run again = run("orgs", "add", "--file", file.toString());

    assertThat(first.code).as(first.err).isZero();
    assertThat(first.out).contains("+ Prod: connected").contains("+ UAT: connected");
    assertThat(again.code).isZero();
    assertThat(again.out)
        .contains("= Prod: already connected")
        .contains("= UAT: already connected");
    assertThat(run("orgs", "list").out).contains("Prod").contains("UAT");
  }

  @Test
  void aBadOrgsFileListsEveryProblemAndConnectsNothing() throws Exception {
    Path file = dataDir.resolve("orgs.json");
    Files.writeString(
        file,
        "[{\"name\":\"Prod\",\"environment\":\"prod\",\"loginUrl\":\""
            + production.baseUrl()
            + "\",\"clientId\":\"scopien-local\",\"clientSecret\":\""
            + SECRET
            + "\"},"
            + "{\"name\":\"UAT\",\"environment\":\"uat\",\"clientId\":\"x\","
            + "\"clientSecretEnv\":\"NOT_SET\",\"colour\":\"red\"},"
            + "{\"environment\":\"sandbox\",\"clientId\":\"x\",\"jwtKeyFile\":\"missing.pem\"}]");

    Run run = run("orgs", "add", "--file", file.toString());

    assertThat(run.code).isEqualTo(1);
    assertThat(run.err)
        .contains("orgs[1]: unknown field 'colour'")
        .contains("orgs[1]: the environment variable NOT_SET is not set")
        .contains("orgs[1]: the environment must be production or sandbox, not 'uat'")
        .contains("orgs[2]: the name is missing")
        .contains("orgs[2]: the JWT key file")
        .contains("orgs[2]: the JWT bearer flow needs the Salesforce username")
        .doesNotContain("orgs[0]")
        .doesNotContain(SECRET);
    assertThat(run("orgs", "list").out).contains("No org is connected");
  }

  @Test
  void removeRevokesAndDeletesByExactName() {
    run(
        "orgs",
        "add",
        "--name",
        "Short lived",
        "--environment",
        "production",
        "--login-url",
        production.baseUrl(),
        "--client-id",
        "scopien-local",
        "--client-secret",
        SECRET);

    Run unknown = run("orgs", "remove", "Short");
    Run removed = run("orgs", "remove", "short LIVED");

    assertThat(unknown.code).isEqualTo(1);
    assertThat(unknown.err).contains("no org called 'Short'").contains("Short lived");
    assertThat(removed.code).as(removed.err).isZero();
    assertThat(removed.out).contains("Removed org 'Short lived'");
    assertThat(run("orgs", "list").out).contains("No org is connected");
  }

  private Run run(String... args) {
    return runWithInput("", args);
  }

  private Run runWithInput(String input, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        ScopienCommand.run(
            args,
            env,
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private record Run(int code, String out, String err) {}
}
