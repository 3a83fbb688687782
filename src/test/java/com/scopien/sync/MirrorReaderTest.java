package com.scopien.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.agent.LocalMirror;
import com.scopien.orgs.Org;
import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.security.Role;
import com.scopien.security.User;
import com.scopien.soql.Soql;
import com.scopien.store.DatabaseTestBase;
import com.scopien.testing.FieldDescribes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MirrorReaderTest extends DatabaseTestBase {
  private static final Duration WINDOW = Duration.ofMinutes(15);
  private static final User ADMIN = new User("u-admin", "Ada", "ada@acme.com", Role.ADMIN);

  private FakeSalesforceClient salesforce;
  private SyncFixture fixture;
  private Org org;
  private final Clock clock = Clock.systemUTC();

  @BeforeEach
  void setUp() {
    salesforce = new FakeSalesforceClient();
    salesforce.addObject("Contact", "003", "LastName", "Email", "SSN__c", "AccountId");
    fixture = new SyncFixture(jdbc(), SyncOptions.defaults().withLookback(Duration.ZERO));
    org = fixture.org(salesforce);
    int[] amounts = {10_000, 75_000, 52_000, 90_000, 51_000, 75_000, 8_000};
    for (int i = 0; i < amounts.length; i++) {
      salesforce.create(
          "Opportunity",
          Map.of(
              "Name",
              "Deal " + i,
              "Amount",
              amounts[i],
              "StageName",
              i % 3 == 0 ? "Prospecting" : "Closed Won"));
    }
    salesforce.create("Contact", Map.of("LastName", "Roe", "SSN__c", "123-45-6789"));
    fixture.syncAndWait(org);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  private MirrorReader reader(Clock at, MirrorFreshness realTime) {
    return new MirrorReader(jdbc(), fixture.settings, WINDOW, realTime, at);
  }

  /**
   * A reader that resolves parent paths: the fake's Contact.AccountId becomes a reference to
   * Account (relationship Account) and Contact.Email a polymorphic one (relationship Who).
   */
  private MirrorReader joining(Clock at, MirrorFreshness realTime) {
    return new MirrorReader(
        jdbc(),
        fixture.settings,
        (o, name) -> withReferences(salesforce.describe(name)),
        WINDOW,
        realTime,
        at);
  }

  private static ObjectDescribe withReferences(ObjectDescribe d) {
    List<FieldDescribe> fields =
        d.fields().stream()
            .map(
                f ->
                    switch (f.name()) {
                      case "AccountId" ->
                          FieldDescribes.reference(f.name(), "Account", List.of("Account"));
                      case "Email" ->
                          FieldDescribes.reference(f.name(), "Who", List.of("Contact", "Lead"));
                      default -> f;
                    })
            .toList();
    return new ObjectDescribe(
        d.name(), d.label(), d.labelPlural(), d.keyPrefix(), d.custom(), true, true, true, fields);
  }

  private Optional<LocalMirror.Answer> joined(String soql) {
    return joining(clock, MirrorFreshness.none()).read(org, Soql.parse(soql));
  }

  private Optional<LocalMirror.Answer> read(String soql) {
    return reader(clock, MirrorFreshness.none()).read(org, Soql.parse(soql));
  }

  @Test
  void answersWhereOrderByLimitAndOffsetLikeSalesforce() {
    LocalMirror.Answer answer =
        read("SELECT Name, Amount FROM Opportunity WHERE StageName = 'closed won'"
                + " AND Amount > 50000 ORDER BY Amount DESC, Name LIMIT 2 OFFSET 1")
            .orElseThrow();

    // Closed Won over 50k: Deal 1 (75k), Deal 2 (52k), Deal 4 (51k), Deal 5 (75k); Deal 3 is
    // Prospecting. By amount then name: Deal 1, Deal 5, Deal 2, Deal 4.
    assertThat(answer.matched()).isEqualTo(4);
    assertThat(answer.rows()).extracting(r -> r.get("Name")).containsExactly("Deal 5", "Deal 2");
    assertThat(answer.rows().get(0)).containsOnlyKeys("Name", "Amount");
    assertThat(answer.asOf()).isBetween(Instant.now().minus(WINDOW), Instant.now());
  }

  @Test
  void withoutOrderByTheFirstRowsInIdOrderAndTheTotal() {
    LocalMirror.Answer answer = read("SELECT Id, Name FROM Opportunity LIMIT 3").orElseThrow();

    assertThat(answer.matched()).isEqualTo(7);
    assertThat(answer.rows())
        .extracting(r -> r.get("Name"))
        .containsExactly("Deal 0", "Deal 1", "Deal 2");
  }

  @Test
  void countsWithCount() {
    LocalMirror.Answer answer =
        read("SELECT COUNT() FROM Opportunity WHERE StageName IN ('Prospecting')").orElseThrow();

    assertThat(answer.matched()).isEqualTo(3);
    assertThat(answer.rows()).isEmpty();
  }

  @Test
  void deletedRecordsNeverShowAndScopienSideChangesDo() {
    String gone = salesforce.create("Opportunity", Map.of("Name", "Gone", "Amount", 1));
    fixture.syncAndWait(org);
    salesforce.delete("Opportunity", gone);
    fixture.syncAndWait(org);
    String deal0 =
        read("SELECT Id FROM Opportunity WHERE Name = 'Deal 0'")
            .orElseThrow()
            .rows()
            .get(0)
            .get("Id")
            .toString();
    fixture.changes.change(ADMIN, org.id(), "Opportunity", deal0, Map.of("Amount", 12_345));

    assertThat(read("SELECT Id FROM Opportunity WHERE Name = 'Gone'").orElseThrow().matched())
        .isZero();
    assertThat(read("SELECT Name FROM Opportunity WHERE Amount = 12345").orElseThrow().rows())
        .extracting(r -> r.get("Name"))
        .containsExactly("Deal 0");
  }

  @Test
  void staleObjectsGoLiveUnlessARealTimeSourceVouchesForThem() {
    Clock later = Clock.fixed(Instant.now().plus(WINDOW).plusSeconds(60), java.time.ZoneOffset.UTC);
    String soql = "SELECT Name FROM Opportunity";

    assertThat(reader(later, MirrorFreshness.none()).read(org, Soql.parse(soql))).isEmpty();
    Optional<LocalMirror.Answer> streamed =
        reader(later, (orgId, object) -> Optional.of(later.instant().minusSeconds(5)))
            .read(org, Soql.parse(soql));
    assertThat(streamed).isPresent();
    assertThat(streamed.get().asOf()).isEqualTo(later.instant().minusSeconds(5));
  }

  @Test
  void whatTheMirrorCannotAnswerExactlyGoesLive() {
    // Not selected, so never synced.
    assertThat(read("SELECT Name FROM Campaign")).isEmpty();
    // A relationship path, an aggregate, a semi-join, FIELDS(): not evaluated on the mirror.
    assertThat(read("SELECT Account.Name FROM Opportunity")).isEmpty();
    assertThat(read("SELECT SUM(Amount) FROM Opportunity")).isEmpty();
    assertThat(read("SELECT Name FROM Opportunity WHERE Id IN (SELECT Id FROM Opportunity)"))
        .isEmpty();
    assertThat(read("SELECT FIELDS(STANDARD) FROM Opportunity")).isEmpty();
    // A field that is not synced (hidden fields never are).
    assertThat(read("SELECT SSN__c FROM Contact")).isEmpty();
    assertThat(read("SELECT LastName FROM Contact")).isPresent();
  }

  @Test
  void aZeroWindowTurnsMirrorReadsOff() {
    MirrorReader off =
        new MirrorReader(jdbc(), fixture.settings, Duration.ZERO, MirrorFreshness.none(), clock);

    assertThat(off.read(org, Soql.parse("SELECT Name FROM Opportunity"))).isEmpty();
  }

  @Test
  void freshOnlyWhenSelectedPastTheInitialSyncAndWithinTheWindow() {
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    Cursor caughtUp =
        new Cursor(
            "Account", Cursor.Phase.INCREMENTAL, null, false, null, null, now.minusSeconds(120));
    Cursor scanning =
        new Cursor(
            "Account", Cursor.Phase.INITIAL, "scan", false, null, null, now.minusSeconds(60));

    assertThat(MirrorReader.freshAsOf(true, caughtUp, Optional.empty(), now, WINDOW))
        .contains(now.minusSeconds(120));
    assertThat(MirrorReader.freshAsOf(false, caughtUp, Optional.empty(), now, WINDOW)).isEmpty();
    assertThat(MirrorReader.freshAsOf(true, scanning, Optional.of(now), now, WINDOW)).isEmpty();
    assertThat(MirrorReader.freshAsOf(true, null, Optional.of(now), now, WINDOW)).isEmpty();
    assertThat(MirrorReader.freshAsOf(true, caughtUp, Optional.empty(), now.plus(WINDOW), WINDOW))
        .isEmpty();
    assertThat(
            MirrorReader.freshAsOf(
                true, caughtUp, Optional.of(now.plusSeconds(3)), now.plus(WINDOW), WINDOW))
        .contains(now.plusSeconds(3));
  }

  @Test
  void readsOnlyTheQueriedOrgsRows() {
    Org other = fixture.org(new FakeSalesforceClient());

    assertThat(
            reader(clock, MirrorFreshness.none())
                .read(other, Soql.parse("SELECT Name FROM Opportunity")))
        .isEmpty();
    assertThat(List.of(read("SELECT COUNT() FROM Opportunity").orElseThrow().matched()))
        .containsExactly(7L);
  }

  @Test
  void aParentPathReadsTheParentFromTheMirrorNestedAsSalesforceShapesIt() {
    String acme = salesforce.create("Account", Map.of("Name", "Acme Corp", "Industry", "Retail"));
    salesforce.create(
        "Contact", Map.of("LastName", "Doe", "Email", "doe@acme.com", "AccountId", acme));
    fixture.syncAndWait(org);

    LocalMirror.Answer answer =
        joined(
                "SELECT Id, LastName, account.Name, Account.Industry FROM Contact"
                    + " WHERE LastName = 'Doe'")
            .orElseThrow();

    Map<String, Object> doe = answer.rows().get(0);
    // Salesforce shape: the relationship in the place of its first field, the reference field
    // only when selected.
    assertThat(doe.keySet()).containsExactly("Id", "LastName", "account");
    SObjectRecord account = (SObjectRecord) doe.get("account");
    assertThat(account.type()).isEqualTo("Account");
    assertThat(account.fields())
        .containsExactly(Map.entry("Name", "Acme Corp"), Map.entry("Industry", "Retail"));
    assertThat(new SObjectRecord("Contact", doe).get("account.Name")).isEqualTo("Acme Corp");
  }

  @Test
  void anEmptyReferenceReadsAsANullParent() {
    LocalMirror.Answer answer =
        joined("SELECT LastName, AccountId, Account.Name FROM Contact").orElseThrow();

    assertThat(answer.rows()).hasSize(1);
    Map<String, Object> roe = answer.rows().get(0);
    assertThat(roe.keySet()).containsExactly("LastName", "AccountId", "Account");
    assertThat(roe.get("LastName")).isEqualTo("Roe");
    assertThat(roe.get("AccountId")).isNull();
    assertThat(roe.get("Account")).isNull();
  }

  @Test
  void aParentMissingOrDeletedInTheMirrorSendsTheWholeAnswerLive() {
    String gone = salesforce.create("Account", Map.of("Name", "Gone Inc"));
    salesforce.create("Contact", Map.of("LastName", "Orphan", "AccountId", gone));
    salesforce.create("Contact", Map.of("LastName", "Stray", "AccountId", "001000000000000XYZ"));
    fixture.syncAndWait(org);
    salesforce.delete("Account", gone);
    fixture.syncAndWait(org);

    assertThat(joined("SELECT LastName, Account.Name FROM Contact WHERE LastName = 'Orphan'"))
        .isEmpty();
    assertThat(joined("SELECT LastName, Account.Name FROM Contact WHERE LastName = 'Stray'"))
        .isEmpty();
    assertThat(joined("SELECT LastName, Account.Name FROM Contact WHERE LastName = 'Roe'"))
        .isPresent();
  }

  @Test
  void parentPathsOutsideSelectOrNotExactGoLive() {
    assertThat(joined("SELECT LastName FROM Contact WHERE Account.Name = 'Acme'")).isEmpty();
    assertThat(joined("SELECT LastName FROM Contact ORDER BY Account.Name")).isEmpty();
    assertThat(joined("SELECT Account.Owner.Name FROM Contact")).isEmpty();
    // Polymorphic, unknown relationship, parent object not synced, reader without describes.
    assertThat(joined("SELECT Who.Name FROM Contact")).isEmpty();
    assertThat(joined("SELECT Nobody.Name FROM Contact")).isEmpty();
    assertThat(read("SELECT Account.Name FROM Contact")).isEmpty();
    assertThat(joined("SELECT LastName, Account.Name FROM Contact")).isPresent();
  }

  @Test
  void theParentObjectMustBeFreshTooAndTheAnswerIsAsOfTheOlderOfTheTwo() {
    Clock later = Clock.fixed(Instant.now().plus(WINDOW).plusSeconds(60), java.time.ZoneOffset.UTC);
    Instant contacts = later.instant().minusSeconds(5);
    Instant accounts = later.instant().minusSeconds(30);
    String soql = "SELECT LastName, Account.Name FROM Contact";

    MirrorFreshness contactsOnly =
        (orgId, object) -> object.equals("Contact") ? Optional.of(contacts) : Optional.empty();
    assertThat(joining(later, contactsOnly).read(org, Soql.parse(soql))).isEmpty();
    assertThat(joining(later, contactsOnly).read(org, Soql.parse("SELECT LastName FROM Contact")))
        .isPresent();
    MirrorFreshness both =
        (orgId, object) -> Optional.of(object.equals("Contact") ? contacts : accounts);
    assertThat(joining(later, both).read(org, Soql.parse(soql)).orElseThrow().asOf())
        .isEqualTo(accounts);
  }
}
