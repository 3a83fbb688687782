package com.scopien.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.orgs.Org;
import com.scopien.store.DatabaseTestBase;
import com.scopien.sync.SyncSettings.ConflictPolicy;
import com.scopien.sync.SyncSettings.Frequency;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncConfigServiceTest extends DatabaseTestBase {
  private SyncFixture fixture;
  private SyncConfigService config;
  private Org org;

  @BeforeEach
  void setUp() {
    fixture = new SyncFixture(jdbc());
    config = new SyncConfigService(jdbc(), fixture.orgs, fixture.settings, Clock.systemUTC());
    org = fixture.org(new FakeSalesforceClient());
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void aFileSetsEverythingAndTheExportReadsBackTheSameWhichAppliesAsNoChange() {
    String file =
        """
        {"frequency": "hourly",
         "directions": {"salesforceToScopien": true, "scopienToSalesforce": false},
         "conflictPolicy": "manual-review",
         "objects": {
           "Lead": {"selected": true, "conflictPolicy": "scopien-wins",
                    "fields": ["lastname", "Company"]},
           "Campaign": {"selected": true},
           "Opportunity": {"selected": false}
         },
         "mappings": [
           {"object": "Account", "salesforceField": "Name", "scopienField": "Company Name"},
           {"object": "lead", "salesforceField": "score__c", "scopienField": "Score"}
         ]}
        """;

    SyncConfigService.Applied applied = config.apply(org.id(), file, false);

    assertThat(applied.changes())
        .containsExactly(
            "settings: hourly, Salesforce to Scopien on, Scopien to Salesforce off, manual-review",
            "objects: 3 set",
            "mappings: 2 in place");
    SyncSettings s = fixture.settings.settings(org.id());
    assertThat(s)
        .isEqualTo(
            new SyncSettings(
                org.id(), Frequency.HOURLY, true, false, ConflictPolicy.MANUAL_REVIEW));
    Map<String, SyncObject> objects = objects();
    assertThat(objects.get("Lead").conflictPolicy()).isEqualTo(ConflictPolicy.SCOPIEN_WINS);
    assertThat(objects.get("Lead").fields()).containsExactly("LastName", "Company");
    assertThat(objects.get("Campaign").selected()).isTrue();
    assertThat(objects.get("Opportunity").selected()).isFalse();
    assertThat(objects.get("Account").selected()).as("not named: unchanged").isTrue();
    assertThat(fixture.settings.mappings(org.id()))
        .extracting(m -> m.object() + "." + m.salesforceField() + "=" + m.scopienField())
        .containsExactlyInAnyOrder("Account.Name=Company Name", "Lead.Score__c=Score");

    String exported = config.export(org.id());
    assertThat(exported)
        .contains("\"frequency\" : \"hourly\"", "\"conflictPolicy\" : \"scopien-wins\"");

    SyncConfigService.Applied again = config.apply(org.id(), exported, false);

    assertThat(again.changes()).doesNotContain("settings").hasSize(2);
    assertThat(config.export(org.id())).isEqualTo(exported);
    assertThat(fixture.settings.settings(org.id())).isEqualTo(s);
  }

  @Test
  void theDefaultsExportAndApplyBackUnchanged() {
    String defaults = config.export(org.id());
    List<FieldMapping> before = fixture.settings.mappings(org.id());

    config.apply(org.id(), defaults, false);

    assertThat(config.export(org.id())).isEqualTo(defaults);
    assertThat(fixture.settings.mappings(org.id())).isEqualTo(before);
  }

  @Test
  void aBadFileListsEveryProblemAndChangesNothing() {
    String before = config.export(org.id());
    String file =
        """
        {"frequency": "weekly",
         "directions": {"salesforceToScopien": "yes", "both": true},
         "conflictPolicy": "coin-toss",
         "objects": {
           "Widget__c": {"selected": true},
           "Lead": {"selected": true, "fields": ["LastName", "Nope__c"], "color": "red"},
           "Account": {"conflictPolicy": "scopien-wins"}
         },
         "mappings": [
           {"object": "Account", "salesforceField": "Name", "scopienField": "Company Name"},
           {"object": "Account", "salesforceField": "name", "scopienField": "Other"},
           {"object": "Account", "salesforceField": "Industry", "scopienField": "Company Name"},
           {"object": "Account", "salesforceField": "Gone__c", "scopienField": "!!"}
         ],
         "schedule": "daily"}
        """;

    assertThatThrownBy(() -> config.apply(org.id(), file, false))
        .isInstanceOfSatisfying(
            ValidationProblems.class,
            e -> {
              assertThat(e.code()).isEqualTo("invalid_sync_config");
              assertThat(e.problems())
                  .containsExactly(
                      "schedule: unknown key; the keys here are conflictPolicy, directions,"
                          + " frequency, mappings, objects",
                      "frequency: Frequency 'weekly' is not known; use real-time, 15-minutes,"
                          + " hourly or manual.",
                      "conflictPolicy: Conflict policy 'coin-toss' is not known; use"
                          + " salesforce-wins, scopien-wins or manual-review.",
                      "directions.both: unknown key; the keys here are salesforceToScopien,"
                          + " scopienToSalesforce",
                      "directions.salesforceToScopien: give true or false, not \"yes\"",
                      "objects.Widget__c: the org has no object 'Widget__c' that can be synced",
                      "objects.Lead.color: unknown key; the keys here are conflictPolicy, fields,"
                          + " selected",
                      "objects.Lead.fields: Lead has no field 'Nope__c'",
                      "objects.Account.selected: give true or false",
                      "mappings[1]: Account.Name is already mapped by mappings[0]",
                      "mappings[2]: 'Company Name' already names a field of Account in"
                          + " mappings[0]",
                      "mappings[3].salesforceField: Account has no field 'Gone__c'",
                      "mappings[3].scopienField: give 1 to 80 letters, digits, spaces or . _ -,"
                          + " starting with a letter or digit");
            });
    assertThat(config.export(org.id())).isEqualTo(before);
  }

  @Test
  void aDryRunChecksButChangesNothing() {
    String before = config.export(org.id());

    SyncConfigService.Applied checked = config.apply(org.id(), "{\"frequency\": \"manual\"}", true);

    assertThat(checked.changes()).singleElement().asString().startsWith("settings: manual");
    assertThat(config.export(org.id())).isEqualTo(before);
  }

  private Map<String, SyncObject> objects() {
    Map<String, SyncObject> map = new java.util.HashMap<>();
    fixture.settings.objects(org.id()).forEach(o -> map.put(o.object(), o));
    return map;
  }
}
