package com.scopien.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import com.scopien.store.DatabaseTestBase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditLogTest extends DatabaseTestBase {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  private AuditLog audit;
  private User jane;

  @BeforeEach
  void setUp() {
    audit =
        new AuditLog(
            jdbc(),
            FieldSecurity.defaults(),
            Redactor.standard(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    jane = new User("u-jane", "Jane Roe", "jane.roe@acme.com", Role.USER);
  }

  @Test
  void recordsWhoWhatWhereAndTheValuesBeforeAndAfter() {
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("StageName", "Prospecting");
    before.put("Amount", 50000);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("StageName", "Closed Won");
    after.put("Amount", 75000);
    after.put("CloseDate", LocalDate.of(2025, 6, 30));

    long id =
        audit.record(jane, "record.update", "Opportunity", "006xx0000001", "org-1", before, after);

    AuditLog.Entry entry = audit.recent(1).get(0);
    assertThat(entry.id()).isEqualTo(id);
    assertThat(entry.at()).isEqualTo(NOW);
    assertThat(entry.actorUserId()).isEqualTo("u-jane");
    assertThat(entry.action()).isEqualTo("record.update");
    assertThat(entry.targetType()).isEqualTo("Opportunity");
    assertThat(entry.targetId()).isEqualTo("006xx0000001");
    assertThat(entry.orgId()).isEqualTo("org-1");
    assertThat(entry.before())
        .containsExactly(Map.entry("StageName", "Prospecting"), Map.entry("Amount", 50000));
    assertThat(entry.after())
        .containsEntry("StageName", "Closed Won")
        .containsEntry("CloseDate", "2025-06-30");
  }

  @Test
  void hiddenFieldsAndSecretsNeverReachTheLog() {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("LastName", "Roe");
    after.put("SSN__c", "123-45-6789");
    after.put("Salary__c", 120000);
    after.put("Description", "call with Authorization: Bearer sekret-token please");
    after.put("Nested", Map.of("client_secret", "abc", "Bank_Account__c", "DE89"));

    audit.record(jane, "record.create", "Contact", "003xx1", "org-1", null, after);

    String stored =
        jdbc()
            .queryOne("SELECT detail FROM audit_log ORDER BY id DESC LIMIT 1", r -> r.getString(1))
            .orElseThrow();
    assertThat(stored).doesNotContain("123-45-6789", "120000", "sekret-token", "abc\"", "DE89");
    AuditLog.Entry entry = audit.recent(1).get(0);
    assertThat(entry.before()).isEmpty();
    assertThat(entry.after())
        .containsEntry("LastName", "Roe")
        .containsEntry("SSN__c", Redactor.MASK)
        .containsEntry("Salary__c", Redactor.MASK)
        .containsEntry("Description", "call with Authorization: Bearer [REDACTED] please");
    assertThat(entry.after().get("Nested").toString()).doesNotContain("abc", "DE89");
  }

  @Test
  void recentReturnsNewestFirstAndSystemActionsHaveNoActor() {
    audit.record(null, "sync.start", "org", "org-7", "org-7", null, null);
    audit.record(jane, "sync.stop", "org", "org-7", "org-7", null, null);

    List<AuditLog.Entry> entries = audit.recent(2);

    assertThat(entries)
        .extracting(AuditLog.Entry::action)
        .containsExactly("sync.stop", "sync.start");
    assertThat(entries.get(1).actorUserId()).isNull();
    assertThat(entries.get(1).after()).isEmpty();
  }

  @Test
  void anEntryRollsBackWithTheWriteItDescribes() {
    assertThatThrownBy(
            () ->
                jdbc()
                    .inTransaction(
                        () -> {
                          audit.record(
                              jane, "record.delete", "Lead", "00Qxx9", "org-1", null, null);
                          throw new IllegalStateException("the write failed");
                        }))
        .hasMessage("the write failed");

    assertThat(audit.recent(1000)).noneMatch(e -> "00Qxx9".equals(e.targetId()));
  }

  @Test
  void refusesEntriesWithoutAnActionAndLimitsOutOfRange() {
    assertThatThrownBy(() -> audit.record(jane, " ", "Lead", "x", null, null, null))
        .isInstanceOfSatisfying(
            ScopienException.class, e -> assertThat(e.code()).isEqualTo("invalid_audit_entry"));
    assertThatThrownBy(() -> audit.recent(0)).isInstanceOf(ScopienException.class);
    assertThatThrownBy(() -> audit.recent(1001)).isInstanceOf(ScopienException.class);
  }
}
