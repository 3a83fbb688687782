package com.scopien.sync;

import com.scopien.agent.FieldNames;
import com.scopien.orgs.Org;
import java.util.List;

/**
 * The assistant's field names from the org's stored field mapping: only the mappings an admin set
 * (through the API or a configuration file), and only active ones (a mapping whose field vanished
 * from the org is skipped). Not the built-in defaults every org starts with: the standard ones are
 * stored as not custom, and the reference's custom ones (three on Lead) are recognised by being
 * exactly a seeded default. Read from the store on every call, so a new mapping shows in the next
 * reply.
 */
public final class MappedFieldNames implements FieldNames {
  private final SyncSettingsService settings;

  public MappedFieldNames(SyncSettingsService settings) {
    this.settings = settings;
  }

  @Override
  public List<Named> of(Org org) {
    return settings.store().mappings(org.id()).stream()
        .filter(FieldMapping::custom)
        .filter(m -> m.status() == FieldMapping.Status.ACTIVE)
        .filter(m -> !seeded(m))
        .map(m -> new Named(m.object(), m.salesforceField(), m.scopienField()))
        .toList();
  }

  private static boolean seeded(FieldMapping m) {
    return SyncDefaults.MAPPINGS.stream()
        .anyMatch(
            d ->
                d.custom()
                    && d.object().equalsIgnoreCase(m.object())
                    && d.salesforceField().equalsIgnoreCase(m.salesforceField())
                    && d.scopienField().equals(m.scopienField()));
  }
}
