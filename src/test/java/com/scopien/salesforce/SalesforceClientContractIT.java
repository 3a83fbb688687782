package com.scopien.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException.Kind;
import com.scopien.config.Secret;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/**
 * What {@link HttpSalesforceClient} and {@link OAuthClient} must do against any Salesforce: the
 * local org in-process, and a real org when one is configured. The same assertions on both keep the
 * local org honest and the client tolerant of the real thing.
 *
 * <p>Runners say where to sign in ({@link #target()}); expectations that only hold for the Scopien
 * demo data (exact counts, {@code Score__c}, {@code Project__c}) are skipped elsewhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SalesforceClientContractIT {

  /** Where and how to sign in, and whether the org holds the Scopien demo data. */
  record Target(String loginUrl, String clientId, Secret clientSecret, boolean demoData) {}

  private final List<ApiUsage> usages = new CopyOnWriteArrayList<>();
  private OAuthClient oauth;
  private TokenResponse firstToken;
  private OAuthSessionProvider sessions;
  private HttpSalesforceClient client;
  private Target target;
  private String skipReason;

  /** Starts what is needed and says where to sign in; skip with {@link Assumptions} if nothing. */
  abstract Target target() throws Exception;

  /** Stops what {@link #target()} started. */
  void stopTarget() {}

  @BeforeAll
  void signIn() throws Exception {
    try {
      target = target();
    } catch (TestAbortedException notConfigured) {
      // Reported on every test below, so the skip and its reason show in the test report.
      skipReason = notConfigured.getMessage();
      return;
    }
    oauth = new OAuthClient(SalesforceClients.newHttpClient());
    firstToken =
        oauth.clientCredentials(target.loginUrl(), target.clientId(), target.clientSecret());
    sessions =
        OAuthSessionProvider.clientCredentials(
            oauth,
            target.loginUrl(),
            target.clientId(),
            target.clientSecret(),
            firstToken,
            t -> {});
    client =
        SalesforceClients.create(
            SalesforceClients.newHttpClient(),
            sessions,
            ClientOptions.defaults()
                .withCallOptionsClient("scopien-contract")
                .withUsageListener(usages::add));
  }

  @BeforeEach
  void requireTarget() {
    if (skipReason != null) {
      Assumptions.abort(skipReason);
    }
  }

  @AfterAll
  void tearDown() {
    stopTarget();
  }

  @Test
  void signsInWithClientCredentialsAndKnowsWhoItIs() {
    assertThat(firstToken.accessToken().reveal()).isNotBlank();
    assertThat(firstToken.instanceUrl()).startsWith("http");
    assertThat(firstToken.orgId()).isPresent();

    Identity me = oauth.identity(firstToken.idUrl(), sessions.current().accessToken());

    assertThat(me.orgId()).isEqualTo(firstToken.orgId().orElseThrow());
    assertThat(me.userId()).isEqualTo(firstToken.userId().orElseThrow());
    assertThat(me.username()).isNotBlank();
  }

  @Test
  void pagesThroughEveryLeadWithoutDuplicates() {
    QueryPage page = client.query("SELECT Id, LastName, Company FROM Lead");
    long totalSize = page.totalSize();
    Set<String> ids = new HashSet<>();
    long rows = 0;
    int pages = 1;
    rows += addIds(ids, page);
    while (!page.done()) {
      assertThat(page.nextRecordsUrl()).isNotBlank();
      page = client.queryMore(page.nextRecordsUrl());
      assertThat(page.totalSize()).isEqualTo(totalSize);
      rows += addIds(ids, page);
      pages++;
    }

    assertThat(page.nextRecordsUrl()).isNull();
    assertThat(rows).isEqualTo(totalSize);
    assertThat(ids).hasSize((int) rows);
    expectedLeads().ifPresent(n -> assertThat(totalSize).isEqualTo(n));
    if (totalSize > 2000) {
      assertThat(pages).isGreaterThan(1);
    }
  }

  @Test
  void countQueryReturnsOnlyTheTotal() {
    QueryPage count = client.query("SELECT COUNT() FROM Lead");

    assertThat(count.records()).isEmpty();
    assertThat(count.done()).isTrue();
    expectedLeads().ifPresent(n -> assertThat(count.totalSize()).isEqualTo(n));
    assertThat(count.totalSize()).isPositive();
  }

  @Test
  void createRetrieveUpdateDeleteAndQueryAllSeesTheDeletedRow() {
    String id = client.create("Lead", Map.of("LastName", "Contract-Test", "Company", "Scopien QA"));
    boolean deleted = false;
    try {
      assertThat(id).hasSize(18).startsWith("00Q");

      SObjectRecord created = client.retrieve("Lead", id, List.of("Id", "LastName", "Company"));
      assertThat(created.type()).isEqualTo("Lead");
      assertThat(created.get("LastName")).isEqualTo("Contract-Test");

      client.update("Lead", id, Map.of("Company", "Scopien QA Updated"));
      assertThat(client.retrieve("Lead", id, List.of("Company")).get("Company"))
          .isEqualTo("Scopien QA Updated");

      client.delete("Lead", id);
      deleted = true;
    } finally {
      if (!deleted) {
        client.delete("Lead", id);
      }
    }

    String byId = "SELECT Id, IsDeleted FROM Lead WHERE Id = '" + id + "'";
    assertThat(client.query(byId).records()).isEmpty();
    List<SObjectRecord> all = client.queryAll(byId).records();
    assertThat(all).hasSize(1);
    assertThat(all.get(0).get("IsDeleted")).isEqualTo(Boolean.TRUE);
    assertThatThrownBy(() -> client.retrieve("Lead", id, List.of("Id")))
        .hasFieldOrPropertyWithValue("kind", Kind.NOT_FOUND);
  }

  @Test
  void describeGlobalListsTheObjects() {
    List<String> names = client.describeGlobal().stream().map(GlobalObject::name).toList();

    assertThat(names).contains("Account", "Contact", "Lead", "Opportunity", "Case");
    if (target.demoData()) {
      assertThat(names).contains("Project__c", "Invoice__c");
    }
  }

  @Test
  void describeLeadHasItsFields() {
    ObjectDescribe lead = client.describe("Lead");

    assertThat(lead.name()).isEqualTo("Lead");
    assertThat(lead.keyPrefix()).isEqualTo("00Q");
    assertThat(lead.field("LastName")).isPresent();
    assertThat(client.describe("lead")).isSameAs(lead);
    if (target.demoData()) {
      FieldDescribe score = lead.field("Score__c").orElseThrow();
      assertThat(score.custom()).isTrue();
    }
    assertThatThrownBy(() -> client.describe("No_Such_Object__c"))
        .hasFieldOrPropertyWithValue("kind", Kind.NOT_FOUND);
  }

  @Test
  void limitsAndUsageReadingsAgree() {
    OrgLimits limits = client.limits();

    OrgLimits.Limit daily = limits.dailyApiRequests().orElseThrow();
    assertThat(daily.max()).isPositive();
    assertThat(daily.remaining()).isBetween(0L, daily.max());
    ApiUsage usage = client.lastApiUsage().orElseThrow();
    assertThat(usages).isNotEmpty().last().isEqualTo(usage);
    assertThat(usage.max()).isEqualTo(daily.max());
    assertThat(usage.used()).isPositive().isLessThanOrEqualTo(usage.max());
  }

  @Test
  void unknownFieldsAndObjectsAreInvalidInput() {
    assertThatThrownBy(() -> client.query("SELECT Id, No_Such_Field__c FROM Lead"))
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
              assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
              assertThat(e.httpStatus()).isEqualTo(400);
              assertThat(e.getMessage()).contains("No_Such_Field__c");
            });
    assertThatThrownBy(() -> client.query("SELECT Id FROM No_Such_Object__c"))
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
              assertThat(e.errorCode()).isEqualTo("INVALID_TYPE");
            });
    assertThatThrownBy(() -> client.query("SELECT Id FORM Lead"))
        .hasFieldOrPropertyWithValue("errorCode", "MALFORMED_QUERY");
  }

  @Test
  void aRevokedSessionIsRenewedWithoutTheCallerNoticing() {
    OAuthSessionProvider own =
        OAuthSessionProvider.clientCredentials(
            oauth, target.loginUrl(), target.clientId(), target.clientSecret(), null, t -> {});
    HttpSalesforceClient fresh = SalesforceClients.create(SalesforceClients.newHttpClient(), own);
    Session before = own.current();
    oauth.revoke(target.loginUrl(), before.accessToken());

    QueryPage count = fresh.query("SELECT COUNT() FROM Account");

    assertThat(count.totalSize()).isPositive();
    assertThat(own.current()).isNotEqualTo(before);
  }

  private OptionalLong expectedLeads() {
    return target.demoData() ? OptionalLong.of(18_287) : OptionalLong.empty();
  }

  private static long addIds(Set<String> ids, QueryPage page) {
    page.records().forEach(r -> ids.add(r.id()));
    return page.records().size();
  }
}
