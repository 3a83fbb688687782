package com.scopien.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.config.Secret;
import com.scopien.localorg.LocalOrg;
import com.scopien.localorg.LocalOrgOptions;
import com.scopien.orgs.Environment;
import com.scopien.orgs.OrgDirectory;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceClients;
import com.scopien.salesforce.SessionProvider;
import com.scopien.store.Database;
import com.scopien.store.TestDatabases;
import com.scopien.sync.SyncOptions;
import com.scopien.sync.SyncService;
import com.scopien.sync.SyncSettingsService;
import com.scopien.testing.StoredOrgs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code scopien sync} against a small local org over HTTP, with a real sync service on H2. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncCommandTest {
  private Database database;
  private LocalOrg localOrg;
  private OrgDirectory orgs;
  private int opened;
  private int closed;

  @BeforeAll
  void start() {
    database = TestDatabases.open(TestDatabases.Engine.H2);
    localOrg =
        LocalOrg.start(LocalOrgOptions.production().withScale(new LocalOrgOptions.Scale(0.01)));
    HttpClient http = SalesforceClients.newHttpClient();
    SalesforceClient client =
        SalesforceClients.create(
            http,
            SessionProvider.fixed(
                new OAuthClient(http)
                    .clientCredentials(
                        localOrg.baseUrl(),
                        localOrg.options().clientId(),
                        Secret.of(localOrg.options().clientSecret()))
                    .session()));
    orgs =
        new StoredOrgs.Directory(
            List.of(StoredOrgs.insert(database.jdbc(), "Acme", Environment.PRODUCTION)), client);
  }

  @AfterAll
  void stop() {
    localOrg.close();
    database.close();
  }

  private SyncBackend backend() {
    opened++;
    SyncSettingsService settings =
        new SyncSettingsService(database.jdbc(), orgs, Clock.systemUTC());
    SyncService sync =
        new SyncService(
            database.jdbc(), orgs, settings, SyncOptions.defaults(), Clock.systemUTC(), id -> {});
    return new SyncBackend() {
      @Override
      public OrgDirectory orgs() {
        return orgs;
      }

      @Override
      public SyncService sync() {
        return sync;
      }

      @Override
      public void close() {
        sync.close();
        closed++;
      }
    };
  }

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new SyncCommand(env -> backend()));
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    cli.setExecutionExceptionHandler(new FriendlyErrors());
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private record Result(int code, String out, String err) {}

  @Test
  void syncsTheNamedOrgAndPrintsProgressAndASummary() {
    Result result = run("--org", "acme", "--object", "Account", "--object", "contact");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("Syncing Acme (run ");
    assertThat(result.out()).contains("Sync succeeded in");
    assertThat(result.out())
        .containsPattern(
            "Account +initial +succeeded +created "
                + String.format("%,d", localOrg.count("Account")));
    assertThat(result.out()).contains("Contact").doesNotContain("Lead ");
    assertThat(closed).isEqualTo(opened);

    Result again = run("--org", "production", "--object", "Account", "--full");
    assertThat(again.code()).isZero();
    assertThat(again.out()).containsPattern("Account +reconcile +succeeded +created 0");
  }

  @Test
  void badArgumentsGiveOneClearError() {
    Result unknown = run("--org", "acme", "--object", "Widget__c");

    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("error: The org has no object 'Widget__c'");

    Result missing = run("--object", "Account");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("--org");
  }

  @Test
  void theDefaultBackendOpensTheConfiguredStoreAndNamesAnUnknownOrg(@TempDir Path dataDir) {
    StringWriter err = new StringWriter();
    SyncCommand command = new SyncCommand();
    command.environment(Map.of("SCOPIEN_DATA_DIR", dataDir.toString()));
    CommandLine cli = new CommandLine(command);
    cli.setErr(new PrintWriter(err));
    cli.setExecutionExceptionHandler(new FriendlyErrors());

    assertThat(cli.execute("--org", "Nowhere")).isEqualTo(1);
    assertThat(err.toString()).startsWith("error: ").contains("Nowhere");
  }
}
