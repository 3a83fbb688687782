package com.scopien.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.store.Database;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MirrorTableSchemaTest {

  static FieldDescribe field(String name, String type) {
    return new FieldDescribe(
        name,
        name,
        type,
        255,
        name.endsWith("__c"),
        true,
        true,
        true,
        false,
        false,
        false,
        List.of(),
        List.of(),
        null);
  }

  static final ObjectDescribe OPPORTUNITY =
      new ObjectDescribe(
          "Opportunity",
          "Opportunity",
          "Opportunities",
          "006",
          false,
          true,
          true,
          true,
          List.of(
              field("Id", "id"),
              field("IsDeleted", "boolean"),
              field("SystemModstamp", "datetime"),
              field("Name", "string"),
              field("Amount", "currency"),
              field("Probability", "percent"),
              field("TotalOpportunityQuantity", "int"),
              field("CloseDate", "date"),
              field("IsWon", "boolean"),
              field("StageName", "picklist"),
              field("AccountId", "reference"),
              field("OwnerId", "reference"),
              field("Score__c", "double")));

  @Test
  void theTableIsNamedByAShortOrgKeyAndTheObject() {
    assertThat(MirrorTableSchema.tableName("1DCDDFEB-7180-4cb6-a0a2-8c3b0dc0859e", "Project__c"))
        .isEqualTo("m_1dcddfeb_project__c");
    assertThat(MirrorTableSchema.tableName("00D000000000001", "Lead")).isEqualTo("m_00d00000_lead");
  }

  @Test
  void columnsAreTypedFromDescribeAndNamedByTheMappingInSnakeCase() {
    List<MirrorTable.Column> columns =
        MirrorTableSchema.columns(
            OPPORTUNITY,
            OPPORTUNITY.fields().stream().map(FieldDescribe::name).toList(),
            Map.of("amount", "Deal Value", "accountid", "companyName"));

    assertThat(columns)
        .extracting(MirrorTable.Column::field, MirrorTable.Column::name, MirrorTable.Column::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Id", "sf_id", MirrorTable.Kind.ID),
            org.assertj.core.groups.Tuple.tuple(
                "IsDeleted", "is_deleted", MirrorTable.Kind.BOOLEAN),
            org.assertj.core.groups.Tuple.tuple(
                "SystemModstamp", "system_modstamp", MirrorTable.Kind.DATETIME),
            org.assertj.core.groups.Tuple.tuple("Name", "name", MirrorTable.Kind.TEXT),
            org.assertj.core.groups.Tuple.tuple("Amount", "deal_value", MirrorTable.Kind.NUMBER),
            org.assertj.core.groups.Tuple.tuple(
                "Probability", "probability", MirrorTable.Kind.NUMBER),
            org.assertj.core.groups.Tuple.tuple(
                "TotalOpportunityQuantity", "totalopportunityquantity", MirrorTable.Kind.INTEGER),
            org.assertj.core.groups.Tuple.tuple("CloseDate", "closedate", MirrorTable.Kind.DATE),
            org.assertj.core.groups.Tuple.tuple("IsWon", "iswon", MirrorTable.Kind.BOOLEAN),
            org.assertj.core.groups.Tuple.tuple("StageName", "stagename", MirrorTable.Kind.TEXT),
            org.assertj.core.groups.Tuple.tuple("AccountId", "company_name", MirrorTable.Kind.ID),
            org.assertj.core.groups.Tuple.tuple("OwnerId", "ownerid", MirrorTable.Kind.ID),
            org.assertj.core.groups.Tuple.tuple("Score__c", "score__c", MirrorTable.Kind.NUMBER));
  }

  @Test
  void aMappedNameThatClashesWithAnotherColumnGetsASuffix() {
    List<MirrorTable.Column> columns =
        MirrorTableSchema.columns(
            OPPORTUNITY, List.of("Id", "Name", "StageName"), Map.of("stagename", "name"));

    assertThat(columns)
        .extracting(MirrorTable.Column::name)
        .containsExactly("sf_id", "name", "name_2");
    assertThat(MirrorTableSchema.columnName("Amount", "  2024 Revenue (USD) "))
        .isEqualTo("f_2024_revenue_usd");
    assertThat(MirrorTableSchema.columnName("Amount", "%%")).isEqualTo("amount");
  }

  @Test
  void theDdlQuotesLowerCaseNamesAndSortsTextBytewiseOnPostgres() {
    List<MirrorTable.Column> columns =
        MirrorTableSchema.columns(
            OPPORTUNITY, List.of("Id", "SystemModstamp", "Name", "Amount"), Map.of());

    assertThat(
            MirrorTableSchema.createTable("m_x_opportunity", columns, Database.Vendor.POSTGRESQL))
        .contains("\"sf_id\" VARCHAR(18) COLLATE \"C\" NOT NULL")
        .contains("\"name\" VARCHAR COLLATE \"C\"")
        .contains("\"amount\" DOUBLE PRECISION")
        .contains("PRIMARY KEY (\"sf_id\")");
    assertThat(MirrorTableSchema.createTable("m_x_opportunity", columns, Database.Vendor.H2))
        .contains("\"name\" VARCHAR,")
        .doesNotContain("COLLATE");
  }

  @Test
  void modstampNameOwnerAndLookupsAreIndexed() {
    List<MirrorTable.Column> columns =
        MirrorTableSchema.columns(
            OPPORTUNITY, OPPORTUNITY.fields().stream().map(FieldDescribe::name).toList(), Map.of());

    assertThat(columns.stream().filter(MirrorTableSchema::indexed).map(MirrorTable.Column::name))
        .containsExactlyInAnyOrder("system_modstamp", "name", "accountid", "ownerid");
  }
}
