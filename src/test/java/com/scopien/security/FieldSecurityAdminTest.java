package com.scopien.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.store.DatabaseTestBase;
import com.scopien.store.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FieldSecurityAdminTest extends DatabaseTestBase {
  private final Clock clock = Clock.systemUTC();

  private static final ObjectDescribe CONTACT =
      new ObjectDescribe(
          "Contact",
          "Contact",
          "Contacts",
          "003",
          false,
          true,
          true,
          true,
          List.of(
              field("Id", "Contact ID"),
              field("LastName", "Last Name"),
              field("Email", "Email"),
              field("SSN__c", "Social Security Number"),
              field("Bank_Account__c", "Bank Account"),
              field("Salary__c", "Salary")));

  @Test
  void anAdminsChoiceReplacesTheDefaultsIsEnforcedInEveryOrgAndAudited() {
    jdbc().update("DELETE FROM field_security");
    jdbc().update("DELETE FROM orgs"); // a rule is enforced alone only when every org has one
    String first = newOrg();
    FieldSecurity security =
        FieldSecurity.defaults().withHiddenFields(HiddenFields.stored(jdbc(), clock));
    AuditLog audit = new AuditLog(jdbc(), FieldSecurity.defaults(), Redactor.standard(), clock);
    FieldSecurityAdmin admin = new FieldSecurityAdmin(security, audit);
    User ada = new UserService(jdbc(), clock).createUser("Ada", "ada-fs@x.test", Role.ADMIN);

    assertThat(hidden(admin.fields(first, CONTACT)))
        .containsExactly("SSN__c", "Bank_Account__c", "Salary__c");
    assertThat(admin.fields(first, CONTACT))
        .filteredOn(FieldSecurityAdmin.Field::suggested)
        .extracting(FieldSecurityAdmin.Field::name)
        .containsExactly("Email", "SSN__c", "Bank_Account__c", "Salary__c");
    assertThat(security.isVisible(Role.ADMIN, "Contact", "Email")).isTrue();

    admin.replace(ada, first, CONTACT, List.of("email", "SSN__c"));

    assertThat(hidden(admin.fields(first, CONTACT))).containsExactly("Email", "SSN__c");
    assertThat(security.isVisible(Role.ADMIN, "Contact", "Email")).isFalse();
    assertThat(security.isVisible(Role.ADMIN, "Contact", "Salary__c")).isTrue();
    assertThat(
            security.strip(Role.MANAGER, "Contact", Map.of("LastName", "Roe", "Email", "j@x.test")))
        .containsOnlyKeys("LastName");
    assertThat(audit.recent(5))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("field_security.update");
              assertThat(e.actorUserId()).isEqualTo(ada.id());
            });

    String second = newOrg();
    HiddenFields rules = security.hiddenFieldRules().orElseThrow();
    rules.invalidate();
    assertThat(security.isVisible(Role.ADMIN, "Contact", "Salary__c"))
        .as("an org without a rule keeps the defaults")
        .isFalse();
    assertThat(hidden(admin.fields(second, CONTACT)))
        .containsExactly("SSN__c", "Bank_Account__c", "Salary__c");
    assertThat(security.isVisible(Role.ADMIN, "Account", "Name")).isTrue();
  }

  @Test
  void unknownFieldsAreAllListedAndChangeNothing() {
    String org = newOrg();
    FieldSecurity security =
        FieldSecurity.defaults().withHiddenFields(HiddenFields.stored(jdbc(), clock));
    AuditLog audit = new AuditLog(jdbc(), FieldSecurity.defaults(), Redactor.standard(), clock);
    FieldSecurityAdmin admin = new FieldSecurityAdmin(security, audit);

    assertThatThrownBy(
            () -> admin.replace(null, org, CONTACT, List.of("Email", "Nope__c", "Id", " ")))
        .isInstanceOfSatisfying(
            ScopienException.class,
            e -> {
              assertThat(e.code()).isEqualTo("invalid_field_security");
              assertThat(e.getMessage()).contains("'Nope__c'", "Id identifies", "empty");
            });
    assertThat(hidden(admin.fields(org, CONTACT)))
        .containsExactly("SSN__c", "Bank_Account__c", "Salary__c");
    assertThat(security.hiddenFieldRules().orElseThrow().rule(org, "Contact")).isEmpty();
  }

  private static List<String> hidden(List<FieldSecurityAdmin.Field> fields) {
    return fields.stream()
        .filter(FieldSecurityAdmin.Field::hidden)
        .map(FieldSecurityAdmin.Field::name)
        .collect(Collectors.toList());
  }

  private String newOrg() {
    String id = Jdbc.newId();
    jdbc()
        .update(
            "INSERT INTO orgs (id, name, name_key, environment, login_url, status, auth_flow,"
                + " client_id, connected_at) VALUES (?, ?, ?, 'PRODUCTION', 'https://x', 'ACTIVE',"
                + " 'CLIENT_CREDENTIALS', 'c', ?)",
            id,
            "Org " + id,
            "org " + id,
            java.sql.Timestamp.from(Instant.now()));
    return id;
  }

  private static FieldDescribe field(String name, String label) {
    return new FieldDescribe(
        name,
        label,
        "string",
        80,
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
}
