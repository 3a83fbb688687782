package com.scopien.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.orgs.Org;
import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.store.DatabaseTestBase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The typed tables' DDL from describe and their writes, on H2 and PostgreSQL. */
class MirrorTablesTest extends DatabaseTestBase {
  private static final ObjectDescribe OPPORTUNITY = MirrorTableSchemaTest.OPPORTUNITY;
  private static final List<String> ALL =
      OPPORTUNITY.fields().stream().map(FieldDescribe::name).toList();

  private MirrorTables tables;
  private MirrorTableWriter writer;
  private Org org;

  @BeforeEach
  void setUp() {
    tables = new MirrorTables(jdbc(), Clock.systemUTC());
    writer = new MirrorTableWriter(jdbc(), tables);
    org = new FakeOrgs(jdbc()).add("Acme", new FakeSalesforceClient());
  }

  private static ObjectPlan plan(List<String> fields) {
    return new ObjectPlan(
        "Opportunity",
        fields,
        true,
        SyncSettings.ConflictPolicy.SALESFORCE_WINS,
        true,
        false,
        OPPORTUNITY);
  }

  /** The table's columns and their SQL types, from the database's own catalogue. */
  private Map<String, String> catalogue(String table) {
    Map<String, String> types = new LinkedHashMap<>();
    jdbc()
        .query(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?"
                + " ORDER BY ordinal_position",
            row ->
                types.put(
                    row.getString(1).toLowerCase(Locale.ROOT),
                    row.getString(2).toLowerCase(Locale.ROOT)),
            table);
    return types;
  }

  @Test
  void theFirstPlanCreatesTheTableTypedFromDescribeWithMappedNames() {
    tables.ensure(org.id(), plan(ALL), Map.of("amount", "Deal Value"));

    MirrorTable table = tables.find(org.id(), "Opportunity").orElseThrow();
    Map<String, String> types = catalogue(table.name());
    assertThat(types.keySet())
        .containsExactly(
            "sf_id",
            "system_modstamp",
            "is_deleted",
            "synced_at",
            "name",
            "deal_value",
            "probability",
            "totalopportunityquantity",
            "closedate",
            "iswon",
            "stagename",
            "accountid",
            "ownerid",
            "score__c");
    assertThat(types.get("deal_value")).startsWith("double");
    assertThat(types.get("totalopportunityquantity")).isEqualTo("bigint");
    assertThat(types.get("closedate")).isEqualTo("date");
    assertThat(types.get("system_modstamp")).startsWith("timestamp").contains("time zone");
    assertThat(types.get("iswon")).isEqualTo("boolean");
    assertThat(types.get("stagename")).contains("char");
    assertThat(table.columns()).allMatch(MirrorTable.Column::complete);
  }

  @Test
  void aNewFieldIsAddedByAlterAndReadsLiveWhileStoredRowsLackIt() {
    tables.ensure(org.id(), plan(List.of("Id", "SystemModstamp", "IsDeleted", "Name")), Map.of());
    MirrorTable before = tables.find(org.id(), "Opportunity").orElseThrow();
    writer.upsert(before, List.of(row("006000000000001AAA", "Deal", Map.of())), Instant.now());

    tables.ensure(
        org.id(), plan(List.of("Id", "SystemModstamp", "IsDeleted", "Name", "Amount")), Map.of());

    MirrorTable after = tables.find(org.id(), "Opportunity").orElseThrow();
    assertThat(catalogue(after.name())).containsKey("amount");
    assertThat(after.column("amount").orElseThrow().complete()).isFalse();
    assertThat(after.column("Name").orElseThrow().complete()).isTrue();
  }

  @Test
  void aFieldAddedBeforeAnyRowIsCompleteAndARenamedMappingRenamesItsColumn() {
    tables.ensure(org.id(), plan(List.of("Id", "SystemModstamp", "Name")), Map.of());
    tables.ensure(org.id(), plan(List.of("Id", "SystemModstamp", "Name", "Amount")), Map.of());
    assertThat(
            tables
                .find(org.id(), "Opportunity")
                .orElseThrow()
                .column("Amount")
                .orElseThrow()
                .complete())
        .isTrue();

    tables.ensure(
        org.id(),
        plan(List.of("Id", "SystemModstamp", "Name", "Amount")),
        Map.of("amount", "Deal Value"));

    MirrorTable table = tables.find(org.id(), "Opportunity").orElseThrow();
    assertThat(table.column("Amount").orElseThrow().name()).isEqualTo("deal_value");
    assertThat(catalogue(table.name())).containsKey("deal_value").doesNotContainKey("amount");
  }

  @Test
  void aFieldNoLongerSyncedKeepsItsColumnButIsNoLongerRead() {
    tables.ensure(org.id(), plan(List.of("Id", "SystemModstamp", "Name", "Amount")), Map.of());
    tables.ensure(org.id(), plan(List.of("Id", "SystemModstamp", "Name")), Map.of());

    MirrorTable table = tables.find(org.id(), "Opportunity").orElseThrow();
    assertThat(catalogue(table.name())).containsKey("amount");
    assertThat(table.column("Amount").orElseThrow().complete()).isFalse();
  }

  @Test
  void upsertsStoreTypedValuesAndReadThemBackAsTheRecordsJsonWould() {
    tables.ensure(org.id(), plan(ALL), Map.of());
    MirrorTable table = tables.find(org.id(), "Opportunity").orElseThrow();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("Name", "Acme Corp Deal");
    values.put("Amount", 75000);
    values.put("Probability", 12.5);
    values.put("TotalOpportunityQuantity", 3);
    values.put("CloseDate", "2026-03-31");
    values.put("IsWon", true);
    values.put("StageName", "Closed Won");
    values.put("AccountId", null);
    writer.upsert(table, List.of(row("006000000000001AAA", "x", values)), Instant.now());
    values.put("Amount", 80000.25);
    writer.upsert(table, List.of(row("006000000000001AAA", "x", values)), Instant.now());

    List<Object> read = new ArrayList<>();
    List<String> fields =
        List.of(
            "Name",
            "Amount",
            "Probability",
            "TotalOpportunityQuantity",
            "CloseDate",
            "IsWon",
            "AccountId");
    String columns =
        String.join(
            ", ",
            fields.stream()
                .map(f -> MirrorTableSchema.q(table.column(f).orElseThrow().name()))
                .toList());
    jdbc()
        .query(
            "SELECT " + columns + " FROM " + MirrorTableSchema.q(table.name()),
            row -> {
              for (int i = 0; i < fields.size(); i++) {
                read.add(table.column(fields.get(i)).orElseThrow().read(row, i + 1));
              }
              return null;
            });
    assertThat(read).containsExactly("Acme Corp Deal", 80000.25, 12.5, 3, "2026-03-31", true, null);
  }

  private static MirrorRow row(String id, String name, Map<String, Object> values) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("Id", id);
    fields.put("Name", name);
    fields.putAll(values);
    return new MirrorRow("Opportunity", id, Instant.parse("2026-03-01T12:00:00Z"), false, fields);
  }
}
