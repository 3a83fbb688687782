package com.scopien.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.salesforce.SObjectRecord;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a full scan reads with Bulk, and how Bulk's CSV text becomes typed values. */
class BulkChoiceTest {

  @Test
  void onlyObjectsAboveTheThresholdAreReadWithBulk() {
    SyncOptions.Bulk bulk = SyncOptions.Bulk.defaults();

    assertThat(bulk.threshold()).isEqualTo(10_000);
    assertThat(bulk.appliesTo(0)).isFalse();
    assertThat(bulk.appliesTo(10_000)).isFalse();
    assertThat(bulk.appliesTo(10_001)).isTrue();
    assertThat(bulk.appliesTo(1_000_000)).isTrue();
    assertThat(bulk.withThreshold(50).appliesTo(51)).isTrue();
  }

  @Test
  void aThresholdOfZeroTurnsBulkOff() {
    SyncOptions.Bulk off = SyncOptions.Bulk.defaults().withThreshold(0);

    assertThat(off.appliesTo(1)).isFalse();
    assertThat(off.appliesTo(5_000_000)).isFalse();
  }

  @Test
  void unusableBulkOptionsAreRefused() {
    SyncOptions.Bulk bulk = SyncOptions.Bulk.defaults();

    assertThatThrownBy(() -> bulk.withThreshold(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bulk.withChunkSize(250_001))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bulk.withRowsPerCommit(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SyncOptions.defaults().bulk()).isEqualTo(bulk);
  }

  @Test
  void csvTextIsTypedByTheDescribeAsRestTypesIt() {
    ObjectDescribe describe =
        new ObjectDescribe(
            "Lead",
            "Lead",
            "Leads",
            "00Q",
            false,
            true,
            true,
            true,
            List.of(
                field("Id", "id"),
                field("IsConverted", "boolean"),
                field("NumberOfEmployees", "int"),
                field("AnnualRevenue", "currency"),
                field("Score__c", "double"),
                field("Company", "string"),
                field("SystemModstamp", "datetime")));
    Map<String, String> row = new LinkedHashMap<>();
    row.put("Id", "00Q000000000001AAA");
    row.put("IsConverted", "false");
    row.put("NumberOfEmployees", "120");
    row.put("AnnualRevenue", "75000.5");
    row.put("Score__c", "not a number");
    row.put("Company", "1234");
    row.put("SystemModstamp", "2026-01-01T00:00:00.000Z");
    row.put("Unknown__c", "7");
    row.put("Title", null);

    SObjectRecord record = new BulkRowDecoder(describe).decode(row);

    assertThat(record.type()).isEqualTo("Lead");
    assertThat(record.fields())
        .containsEntry("IsConverted", false)
        .containsEntry("NumberOfEmployees", 120L)
        .containsEntry("AnnualRevenue", new BigDecimal("75000.5"))
        .containsEntry("Score__c", "not a number")
        .containsEntry("Company", "1234")
        .containsEntry("SystemModstamp", "2026-01-01T00:00:00.000Z")
        .containsEntry("Unknown__c", "7")
        .containsEntry("Title", null);
  }

  private static FieldDescribe field(String name, String type) {
    return new FieldDescribe(
        name, name, type, 0, false, true, true, true, false, false, false, List.of(), List.of(),
        null);
  }
}
