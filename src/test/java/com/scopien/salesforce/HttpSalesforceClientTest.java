package com.scopien.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException.Kind;
import com.scopien.salesforce.ScriptedSalesforceServer.Recorded;
import com.scopien.salesforce.ScriptedSalesforceServer.Reply;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSalesforceClientTest {
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

  private ScriptedSalesforceServer server;
  private HttpSalesforceClient client;
  private final List<ApiUsage> usages = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedSalesforceServer();
    ClientOptions options =
        ClientOptions.defaults()
            .withCallOptionsClient("scopien-sync-7")
            .withUsageListener(usages::add)
            .withClock(Clock.fixed(NOW, ZoneOffset.UTC))
            .withRetryPolicy(RetryPolicy.none());
    client =
        SalesforceClients.create(
            SalesforceClients.newHttpClient(), new RecordingSessionProvider(server.url()), options);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void queryParsesRecordsNestedParentsNullsNumbersAndDatetimes() {
    server.enqueue(
        Reply.json(
            200,
            """
            {"totalSize": 3, "done": false,
             "nextRecordsUrl": "/services/data/v62.0/query/01gRO0000016PIAYA2-2",
             "records": [
               {"attributes": {"type": "Opportunity", "url": "/services/data/v62.0/sobjects/Opportunity/006000000000001AAA"},
                "Id": "006000000000001AAA", "Name": "Acme Corp Deal", "Amount": 75000.0,
                "Probability": 100, "IsWon": true, "Description": null,
                "CloseDate": "2025-02-28", "LastModifiedDate": "2025-02-28T09:15:00.000+0000",
                "Account": {"attributes": {"type": "Account", "url": "/x"}, "Name": "Acme Corporation",
                            "Owner": {"attributes": {"type": "User"}, "Name": "John Doe"}}},
               {"attributes": {"type": "Opportunity"}, "Id": "006000000000002AAA", "Name": "Solo",
                "Amount": 12.5, "Probability": 10, "IsWon": false, "Description": "x",
                "CloseDate": null, "LastModifiedDate": "2025-02-27T01:00:00.000+0000", "Account": null}
             ]}
            """));

    QueryPage page = client.query("SELECT Id, Name FROM Opportunity WHERE Name LIKE 'Acme%'");

    assertThat(page.totalSize()).isEqualTo(3);
    assertThat(page.done()).isFalse();
    assertThat(page.nextRecordsUrl()).isEqualTo("/services/data/v62.0/query/01gRO0000016PIAYA2-2");
    SObjectRecord deal = page.records().get(0);
    assertThat(deal.type()).isEqualTo("Opportunity");
    assertThat(deal.fields()).doesNotContainKey("attributes");
    assertThat(deal.fields().keySet())
        .containsExactly(
            "Id",
            "Name",
            "Amount",
            "Probability",
            "IsWon",
            "Description",
            "CloseDate",
            "LastModifiedDate",
            "Account");
    assertThat(deal.id()).isEqualTo("006000000000001AAA");
    assertThat(deal.get("Amount")).isEqualTo(new BigDecimal("75000.0"));
    assertThat(deal.get("Probability")).isEqualTo(100L);
    assertThat(deal.get("IsWon")).isEqualTo(Boolean.TRUE);
    assertThat(deal.fields()).containsEntry("Description", null);
    assertThat(deal.get("Account.Name")).isEqualTo("Acme Corporation");
    assertThat(deal.get("Account.Owner.Name")).isEqualTo("John Doe");
    assertThat(((SObjectRecord) deal.get("Account")).type()).isEqualTo("Account");
    assertThat(SalesforceTime.parseDateTime((String) deal.get("LastModifiedDate")))
        .isEqualTo(Instant.parse("2025-02-28T09:15:00Z"));
    SObjectRecord solo = page.records().get(1);
    assertThat(solo.fields()).containsEntry("Account", null);
    assertThat(solo.get("Account.Name")).isNull();
    assertThat(solo.get("Amount")).isEqualTo(new BigDecimal("12.5"));

    Recorded sent = server.requests().get(0);
    assertThat(sent.method()).isEqualTo("GET");
    assertThat(sent.path()).isEqualTo("/services/data/v62.0/query");
    assertThat(sent.rawQuery()).doesNotContain("+").startsWith("q=");
    assertThat(URLDecoder.decode(sent.rawQuery().substring(2), StandardCharsets.UTF_8))
        .isEqualTo("SELECT Id, Name FROM Opportunity WHERE Name LIKE 'Acme%'");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer token-0");
    assertThat(sent.header("Sforce-Call-Options")).isNull();
  }

  @Test
  void childSubqueriesAndCompoundFieldsKeepTheirShape() {
    server.enqueue(
        Reply.json(
            200,
            """
            {"totalSize": 1, "done": true, "records": [
              {"attributes": {"type": "Account"}, "Id": "001000000000001AAA",
               "BillingAddress": {"city": "Springfield", "country": "US"},
               "Contacts": {"totalSize": 1, "done": true, "records": [
                  {"attributes": {"type": "Contact"}, "LastName": "Roe"}]}}]}
            """));

    SObjectRecord account = client.query("SELECT Id FROM Account").records().get(0);

    assertThat(account.get("BillingAddress"))
        .isEqualTo(Map.of("city", "Springfield", "country", "US"));
    QueryPage contacts = (QueryPage) account.get("Contacts");
    assertThat(contacts.records()).extracting(r -> r.get("LastName")).containsExactly("Roe");
  }

  @Test
  void countQueryHasNoRecordsButATotal() {
    server.enqueue(Reply.json(200, "{\"totalSize\": 18287, \"done\": true, \"records\": []}"));

    QueryPage page = client.query("SELECT COUNT() FROM Lead");

    assertThat(page.totalSize()).isEqualTo(18287);
    assertThat(page.records()).isEmpty();
    assertThat(page.nextRecordsUrl()).isNull();
  }

  @Test
  void queryAllAndQueryMoreCallTheirResourcesWithTheBatchSize() throws Exception {
    try (ScriptedSalesforceServer other = new ScriptedSalesforceServer()) {
      HttpSalesforceClient batched =
          SalesforceClients.create(
              SalesforceClients.newHttpClient(),
              new RecordingSessionProvider(other.url()),
              ClientOptions.defaults().withQueryBatchSize(500));
      String empty = "{\"totalSize\": 0, \"done\": true, \"records\": []}";
      other.enqueue(Reply.json(200, empty), Reply.json(200, empty));

      batched.queryAll("SELECT Id FROM Lead");
      batched.queryMore("/services/data/v62.0/query/01gRO0000016PIAYA2-500");

      assertThat(other.requests())
          .extracting(Recorded::path)
          .containsExactly(
              "/services/data/v62.0/queryAll", "/services/data/v62.0/query/01gRO0000016PIAYA2-500");
      assertThat(other.requests())
          .extracting(r -> r.header("Sforce-Query-Options"))
          .containsOnly("batchSize=500");
    }
  }

  @Test
  void queryMoreRefusesAnythingButALocatorPath() {
    assertThatThrownBy(
            () -> client.queryMore("https://evil.example.com/services/data/v62.0/query/x-1"))
        .isInstanceOf(SalesforceException.class)
        .extracting(e -> ((SalesforceException) e).kind())
        .isEqualTo(Kind.INVALID_INPUT);
    assertThatThrownBy(() -> client.queryMore("/services/data/v62.0/query/../../../x"))
        .isInstanceOf(SalesforceException.class);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void writesSendCallOptionsAndJsonBodies() {
    server.enqueue(
        Reply.json(201, "{\"id\":\"00Q000000000001AAA\",\"success\":true,\"errors\":[]}"),
        Reply.empty(204),
        Reply.empty(204));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("LastName", "Smith");
    fields.put("Company", "Globex");
    fields.put("Score__c", 42);
    fields.put("Description", null);

    String id = client.create("Lead", fields);
    client.update("Lead", id, Map.of("Score__c", 43));
    client.delete("Lead", id);

    assertThat(id).isEqualTo("00Q000000000001AAA");
    List<Recorded> sent = server.requests();
    assertThat(sent).extracting(Recorded::method).containsExactly("POST", "PATCH", "DELETE");
    assertThat(sent)
        .extracting(Recorded::path)
        .containsExactly(
            "/services/data/v62.0/sobjects/Lead",
            "/services/data/v62.0/sobjects/Lead/00Q000000000001AAA",
            "/services/data/v62.0/sobjects/Lead/00Q000000000001AAA");
    assertThat(sent)
        .extracting(r -> r.header("Sforce-Call-Options"))
        .containsOnly("client=scopien-sync-7");
    assertThat(sent.get(0).body())
        .isEqualTo(
            "{\"LastName\":\"Smith\",\"Company\":\"Globex\",\"Score__c\":42,\"Description\":null}");
    assertThat(sent.get(0).header("Content-Type")).startsWith("application/json");
    assertThat(sent.get(1).body()).isEqualTo("{\"Score__c\":43}");
  }

  @Test
  void retrieveAsksForTheNamedFields() {
    server.enqueue(
        Reply.json(
            200,
            "{\"attributes\":{\"type\":\"Lead\"},\"Id\":\"00Q000000000001AAA\",\"Score__c\":7}"));

    SObjectRecord lead = client.retrieve("Lead", "00Q000000000001AAA", List.of("Id", "Score__c"));

    assertThat(lead.type()).isEqualTo("Lead");
    assertThat(lead.get("Score__c")).isEqualTo(7L);
    assertThat(server.requests().get(0).rawQuery()).isEqualTo("fields=Id%2CScore__c");
  }

  @Test
  void namesThatCouldChangeThePathAreRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> client.retrieve("Lead/../Account", "00Q000000000001AAA", List.of()))
        .hasFieldOrPropertyWithValue("kind", Kind.INVALID_INPUT);
    assertThatThrownBy(() -> client.delete("Lead", "00Q0000?x=1"))
        .hasFieldOrPropertyWithValue("errorCode", "MALFORMED_ID");
    assertThatThrownBy(() -> client.retrieve("Lead", "00Q000000000001AAA", List.of("Id&x=1")))
        .hasFieldOrPropertyWithValue("errorCode", "INVALID_FIELD");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void describeIsCachedUntilRefreshedOrInvalidated() {
    String lead =
        """
        {"name":"Lead","label":"Lead","labelPlural":"Leads","keyPrefix":"00Q","custom":false,
         "queryable":true,"createable":true,"updateable":true,"urls":{},"childRelationships":[],
         "fields":[
          {"name":"Score__c","label":"Score","type":"double","length":0,"custom":true,
           "createable":true,"updateable":true,"nillable":true,"defaultedOnCreate":false,
           "externalId":false,"nameField":false,"picklistValues":[],"referenceTo":[],
           "relationshipName":null,"soapType":"xsd:double"},
          {"name":"Status","label":"Status","type":"picklist","length":40,"custom":false,
           "createable":true,"updateable":true,"nillable":false,"defaultedOnCreate":true,
           "picklistValues":[{"value":"Open","label":"Open","active":true,"defaultValue":true}],
           "referenceTo":[]},
          {"name":"OwnerId","type":"reference","referenceTo":["Group","User"],
           "relationshipName":"Owner"}]}
        """;
    server.enqueue(Reply.json(200, lead), Reply.json(200, lead), Reply.json(200, lead));

    ObjectDescribe first = client.describe("Lead");
    ObjectDescribe again = client.describe("lead");
    client.refreshDescribe("Lead");
    client.invalidateDescribes();
    client.describe("Lead");

    assertThat(again).isSameAs(first);
    assertThat(server.requests()).hasSize(3);
    assertThat(server.requests().get(0).path())
        .isEqualTo("/services/data/v62.0/sobjects/Lead/describe");
    assertThat(first.keyPrefix()).isEqualTo("00Q");
    assertThat(first.field("score__c")).get().extracting(FieldDescribe::custom).isEqualTo(true);
    FieldDescribe status = first.field("Status").orElseThrow();
    assertThat(status.picklistValues())
        .containsExactly(new FieldDescribe.PicklistValue("Open", "Open", true, true));
    FieldDescribe owner = first.field("OwnerId").orElseThrow();
    assertThat(owner.referenceTo()).containsExactly("Group", "User");
    assertThat(owner.relationshipName()).isEqualTo("Owner");
  }

  @Test
  void describeGlobalAndLimitsKeepWhatTheyKnowAndSkipTheRest() {
    server.enqueue(
        Reply.json(
            200,
            """
            {"encoding":"UTF-8","maxBatchSize":200,"sobjects":[
              {"name":"Account","label":"Account","labelPlural":"Accounts","keyPrefix":"001",
               "custom":false,"queryable":true,"createable":true,"updateable":true,
               "replicateable":true,"urls":{"sobject":"/x"}},
              {"name":"Project__c","label":"Project","labelPlural":"Projects","keyPrefix":"a01",
               "custom":true,"queryable":true,"createable":true,"updateable":true,"replicateable":true}]}
            """),
        Reply.json(
            200,
            """
            {"DailyApiRequests":{"Max":100000,"Remaining":99250,"Scopien":{"Max":0,"Remaining":0}},
             "DataStorageMB":{"Max":5,"Remaining":4},"SomethingNew":{"Unexpected":true}}
            """));

    List<GlobalObject> objects = client.describeGlobal();
    OrgLimits limits = client.limits();

    assertThat(objects).extracting(GlobalObject::name).containsExactly("Account", "Project__c");
    assertThat(objects.get(1).custom()).isTrue();
    assertThat(limits.dailyApiRequests()).contains(new OrgLimits.Limit(100000, 99250));
    assertThat(limits.dailyApiRequests().orElseThrow().used()).isEqualTo(750);
    assertThat(limits.values()).containsOnlyKeys("DailyApiRequests", "DataStorageMB");
  }

  @Test
  void everyReplyPublishesTheApiUsageReading() {
    String empty = "{\"totalSize\": 0, \"done\": true, \"records\": []}";
    server.enqueue(
        Reply.json(200, empty).withHeader("Sforce-Limit-Info", "api-usage=18/5000"),
        Reply.json(200, empty)
            .withHeader(
                "Sforce-Limit-Info",
                "api-usage=19/5000, per-app-api-usage=17/250(appName=Scopien)"),
        Reply.error(400, "MALFORMED_QUERY", "unexpected token: FORM")
            .withHeader("Sforce-Limit-Info", "api-usage=20/5000"));

    assertThat(client.lastApiUsage()).isEmpty();
    client.query("SELECT Id FROM Lead");
    client.query("SELECT Id FROM Lead");
    assertThatThrownBy(() -> client.query("SELECT Id FORM Lead"));

    assertThat(usages)
        .containsExactly(
            new ApiUsage(18, 5000, NOW), new ApiUsage(19, 5000, NOW), new ApiUsage(20, 5000, NOW));
    assertThat(client.lastApiUsage()).contains(new ApiUsage(20, 5000, NOW));
  }
}
