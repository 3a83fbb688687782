package com.scopien.sync;

import com.scopien.ScopienException;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.security.AccessPolicy;
import com.scopien.security.AuditLog;
import com.scopien.security.FieldSecurity;
import com.scopien.security.User;
import com.scopien.store.Jdbc;
import java.io.Reader;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * New records from a CSV file: every row is checked against the org's describe before anything is
 * stored, and then all rows are queued at once, or none. Queued rows reach Salesforce through the
 * push path of the object's next sync run (created, or upserted by the mapping's External Id, in
 * sObject Collections of 200), and land in the mirror with their Salesforce Ids.
 *
 * <p>Thread-safe. Calls the org for its describe, so it fails with the client's errors when the org
 * cannot be reached.
 */
public final class RecordImportService {
  private static final int FAILURES_SHOWN = 50;

  /**
   * Rows queued by one import.
   *
   * @param importId names the import in {@link #status(String)} and in the error log
   * @param externalIdField the field rows are upserted by, or null when each row is created
   * @param ignoredColumns CSV columns the mapping does not name
   */
  public record Queued(
      String importId,
      String orgId,
      String orgName,
      String object,
      int rows,
      String externalIdField,
      List<String> ignoredColumns) {
    public Queued {
      ignoredColumns = List.copyOf(ignoredColumns);
    }
  }

  /**
   * Where an import's rows stand: still to push, refused by Salesforce (kept, tried again at every
   * run), and created; with the first refusals as {@code line N: error}.
   */
  public record Status(
      String importId, long pending, long failed, long created, List<String> failures) {
    public Status {
      failures = List.copyOf(failures);
    }
  }

  private final Jdbc jdbc;
  private final OrgDirectory orgs;
  private final SyncSettingsService settings;
  private final AuditLog audit;
  private final FieldSecurity security;
  private final Clock clock;
  private final PendingCreateStore creates;
  private final AccessPolicy access = new AccessPolicy();

  public RecordImportService(
      Jdbc jdbc,
      OrgDirectory orgs,
      SyncSettingsService settings,
      AuditLog audit,
      FieldSecurity security,
      Clock clock) {
    this.jdbc = jdbc;
    this.orgs = orgs;
    this.settings = settings;
    this.audit = audit;
    this.security = security;
    this.clock = clock;
    this.creates = new PendingCreateStore(jdbc, new JsonCodec());
  }

  /**
   * Checks every row of the CSV file and queues them all for the org, or none.
   *
   * @param source what the file is called, for the audit log
   * @throws ValidationProblems {@code invalid_csv}, {@code invalid_mapping} or {@code invalid_rows}
   *     with every problem found; nothing is queued then
   * @throws ScopienException FORBIDDEN {@code forbidden} for a role that cannot write; NOT_FOUND
   *     {@code unknown_org}; INVALID_INPUT {@code missing_object}, {@code unknown_object}, {@code
   *     object_not_createable}, {@code object_not_selected}; CONFLICT {@code outbound_off} when the
   *     org does not push to Salesforce
   */
  public Queued queue(User user, String orgId, ImportMapping mapping, Reader csv, String source) {
    access.requireWrite(user == null ? null : user.role());
    Org org = settings.requireOrg(orgId);
    if (mapping.object() == null || mapping.object().isBlank()) {
      throw ScopienException.invalid(
          "missing_object", "Name the object in the mapping file ('object') or with --object.");
    }
    if (!settings.settings(orgId).outbound()) {
      throw new ScopienException(
          ScopienException.Kind.CONFLICT,
          "outbound_off",
          "Scopien to Salesforce sync is off for '"
              + org.name()
              + "'; turn it on to import records.");
    }
    ObjectDescribe describe = describe(org, mapping.object());
    if (!describe.createable()) {
      throw ScopienException.invalid(
          "object_not_createable", describe.name() + " records cannot be created in this org.");
    }
    if (!settings.isSelected(settings.store().objects(orgId), describe.name())) {
      throw ScopienException.invalid(
          "object_not_selected",
          describe.name()
              + " is not selected for sync in '"
              + org.name()
              + "'; select it first, so that imported rows are pushed and mirrored.");
    }
    CsvTable table = CsvTable.read(csv);
    ImportValidator.Checked checked =
        new ImportValidator(
                describe, mapping, field -> security.isVisible(user.role(), describe.name(), field))
            .check(table);
    String importId = Jdbc.newId();
    jdbc.inTransaction(
        () -> {
          creates.queue(orgId, describe.name(), importId, checked.records(), clock.instant());
          audit.record(
              user,
              "record.import",
              describe.name(),
              importId,
              orgId,
              Map.of(),
              Map.of("source", source == null ? "" : source, "rows", checked.records().size()));
        });
    return new Queued(
        importId,
        orgId,
        org.name(),
        describe.name(),
        checked.records().size(),
        checked.records().isEmpty() ? null : checked.records().get(0).externalIdField(),
        checked.ignoredColumns());
  }

  /** Where the import's rows stand now. */
  public Status status(String importId) {
    Map<PendingCreateStore.Status, Long> counts = creates.counts(importId);
    List<String> failures =
        creates.rows(importId, PendingCreateStore.Status.FAILED, FAILURES_SHOWN).stream()
            .map(r -> r.localKey() + ": " + r.error())
            .toList();
    return new Status(
        importId,
        counts.get(PendingCreateStore.Status.PENDING),
        counts.get(PendingCreateStore.Status.FAILED),
        counts.get(PendingCreateStore.Status.CREATED),
        failures);
  }

  private ObjectDescribe describe(Org org, String object) {
    try {
      return orgs.client(org).describe(object.trim());
    } catch (ScopienException e) {
      if (e.kind() == ScopienException.Kind.NOT_FOUND
          || e.kind() == ScopienException.Kind.INVALID_INPUT) {
        throw ScopienException.invalid("unknown_object", "The org has no object '" + object + "'.");
      }
      throw e;
    }
  }
}
