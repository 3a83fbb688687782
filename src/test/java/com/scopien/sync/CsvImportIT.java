package com.scopien.sync;

import static com.scopien.sync.SyncFixture.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.config.Secret;
import com.scopien.localorg.LocalOrg;
import com.scopien.localorg.LocalOrgOptions;
import com.scopien.orgs.Org;
import com.scopien.salesforce.ClientOptions;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.OAuthSessionProvider;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceClients;
import com.scopien.security.AuditLog;
import com.scopien.security.FieldSecurity;
import com.scopien.security.Redactor;
import com.scopien.security.Role;
import com.scopien.security.User;
import com.scopien.store.DatabaseTestBase;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * CSV rows imported into the local org over real HTTP, through the queue and the push path, on H2
 * and on PostgreSQL: created 200 per call, mirrored with their real Ids, not read back as changes,
 * and a row the org refuses kept with its error while the others go through.
 */
class CsvImportIT extends DatabaseTestBase {
  private static final User ADMIN = new User("u-a", "Ada", "ada@acme.com", Role.ADMIN);
  private static final String UPSERT = "/composite/sobjects/Lead/External_ID__c";

  private LocalOrg localOrg;
  private RecordingHttpClient http;
  private SalesforceClient client;
  private SyncFixture fixture;
  private RecordImportService imports;

  @BeforeParameterizedClassInvocation
  void startOrg() {
    localOrg =
        LocalOrg.start(LocalOrgOptions.production().withScale(new LocalOrgOptions.Scale(0.005)));
    http = new RecordingHttpClient(SalesforceClients.newHttpClient());
    client =
        SalesforceClients.create(
            http,
            OAuthSessionProvider.clientCredentials(
                new OAuthClient(http),
                localOrg.baseUrl(),
                localOrg.options().clientId(),
                Secret.of(localOrg.options().clientSecret()),
                null,
                renewed -> {}),
            ClientOptions.defaults());
    fixture = new SyncFixture(jdbc());
    FieldSecurity security = FieldSecurity.defaults();
    imports =
        new RecordImportService(
            jdbc(),
            fixture.orgs,
            fixture.settings,
            new AuditLog(jdbc(), security, Redactor.standard(), Clock.systemUTC()),
            security,
            Clock.systemUTC());
  }

  @AfterParameterizedClassInvocation
  void stopOrg() {
    fixture.close();
    localOrg.close();
  }

  private Org syncedOrg() {
    Org org = fixture.org(client);
    SyncRun initial = fixture.syncAndWait(org, List.of("Lead"), false);
    assertThat(initial.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    return org;
  }

  @Test
  void fourHundredFiftyLeadsAreUpsertedInThreeCallsMirroredWithTheirIdsAndNotReadBack() {
    Org org = syncedOrg();
    String tag = engine + "-" + Long.toHexString(System.nanoTime());
    int leadsBefore = localOrg.count("Lead");
    // Score__c is a number(3, 0): the describe the client gives has no precision, so 1000 passes
    // the import's checks and the org refuses it.
    StringBuilder csv = new StringBuilder("Ref,Last Name,Company,Email,Score,Source\n");
    for (int i = 1; i <= 450; i++) {
      csv.append(String.format("IMP-%s-%03d", tag, i))
          .append(",\"Lead ")
          .append(i)
          .append("\",\"Import Co, ")
          .append(i % 7)
          .append("\",lead")
          .append(i)
          .append("@example.com,")
          .append(i == 100 ? 1000 : i % 100)
          .append(",web\n");
    }
    ImportMapping mapping =
        ImportMapping.parse(
            """
            {"object": "Lead", "externalIdField": "External_ID__c",
             "columns": {"Ref": "External_ID__c", "Last Name": "LastName", "Company": "Company",
                         "Email": "Email", "Score": "Score__c", "Source": "LeadSource"},
             "constants": {"Status": "Open - Not Contacted"}}
            """);

    RecordImportService.Queued queued =
        imports.queue(ADMIN, org.id(), mapping, new StringReader(csv.toString()), "leads.csv");

    assertThat(queued.rows()).isEqualTo(450);
    assertThat(queued.externalIdField()).isEqualTo("External_ID__c");
    assertThat(imports.status(queued.importId()).pending()).isEqualTo(450);
    long upsertsBefore = http.count("PATCH", UPSERT);

    SyncRun push = fixture.syncAndWait(org, List.of("Lead"), false);

    assertThat(http.count("PATCH", UPSERT) - upsertsBefore).isEqualTo(3);
    SyncRun.ObjectRun lead = object(push, "Lead");
    assertThat(lead.pushed()).isEqualTo(449);
    assertThat(lead.failed()).isEqualTo(1);
    assertThat(lead.created()).as("the pull reads our creates back as echoes").isZero();
    assertThat(lead.updated()).isZero();
    RecordImportService.Status status = imports.status(queued.importId());
    assertThat(status.created()).isEqualTo(449);
    assertThat(status.failed()).isEqualTo(1);
    assertThat(status.failures())
        .singleElement()
        .asString()
        .startsWith("line 101: ")
        .contains("value outside of valid range");
    assertThat(fixture.sync.errors(org.id(), List.of("Lead"), java.time.Duration.ofHours(1), 50))
        .anySatisfy(
            e -> {
              assertThat(e.code()).isEqualTo(CreatePass.CREATE_FAILED);
              assertThat(e.message()).contains("line 101");
            });

    List<String[]> created = createdIds(queued.importId());
    assertThat(created).hasSize(449);
    for (String[] row : created.subList(0, 40)) {
      String id = row[0];
      int i = Integer.parseInt(row[1].substring("line ".length())) - 1;
      Map<String, Object> stored = localOrg.record("Lead", id).orElseThrow();
      assertThat(stored)
          .containsEntry("LastName", "Lead " + i)
          .containsEntry("Company", "Import Co, " + (i % 7))
          .containsEntry("Email", "lead" + i + "@example.com")
          .containsEntry("LeadSource", "Web")
          .containsEntry("Status", "Open - Not Contacted")
          .containsEntry("External_ID__c", String.format("IMP-%s-%03d", tag, i));
      assertThat(((Number) stored.get("Score__c")).intValue()).isEqualTo(i % 100);
      assertThat(fixture.mirrorFields(org, "Lead", id)).contains("lead" + i + "@example.com");
    }
    assertThat(mirroredWithSalesforceVersion(org, queued.importId()))
        .as("every created record is in the mirror under its Id, as Salesforce read it")
        .isEqualTo(449);

    long callsBefore = http.count("PATCH", UPSERT);
    SyncRun next = fixture.syncAndWait(org, List.of("Lead"), false);
    SyncRun.ObjectRun again = object(next, "Lead");
    assertThat(List.of(again.created(), again.updated(), again.deleted(), again.pushed()))
        .containsExactly(0L, 0L, 0L, 0L);
    assertThat(again.failed()).as("the refused row is tried again").isEqualTo(1);
    assertThat(http.count("PATCH", UPSERT) - callsBefore).isEqualTo(1);

    assertThat(imports.status(queued.importId()).failed()).as("kept, never dropped").isEqualTo(1);
    assertThat(attempts(queued.importId(), "line 101")).isEqualTo(2);
    assertThat(localOrg.count("Lead")).isEqualTo(leadsBefore + 449);
  }

  @Test
  void rowsWithoutAnExternalIdAreCreatedTwoHundredPerCall() {
    Org org = syncedOrg();
    String tag = engine + "-" + Long.toHexString(System.nanoTime());
    StringBuilder csv = new StringBuilder("Last,Company\n");
    for (int i = 0; i < 250; i++) {
      csv.append("Plain ").append(i).append(',').append(tag).append('\n');
    }
    ImportMapping mapping =
        ImportMapping.parse(
            "{\"object\":\"Lead\",\"columns\":{\"Last\":\"LastName\",\"Company\":\"Company\"}}");
    int leadsBefore = localOrg.count("Lead");
    long createsBefore = http.count("POST", "/composite/sobjects");

    RecordImportService.Queued queued =
        imports.queue(ADMIN, org.id(), mapping, new StringReader(csv.toString()), "plain.csv");
    SyncRun run = fixture.syncAndWait(org, List.of("Lead"), false);

    assertThat(http.count("POST", "/composite/sobjects") - createsBefore).isEqualTo(2);
    assertThat(object(run, "Lead").pushed()).isEqualTo(250);
    assertThat(localOrg.count("Lead")).isEqualTo(leadsBefore + 250);
    assertThat(imports.status(queued.importId()).created()).isEqualTo(250);
    assertThat(fixture.mirrorCount(org, "Lead")).isEqualTo(localOrg.count("Lead"));
  }

  @Test
  void oneBadRowQueuesNothingAndWritesNothing() {
    Org org = syncedOrg();
    ImportMapping mapping =
        ImportMapping.parse(
            "{\"object\":\"Lead\",\"columns\":{\"Last\":\"LastName\",\"Company\":\"Company\","
                + "\"Status\":\"Status\"}}");
    String csv = "Last,Company,Status\nGood,Acme,Working - Contacted\nBad,Acme,Sleeping\n";
    int leadsBefore = localOrg.count("Lead");

    assertThatThrownBy(
            () -> imports.queue(ADMIN, org.id(), mapping, new StringReader(csv), "bad.csv"))
        .isInstanceOfSatisfying(
            ValidationProblems.class,
            e ->
                assertThat(e.problems())
                    .containsExactly("line 3: Status: 'Sleeping' is not a value of this picklist"));

    assertThat(queuedRows(org)).isZero();
    SyncRun run = fixture.syncAndWait(org, List.of("Lead"), false);
    assertThat(object(run, "Lead").pushed()).isZero();
    assertThat(localOrg.count("Lead")).isEqualTo(leadsBefore);
  }

  private List<String[]> createdIds(String importId) {
    return jdbc()
        .query(
            "SELECT record_id, local_key FROM sync_pending_creates WHERE batch_id = ?"
                + " AND status = 'CREATED' ORDER BY seq",
            row -> new String[] {row.getString("record_id"), row.getString("local_key")},
            importId);
  }

  private long queuedRows(Org org) {
    return jdbc()
        .queryOne(
            "SELECT COUNT(*) AS n FROM sync_pending_creates WHERE org_id = ?",
            row -> row.getLong("n"),
            org.id())
        .orElse(0L);
  }

  private long mirroredWithSalesforceVersion(Org org, String importId) {
    return jdbc()
        .queryOne(
            "SELECT COUNT(*) AS n FROM sync_pending_creates c JOIN sync_records r"
                + " ON r.org_id = c.org_id AND r.object_name = c.object_name"
                + " AND r.record_id = c.record_id WHERE c.batch_id = ? AND r.org_id = ?"
                + " AND r.is_deleted = FALSE AND r.system_modstamp > ?",
            row -> row.getLong("n"),
            importId,
            org.id(),
            Instant.EPOCH)
        .orElse(0L);
  }

  private int attempts(String importId, String line) {
    return jdbc()
        .queryOne(
            "SELECT attempts FROM sync_pending_creates WHERE batch_id = ? AND local_key = ?",
            row -> row.getInt("attempts"),
            importId,
            line)
        .orElseThrow();
  }
}
