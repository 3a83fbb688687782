package com.scopien.agent;

import static com.scopien.testing.FieldDescribes.reference;
import static com.scopien.testing.FieldDescribes.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.security.FieldSecurity;
import com.scopien.security.Role;
import com.scopien.security.User;
import com.scopien.soql.Soql;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every place a SOQL query can mention a hidden field is refused, naming the field. */
class QueryMentionsTest {
  private static final Map<String, ObjectDescribe> SCHEMA =
      Map.of(
          "Account",
          object("Account", text("Id", false), text("Name", true), text("Industry", true)),
          "Contact",
          object(
              "Contact",
              text("Id", false),
              text("Name", true),
              text("SSN__c", true),
              reference("AccountId", "Account", List.of("Account"))),
          "Lead",
          object("Lead", text("Id", false), text("Name", true)),
          "Task",
          object(
              "Task",
              text("Id", false),
              text("Subject", true),
              reference("WhoId", "Who", List.of("Contact", "Lead"))),
          "Case",
          object(
              "Case",
              text("Id", false),
              reference("ContactId", "Contact", List.of("Contact")),
              reference("AccountId", "Account", List.of("Account"))));

  private final QueryMentions mentions =
      new QueryMentions(FieldSecurity.defaults(), QueryMentionsTest::describe);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE Name = 'Jane Roe'"
            + " AND SSN__c LIKE '916%')",
        "SELECT Id FROM Account WHERE Id NOT IN (SELECT AccountId FROM Contact WHERE SSN__c = 'x')",
        "SELECT Id FROM Account WHERE Name = 'a' OR (NOT Id IN (SELECT AccountId FROM Contact"
            + " WHERE SSN__c > '5'))",
        "SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact ORDER BY SSN__c)",
        "SELECT Id FROM Contact WHERE SSN__c != null",
        "SELECT SSN__c FROM Contact",
        "SELECT Id FROM Contact ORDER BY SSN__c",
        "SELECT SSN__c, COUNT(Id) FROM Contact GROUP BY SSN__c",
        "SELECT MAX(SSN__c) FROM Contact",
        "SELECT Id FROM Case WHERE Contact.SSN__c LIKE '9%'",
        "SELECT Contact.SSN__c FROM Case",
        "SELECT Id FROM Task WHERE Who.SSN__c LIKE '9%'",
        "SELECT c.SSN__c FROM Contact c",
        "SELECT Id FROM Case WHERE ContactId IN (SELECT Id FROM Contact WHERE SSN__c = '1')"
      })
  void aHiddenFieldMentionedAnywhereIsRefusedByName(String soql) {
    for (Role role : List.of(Role.ADMIN, Role.MANAGER, Role.USER)) {
      assertThatThrownBy(() -> check(role, soql))
          .isInstanceOfSatisfying(
              ScopienException.class,
              e -> {
                assertThat(e.code()).isEqualTo("hidden_field");
                assertThat(e.kind()).isEqualTo(ScopienException.Kind.FORBIDDEN);
              })
          .hasMessageContaining("SSN__c")
          .hasMessageNotContaining("916");
    }
    // A Guest may not read Contact, Case or Task at all by default: refused before the field.
    assertThatThrownBy(() -> check(Role.GUEST, soql))
        .isInstanceOfSatisfying(
            ScopienException.class,
            e -> assertThat(e.code()).isIn("hidden_field", "hidden_object"));
  }

  @Test
  void queriesWithoutHiddenFieldsPass() {
    assertThatCode(
            () ->
                check(
                    Role.USER,
                    "SELECT Id, Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact"
                        + " WHERE Name = 'Jane Roe') ORDER BY Name"))
        .doesNotThrowAnyException();
    assertThatCode(() -> check(Role.USER, "SELECT Id, Who.Name FROM Task"))
        .doesNotThrowAnyException();
    assertThatCode(() -> check(Role.USER, "SELECT Id FROM Case WHERE Contact.Account.Name = 'x'"))
        .doesNotThrowAnyException();
  }

  @Test
  void aSemiJoinNamingAnUnknownFieldIsAnInvalidFieldNotASilentPass() {
    assertThatThrownBy(
            () ->
                check(
                    Role.ADMIN,
                    "SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact"
                        + " WHERE Nope__c = 'x')"))
        .isInstanceOf(ScopienException.class)
        .hasMessageContaining("Nope__c");
  }

  private void check(Role role, String soql) {
    var query = Soql.parse(soql);
    mentions.check(new User("u1", "U", "u@x.test", role), describe(query.from()), query);
  }

  private static ObjectDescribe describe(String name) {
    ObjectDescribe d =
        SCHEMA.entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase(name))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
    if (d == null) {
      throw ScopienException.invalid("unknown_object", "no " + name);
    }
    return d;
  }

  private static ObjectDescribe object(String name, FieldDescribe... fields) {
    return new ObjectDescribe(
        name, name, name + "s", "001", false, true, true, true, List.of(fields));
  }
}
