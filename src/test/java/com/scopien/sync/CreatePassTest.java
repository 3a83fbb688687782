package com.scopien.sync;

import static com.scopien.sync.SyncFixture.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import com.scopien.orgs.Org;
import com.scopien.salesforce.SalesforceException;
import com.scopien.security.AuditLog;
import com.scopien.security.FieldSecurity;
import com.scopien.security.Redactor;
import com.scopien.security.Role;
import com.scopien.security.User;
import com.scopien.store.DatabaseTestBase;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Queued creates through the push path of a client without sObject Collections (one create per
 * row): refused rows are kept and go through once Salesforce takes them.
 */
class CreatePassTest extends DatabaseTestBase {
  private static final User ADMIN = new User("u-a", "Ada", "ada@acme.com", Role.ADMIN);

  private FakeSalesforceClient salesforce;
  private SyncFixture fixture;
  private RecordImportService imports;
  private Org org;

  @BeforeEach
  void setUp() {
    salesforce = new FakeSalesforceClient();
    fixture = new SyncFixture(jdbc(), SyncOptions.defaults().withLookback(Duration.ZERO));
    FieldSecurity security = FieldSecurity.defaults();
    imports =
        new RecordImportService(
            jdbc(),
            fixture.orgs,
            fixture.settings,
            new AuditLog(jdbc(), security, Redactor.standard(), Clock.systemUTC()),
            security,
            Clock.systemUTC());
    org = fixture.org(salesforce);
    salesforce.seed("Lead", 2);
    salesforce.seed("Account", 2);
    fixture.syncAndWait(org, List.of("Lead", "Account"), false);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void aRefusedRowIsKeptWithItsErrorAndCreatedWhenSalesforceTakesIt() {
    ImportMapping mapping =
        ImportMapping.parse(
            "{\"object\":\"Lead\",\"columns\":{\"Name\":\"LastName\",\"Co\":\"Company\"}}");
    RecordImportService.Queued queued =
        imports.queue(
            ADMIN, org.id(), mapping, new StringReader("Name,Co\nA,X\nB,Y\nC,Z\n"), "three.csv");
    // The second create (row B, line 3) is refused, however many other calls the run makes first.
    java.util.concurrent.atomic.AtomicInteger creates =
        new java.util.concurrent.atomic.AtomicInteger();
    salesforce.fault(
        call ->
            call.startsWith("create#") && creates.incrementAndGet() == 2
                ? new SalesforceException(
                    ScopienException.Kind.INVALID_INPUT,
                    "FIELD_CUSTOM_VALIDATION_EXCEPTION",
                    400,
                    "Company is on the blocklist")
                : null);

    SyncRun first = fixture.syncAndWait(org, List.of("Lead"), false);

    assertThat(object(first, "Lead").pushed()).isEqualTo(2);
    assertThat(object(first, "Lead").failed()).isEqualTo(1);
    assertThat(first.status()).isEqualTo(SyncRun.Status.PARTIAL);
    RecordImportService.Status status = imports.status(queued.importId());
    assertThat(List.of(status.created(), status.failed(), status.pending()))
        .containsExactly(2L, 1L, 0L);
    assertThat(status.failures()).containsExactly("line 3: Company is on the blocklist");
    assertThat(fixture.mirrorCount(org, "Lead")).isEqualTo(4);

    salesforce.fault(call -> null);
    SyncRun second = fixture.syncAndWait(org, List.of("Lead"), false);

    assertThat(object(second, "Lead").pushed()).isEqualTo(1);
    assertThat(object(second, "Lead").created()).isZero();
    assertThat(object(second, "Lead").updated()).isZero();
    assertThat(second.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
    assertThat(imports.status(queued.importId()).created()).isEqualTo(3);
    assertThat(fixture.mirrorCount(org, "Lead")).isEqualTo(5);
    assertThat(fixture.sync.errors(org.id(), List.of("Lead"), Duration.ofHours(1), 10))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo(CreatePass.CREATE_FAILED);
              assertThat(e.status()).isEqualTo(SyncError.Status.RESOLVED);
            });
  }

  @Test
  void hiddenFieldsCannotBeImportedAndUnreadFieldsAreNotMirroredNorReadBackAsAChange() {
    ImportMapping secret =
        ImportMapping.parse(
            "{\"object\":\"Contact\",\"columns\":{\"Name\":\"LastName\",\"SSN\":\"SSN__c\"}}");
    assertThatThrownBy(
            () ->
                imports.queue(
                    ADMIN, org.id(), secret, new StringReader("Name,SSN\nRoe,1\n"), "s.csv"))
        .isInstanceOfSatisfying(
            ValidationProblems.class,
            e ->
                assertThat(e.problems())
                    .containsExactly("columns.SSN: Contact.SSN__c is hidden from your role"));
    fixture.settings.chooseFields(org.id(), "Account", List.of("Name"));
    ImportMapping mapping =
        ImportMapping.parse(
            "{\"object\":\"Account\",\"columns\":{\"Name\":\"Name\",\"Sector\":\"Industry\"}}");
    imports.queue(
        ADMIN, org.id(), mapping, new StringReader("Name,Sector\nRoe Ltd,Energy\n"), "a.csv");

    SyncRun run = fixture.syncAndWait(org, List.of("Account"), false);

    assertThat(object(run, "Account").pushed()).isEqualTo(1);
    String id =
        jdbc()
            .queryOne(
                "SELECT record_id FROM sync_pending_creates WHERE org_id = ? AND status = 'CREATED'",
                row -> row.getString("record_id"),
                org.id())
            .orElseThrow();
    assertThat(salesforce.stored("Account", id)).containsEntry("Industry", "Energy");
    assertThat(fixture.mirrorFields(org, "Account", id))
        .contains("Roe Ltd")
        .doesNotContain("Energy");
    assertThat(object(run, "Account").updated()).isZero();

    SyncRun next = fixture.syncAndWait(org, List.of("Account"), false);
    assertThat(object(next, "Account").updated()).isZero();
    assertThat(object(next, "Account").created()).isZero();
  }
}
