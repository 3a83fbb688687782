package com.scopien.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FieldSecurityTest {

  private final FieldSecurity defaults = FieldSecurity.defaults();

  @Test
  void defaultHiddenFieldsAreHiddenFromEveryRoleIncludingAdmins() {
    for (Role role : Role.values()) {
      assertThat(defaults.isVisible(role, "Contact", "SSN__c")).isFalse();
      assertThat(defaults.isVisible(role, "Contact", "bank_account__C")).isFalse();
      assertThat(defaults.isVisible(role, "Contact", "Salary__c")).isFalse();
      assertThat(defaults.isVisible(role, "Contact", "Email")).isEqualTo(role != Role.GUEST);
    }
    assertThat(defaults.isVisible(null, "Contact", "Email")).isTrue();
  }

  @Test
  void guestsReadOnlyAccountNamesByDefaultAndNeverAHiddenField() {
    assertThat(defaults.isObjectVisible(Role.GUEST, "Account")).isTrue();
    assertThat(defaults.isObjectVisible(Role.GUEST, "Opportunity")).isFalse();
    assertThat(defaults.isObjectVisible(Role.USER, "Opportunity")).isTrue();
    assertThat(defaults.isObjectVisible(null, "Account")).isFalse();
    assertThat(defaults.isVisible(Role.GUEST, "account", "NAME")).isTrue();
    assertThat(defaults.isVisible(Role.GUEST, "Account", "Id")).isTrue();
    assertThat(defaults.isVisible(Role.GUEST, "Account", "Industry")).isFalse();
    assertThat(defaults.isVisible(Role.GUEST, "Contact", "Account.Name")).isTrue();
    assertThat(defaults.isVisible(Role.GUEST, null, "Name")).isFalse();

    Map<String, Object> account = new LinkedHashMap<>();
    account.put("attributes", Map.of("type", "Account"));
    account.put("Id", "001");
    account.put("Name", "Acme");
    account.put("Industry", "Energy");
    assertThat(defaults.strip(Role.GUEST, "Account", account))
        .containsOnlyKeys("attributes", "Id", "Name");

    FieldSecurity openedSsn =
        defaults.withGuestAccess(GuestAccess.fixed(Map.of("Contact", List.of("Name", "SSN__c"))));
    assertThat(openedSsn.isVisible(Role.GUEST, "Contact", "Name")).isTrue();
    assertThat(openedSsn.isVisible(Role.GUEST, "Contact", "SSN__c")).isFalse();
    assertThat(openedSsn.isObjectVisible(Role.GUEST, "Account")).isFalse();
  }

  @Test
  void relationshipPathsAreJudgedByTheirLastField() {
    assertThat(defaults.isVisible(Role.ADMIN, "Case", "Contact.SSN__c")).isFalse();
    assertThat(defaults.isVisible(Role.ADMIN, "Case", "Contact.Email")).isTrue();
  }

  @Test
  void aThresholdLetsStrongRolesSeeHiddenFields() {
    FieldSecurity policy = new FieldSecurity(List.of("Salary__c"), Optional.of(Role.MANAGER));

    assertThat(policy.isVisible(Role.ADMIN, "Contact", "Salary__c")).isTrue();
    assertThat(policy.isVisible(Role.MANAGER, "Contact", "Salary__c")).isTrue();
    assertThat(policy.isVisible(Role.USER, "Contact", "Salary__c")).isFalse();
    assertThat(policy.isVisible(null, "Contact", "Salary__c")).isFalse();
  }

  @Test
  void objectQualifiedEntriesHideTheFieldOnThatObjectOnly() {
    FieldSecurity policy = new FieldSecurity(List.of("Lead.Score__c"), Optional.empty());

    assertThat(policy.isVisible(Role.USER, "Lead", "Score__c")).isFalse();
    assertThat(policy.isVisible(Role.USER, "lead", "SCORE__C")).isFalse();
    assertThat(policy.isVisible(Role.USER, "Contact", "Score__c")).isTrue();
    assertThat(policy.isVisible(Role.USER, "Case", "Lead.Score__c")).isFalse();
    assertThat(policy.visibleFields(Role.USER, "Lead", List.of("Name", "Score__c", "Company")))
        .containsExactly("Name", "Company");
  }

  @Test
  void stripRemovesHiddenFieldsAlsoFromNestedRecordsAndLeavesTheInputAlone() {
    Map<String, Object> contact = new LinkedHashMap<>();
    contact.put("attributes", Map.of("type", "Contact"));
    contact.put("Name", "Jane Roe");
    contact.put("SSN__c", "123-45-6789");
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("Name", "Acme Corporation");
    account.put("Salary__c", 1);
    account.put("Contacts", Map.of("totalSize", 1, "records", List.of(contact)));
    account.put("Owner", Map.of("Name", "John Doe", "Bank_Account__c", "DE00"));

    Map<String, Object> stripped = defaults.strip(Role.ADMIN, "Account", account);

    assertThat(stripped).containsOnlyKeys("Name", "Contacts", "Owner");
    assertThat(stripped.toString()).doesNotContain("123-45-6789", "DE00");
    assertThat(stripped.toString()).contains("Jane Roe", "John Doe");
    assertThat(account).containsKey("Salary__c");
    assertThat(contact).containsKey("SSN__c");
  }

  @Test
  void maskKeepsTheNameButHidesTheValueForEveryone() {
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("Name", "Jane Roe");
    before.put("Salary__c", 90000);

    assertThat(defaults.mask("Contact", before))
        .containsExactly(Map.entry("Name", "Jane Roe"), Map.entry("Salary__c", Redactor.MASK));
  }
}
