package com.scopien.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.scopien.ScopienException;
import com.scopien.orgs.Org;
import com.scopien.store.DatabaseTestBase;
import com.scopien.sync.SyncSettings.ConflictPolicy;
import com.scopien.sync.SyncSettings.Frequency;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncSettingsServiceTest extends DatabaseTestBase {
  private FakeSalesforceClient salesforce;
  private FakeOrgs orgs;
  private SyncSettingsService service;
  private Org org;

  @BeforeEach
  void setUp() {
    salesforce = new FakeSalesforceClient();
    salesforce.addObject("Case", "500", "Subject");
    salesforce.addObject("Project__c", "a01", "Name");
    salesforce.addObject("CustomObject__c", "a03", "Name");
    orgs = new FakeOrgs(jdbc());
    service = new SyncSettingsService(jdbc(), orgs, Clock.systemUTC());
    org = orgs.add("Acme", salesforce);
  }

  @Test
  void aNewOrgStartsWithTheProductDefaults() {
    SyncSettings settings = service.settings(org.id());

    assertThat(settings.frequency()).isEqualTo(Frequency.REAL_TIME);
    assertThat(settings.inbound()).isTrue();
    assertThat(settings.outbound()).isTrue();
    assertThat(settings.conflictPolicy()).isEqualTo(ConflictPolicy.SALESFORCE_WINS);
    assertThat(service.objects(org.id()))
        .extracting(SyncObject::object, SyncObject::selected)
        .containsExactly(
            tuple("Account", true),
            tuple("Campaign", false),
            tuple("Case", true),
            tuple("Contact", true),
            tuple("CustomObject__c", false),
            tuple("Lead", true),
            tuple("Opportunity", true),
            tuple("Project__c", true));
    assertThat(service.mappings(org.id()))
        .extracting(m -> m.object() + "." + m.salesforceField() + " -> " + m.scopienField())
        .containsExactlyInAnyOrder(
            "Account.Name -> Company Name",
            "Account.AnnualRevenue -> Revenue",
            "Opportunity.Amount -> Deal Value",
            "Lead.Company -> Company",
            "Contact.Email -> Email Address",
            "Lead.Custom_Field__c -> Custom Property",
            "Lead.External_ID__c -> External Reference",
            "Lead.Score__c -> Lead Score");
  }

  @Test
  void settingsChangeOnlyWhereTheChangeSays() {
    SyncSettings updated =
        service.update(
            org.id(),
            new SettingsChange(
                Frequency.parse("15 minutes"), null, false, ConflictPolicy.parse("manual")));

    assertThat(updated.frequency()).isEqualTo(Frequency.EVERY_15_MINUTES);
    assertThat(updated.inbound()).isTrue();
    assertThat(updated.outbound()).isFalse();
    assertThat(updated.conflictPolicy()).isEqualTo(ConflictPolicy.MANUAL_REVIEW);
    assertThat(service.settings(org.id())).isEqualTo(updated);
  }

  @Test
  void unknownSettingValuesAreRefusedByName() {
    assertThatThrownBy(() -> Frequency.parse("weekly"))
        .isInstanceOf(ScopienException.class)
        .hasMessageContaining("real-time, 15-minutes, hourly or manual");
    assertThatThrownBy(() -> ConflictPolicy.parse("newest"))
        .hasMessageContaining("salesforce-wins, scopien-wins or manual-review");
  }

  @Test
  void selectionIsStoredWholeOrNotAtAll() {
    Map<String, Boolean> selection = new LinkedHashMap<>();
    selection.put("campaign", true);
    selection.put("Lead", false);
    selection.put("Widget__c", true);

    assertThatThrownBy(() -> service.select(org.id(), selection))
        .isInstanceOf(ScopienException.class)
        .satisfies(e -> assertThat(((ScopienException) e).code()).isEqualTo("unknown_object"))
        .hasMessageContaining("Widget__c");
    assertThat(selected()).containsEntry("Campaign", false).containsEntry("Lead", true);

    selection.remove("Widget__c");
    service.select(org.id(), selection);

    assertThat(selected()).containsEntry("Campaign", true).containsEntry("Lead", false);
  }

  @Test
  void chosenFieldsAndPolicyOverridesAreCheckedAgainstDescribe() {
    assertThatThrownBy(() -> service.chooseFields(org.id(), "Account", List.of("Name", "Nope__c")))
        .hasMessageContaining("Account has no field 'Nope__c'");

    service.chooseFields(org.id(), "account", List.of("name", "Industry"));
    service.setConflictPolicy(org.id(), "Account", ConflictPolicy.SCOPIEN_WINS);

    SyncObject account =
        service.objects(org.id()).stream()
            .filter(o -> o.object().equals("Account"))
            .findFirst()
            .orElseThrow();
    assertThat(account.fields()).containsExactly("Name", "Industry");
    assertThat(account.conflictPolicy()).isEqualTo(ConflictPolicy.SCOPIEN_WINS);
    assertThat(account.selected()).isTrue();
  }

  @Test
  void customMappingsAreCheckedAndUnique() {
    FieldMapping added = service.map(org.id(), "opportunity", "stagename", "Deal Stage");
    assertThat(added)
        .isEqualTo(
            new FieldMapping(
                "Opportunity", "StageName", "Deal Stage", true, FieldMapping.Status.ACTIVE));

    assertThatThrownBy(() -> service.map(org.id(), "Opportunity", "Missing__c", "X"))
        .satisfies(e -> assertThat(((ScopienException) e).code()).isEqualTo("unknown_field"));
    assertThatThrownBy(() -> service.map(org.id(), "Opportunity", "Name", "deal stage"))
        .satisfies(e -> assertThat(((ScopienException) e).code()).isEqualTo("mapping_exists"));
    assertThatThrownBy(() -> service.map(org.id(), "Opportunity", "Amount", "Money"))
        .hasMessageContaining("already mapped to 'Deal Value'");
    assertThatThrownBy(() -> service.map(org.id(), "Opportunity", "Name", "  "))
        .satisfies(
            e -> assertThat(((ScopienException) e).code()).isEqualTo("invalid_scopien_field"));

    service.unmap(org.id(), "Opportunity", "StageName");
    assertThat(service.mappings(org.id())).noneMatch(m -> m.scopienField().equals("Deal Stage"));
    assertThatThrownBy(() -> service.unmap(org.id(), "Opportunity", "StageName"))
        .satisfies(e -> assertThat(((ScopienException) e).code()).isEqualTo("unknown_mapping"));
  }

  @Test
  void anUnknownOrgIsNotFound() {
    assertThatThrownBy(() -> service.settings("nope"))
        .satisfies(
            e -> {
              ScopienException s = (ScopienException) e;
              assertThat(s.kind()).isEqualTo(ScopienException.Kind.NOT_FOUND);
              assertThat(s.code()).isEqualTo("unknown_org");
            });
  }

  private Map<String, Boolean> selected() {
    Map<String, Boolean> map = new LinkedHashMap<>();
    service.objects(org.id()).forEach(o -> map.put(o.object(), o.selected()));
    return map;
  }
}
