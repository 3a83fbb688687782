package com.scopien.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.config.Secret;
import com.scopien.localorg.LocalOrg;
import com.scopien.localorg.LocalOrgOptions;
import com.scopien.orgs.Environment;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceClients;
import com.scopien.salesforce.SessionProvider;
import com.scopien.security.AuditLog;
import com.scopien.security.FieldSecurity;
import com.scopien.security.Redactor;
import com.scopien.security.Role;
import com.scopien.security.User;
import com.scopien.store.Database;
import com.scopien.store.Jdbc;
import com.scopien.store.TestDatabases;
import com.scopien.sync.RecordImportService;
import com.scopien.sync.SyncConfigService;
import com.scopien.sync.SyncOptions;
import com.scopien.sync.SyncService;
import com.scopien.sync.SyncSettingsService;
import com.scopien.testing.StoredOrgs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code scopien import} and {@code scopien config} against a small local org over HTTP, with the
 * real services on H2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportCommandTest {
  private static final User ADMIN = new User("u-a", "Ada", "ada@acme.com", Role.ADMIN);

  private Database database;
  private LocalOrg localOrg;
  private SalesforceClient client;
  private Org acme;
  private Org beta;
  @TempDir Path dir;

  @BeforeAll
  void start() {
    database = TestDatabases.open(TestDatabases.Engine.H2);
    localOrg =
        LocalOrg.start(LocalOrgOptions.production().withScale(new LocalOrgOptions.Scale(0.005)));
    HttpClient http = SalesforceClients.newHttpClient();
    client =
        SalesforceClients.create(
            http,
            SessionProvider.fixed(
                new OAuthClient(http)
                    .clientCredentials(
                        localOrg.baseUrl(),
                        localOrg.options().clientId(),
                        Secret.of(localOrg.options().clientSecret()))
                    .session()));
    acme = StoredOrgs.insert(database.jdbc(), "Acme", Environment.PRODUCTION);
    beta = StoredOrgs.insert(database.jdbc(), "Beta", Environment.SANDBOX);
  }

  @AfterAll
  void stop() {
    localOrg.close();
    database.close();
  }

  private DataBackend backend(List<Org> connected) {
    OrgDirectory orgs = new StoredOrgs.Directory(connected, client);
    Jdbc jdbc = database.jdbc();
    Clock clock = Clock.systemUTC();
    SyncSettingsService settings = new SyncSettingsService(jdbc, orgs, clock);
    SyncService sync =
        new SyncService(jdbc, orgs, settings, SyncOptions.defaults(), clock, id -> {});
    FieldSecurity security = FieldSecurity.defaults();
    RecordImportService imports =
        new RecordImportService(
            jdbc,
            orgs,
            settings,
            new AuditLog(jdbc, security, Redactor.standard(), clock),
            security,
            clock);
    SyncConfigService config = new SyncConfigService(jdbc, orgs, settings, clock);
    return new DataBackend() {
      @Override
      public OrgDirectory orgs() {
        return orgs;
      }

      @Override
      public SyncService sync() {
        return sync;
      }

      @Override
      public RecordImportService imports() {
        return imports;
      }

      @Override
      public SyncConfigService syncConfig() {
        return config;
      }

      @Override
      public User operator() {
        return ADMIN;
      }

      @Override
      public void close() {
        sync.close();
      }
    };
  }

  private record Result(int code, String out, String err) {}

  private Result run(Callable<Integer> command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    cli.setExecutionExceptionHandler(new FriendlyErrors());
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private Result importInto(List<Org> connected, String... args) {
    return run(new ImportCommand(env -> backend(connected)), args);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static final String MAPPING =
      """
      {"object": "Lead",
       "columns": {"Last Name": "LastName", "Company": "Company", "Email": "Email",
                   "Notes": "Description"},
       "constants": {"LeadSource": "Web"}}
      """;

  @Test
  void importsAFileIntoTheOnlyOrgAndPushesItNow() throws IOException {
    Path csv =
        write(
            "leads.csv",
            "\uFEFFLast Name,Company,Email,Notes,Extra\r\n"
                + "Cli One,\"Cli, Inc.\",one@cli.test,\"first line\r\nsecond line\",x\r\n"
                + "Cli Two,Cli Inc.,two@cli.test,,y\r\n");
    Path map = write("map.json", MAPPING);
    int before = localOrg.count("Lead");

    Result result =
        importInto(List.of(acme), "--file", csv.toString(), "--map", map.toString(), "--push-now");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("Columns not imported: Extra")
        .contains("Queued 2 rows for Acme/Lead; they reach Salesforce at the next push.")
        .contains("Created 2, failed 0, still queued 0 (sync succeeded).");
    assertThat(localOrg.count("Lead")).isEqualTo(before + 2);
    String id =
        client
            .query("SELECT Id FROM Lead WHERE Email = 'one@cli.test'")
            .records()
            .get(0)
            .fields()
            .get("Id")
            .toString();
    assertThat(localOrg.record("Lead", id).orElseThrow())
        .containsEntry("Company", "Cli, Inc.")
        .containsEntry("Description", "first line\r\nsecond line")
        .containsEntry("LeadSource", "Web");
  }

  @Test
  void badRowsAreListedByLineAndNothingIsQueued() throws IOException {
    Path csv =
        write(
            "bad.csv",
            "Last Name,Company,Email,Notes\n"
                + "Ok,Acme,ok@acme.test,\"a\nb\nc\"\n"
                + ",Acme,not-an-email,\n"
                + "Ok2,,ok2@acme.test,\n");
    Path map = write("map.json", MAPPING);

    Result result =
        importInto(
            List.of(acme), "--org", "Acme", "--file", csv.toString(), "--map", map.toString());

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "error: "
                + csv
                + ": 2 rows have problems; nothing was queued\n"
                + "  line 5: LastName: required, but empty\n"
                + "  line 5: Email: 'not-an-email' is not an email address\n"
                + "  line 6: Company: required, but empty\n");
    assertThat(queued()).isZero();
  }

  @Test
  void aBadMappingFileIsExplainedBeforeAnythingIsOpened() throws IOException {
    Path csv = write("any.csv", "A\n1\n");
    Path map = write("broken.json", "{\"columns\": {\"A\": 5}, \"timeZone\": \"Nowhere/Zone\"}");

    Result result =
        run(
            new ImportCommand(
                env -> {
                  throw new AssertionError("the backend must not be opened");
                }),
            "--file",
            csv.toString(),
            "--map",
            map.toString());

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "error: "
                + map
                + ": The mapping file has 2 problems\n"
                + "  columns.A: give the field's API name as text\n"
                + "  timeZone: 'Nowhere/Zone' is not a time zone (try UTC or Europe/Paris)\n");
  }

  @Test
  void withSeveralOrgsTheCommandAsksWhichOne() throws IOException {
    Path csv = write("one.csv", "Last Name,Company\nX,Y\n");
    Path map = write("map.json", MAPPING);

    Result result =
        importInto(List.of(acme, beta), "--file", csv.toString(), "--map", map.toString());

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo("error: 2 orgs are connected (Acme, Beta); say which with --org.\n");
  }

  @Test
  void configExportThenApplyRoundTripsAndABadFileChangesNothing() throws IOException {
    Path exported = dir.resolve("sync.json");
    Result export =
        run(
            new ConfigCommand.Export(env -> backend(List.of(acme, beta))),
            "--org",
            "acme",
            "--file",
            exported.toString());
    assertThat(export.code()).as(export.err()).isZero();
    String original = Files.readString(exported);
    String edited = original.replace("\"real-time\"", "\"hourly\"");
    assertThat(edited).isNotEqualTo(original);
    Path changed = write("changed.json", edited);

    Result apply =
        run(new ConfigCommand.Apply(env -> backend(List.of(acme))), "--file", changed.toString());

    assertThat(apply.code()).as(apply.err()).isZero();
    assertThat(apply.out()).startsWith("Applied changed.json to Acme").contains("settings: hourly");
    Result printed = run(new ConfigCommand.Export(env -> backend(List.of(acme))));
    assertThat(printed.out()).isEqualTo(edited);

    Path bad = write("bad.json", "{\"frequency\": \"often\", \"objects\": {\"Nope\": {}}}");
    Result refused =
        run(new ConfigCommand.Apply(env -> backend(List.of(acme))), "--file", bad.toString());
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err())
        .startsWith(
            "error: " + bad + ": The sync configuration has 2 problems; nothing was changed")
        .contains("  frequency: Frequency 'often' is not known")
        .contains("  objects.Nope: the org has no object 'Nope' that can be synced");
    assertThat(run(new ConfigCommand.Export(env -> backend(List.of(acme)))).out())
        .isEqualTo(edited);
  }

  private long queued() {
    return database
        .jdbc()
        .queryOne(
            "SELECT COUNT(*) AS n FROM sync_pending_creates WHERE status = 'PENDING'",
            row -> row.getLong("n"))
        .orElse(0L);
  }
}
