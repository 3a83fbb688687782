package com.scopien.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.agent.FieldNames;
import com.scopien.orgs.Org;
import com.scopien.store.DatabaseTestBase;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The field names chat uses are the mappings an admin set, not the defaults every org starts with
 * (the standard ones such as Amount → "Deal Value", nor the seeded custom ones on Lead).
 */
class MappedFieldNamesTest extends DatabaseTestBase {
  private SyncSettingsService service;
  private FieldNames names;
  private Org org;

  @BeforeEach
  void setUp() {
    FakeSalesforceClient salesforce = new FakeSalesforceClient();
    FakeOrgs orgs = new FakeOrgs(jdbc());
    service = new SyncSettingsService(jdbc(), orgs, Clock.systemUTC());
    names = new MappedFieldNames(service);
    org = orgs.add("Acme", salesforce);
  }

  @Test
  void theDefaultsAreNoAdminsNames() {
    assertThat(service.mappings(org.id())).isNotEmpty();
    assertThat(names.of(org)).isEmpty();
  }

  @Test
  void aMappingAnAdminSetIsANameBothWays() {
    service.unmap(org.id(), "Opportunity", "Amount");
    service.map(org.id(), "Opportunity", "Amount", "Deal Value");
    service.map(org.id(), "Opportunity", "StageName", "Deal Stage");

    assertThat(names.of(org))
        .containsExactlyInAnyOrder(
            new FieldNames.Named("Opportunity", "Amount", "Deal Value"),
            new FieldNames.Named("Opportunity", "StageName", "Deal Stage"));
    assertThat(names.scopienName(org, "opportunity", "amount")).contains("Deal Value");
    assertThat(names.fieldFor(org, "Opportunity", "deal stage")).contains("StageName");
    assertThat(names.fieldFor(org, "Account", "Deal Value")).isEmpty();
  }
}
