package com.scopien.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoqlPrinterTest {

  @Test
  void printsCanonicalText() {
    String text =
        "select id, (select lastname from contacts) , count(Id) n from Account a where not"
            + " (a = 1 or b <> 'x') and c in (1, 2.50, null) and d like 'x\\%%' and e > last_n_days:3"
            + " and f = 2024-01-31T10:00:00.120+02:00 order by id desc nulls first, name limit 5"
            + " offset 3";

    assertThat(Soql.print(Soql.parse(text)))
        .isEqualTo(
            "SELECT id, (SELECT lastname FROM contacts), COUNT(Id) n FROM Account a WHERE NOT"
                + " (a = 1 OR b != 'x') AND c IN (1, 2.50, null) AND d LIKE 'x\\%%' AND e >"
                + " LAST_N_DAYS:3 AND f = 2024-01-31T10:00:00.120+02:00 ORDER BY id DESC NULLS"
                + " FIRST, name LIMIT 5 OFFSET 3");
  }

  @Test
  void printedQueriesParseBackToTheSameTree() {
    List<String> queries =
        List.of(
            "SELECT COUNT() FROM Lead WHERE IsConverted = false",
            "SELECT Id FROM Opportunity WHERE (NOT (NOT A = 1)) AND CloseDate = THIS_QUARTER",
            "SELECT FIELDS(ALL) FROM Account LIMIT 200",
            "SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact) GROUP BY Name",
            "SELECT Id FROM Case WHERE Subject = 'it''s' OR Subject = 'a\\\\b\\nc'");
    for (String q : queries) {
      if (q.contains("''")) {
        assertThatThrownBy(() -> Soql.parse(q)).isInstanceOf(SoqlException.class);
        continue;
      }
      SoqlQuery ast = Soql.parse(q);
      assertThat(Soql.parse(Soql.print(ast))).as(q).isEqualTo(ast);
    }
  }

  @Test
  void quoteEscapesBackslashFirstThenQuoteThenControls() {
    assertThat(Soql.quote("O'Brien \\ x\n\r\t\u0001"))
        .isEqualTo("'O\\'Brien \\\\ x\\n\\r\\t\\u0001'");
    assertThat(Soql.escapeLike("50%_off\\")).isEqualTo("50\\%\\_off\\\\");
    assertThat(Soql.quoteLike(Soql.escapeLike("it's 50%") + "%")).isEqualTo("'it\\'s 50\\%%'");
  }

  @Test
  void builderBuildsQueriesFromStructuredInput() {
    String soql =
        Soql.select("Id", "Name", "Account.Name")
            .from("Opportunity")
            .where(Condition.eq("StageName", "Closed Won"))
            .where(Condition.ge("CloseDate", LocalDate.of(2024, 1, 1)))
            .orderByDesc("Amount")
            .orderBy("Name")
            .limit(50)
            .toSoql();

    assertThat(soql)
        .isEqualTo(
            "SELECT Id, Name, Account.Name FROM Opportunity WHERE StageName = 'Closed Won' AND"
                + " CloseDate >= 2024-01-01 ORDER BY Amount DESC, Name LIMIT 50");
    assertThat(Soql.selectCount().from("Lead").toSoql()).isEqualTo("SELECT COUNT() FROM Lead");
  }

  @Test
  void builderRejectsInjectedNames() {
    assertThatThrownBy(() -> Soql.select("Name = 'x' OR Id != null"))
        .isInstanceOf(SoqlException.class);
    assertThatThrownBy(() -> Condition.eq("Name = 'x' OR Id", "y"))
        .isInstanceOf(SoqlException.class);
    assertThatThrownBy(() -> Soql.select("Id").from("Account WHERE Id != null"))
        .isInstanceOf(SoqlException.class);
    assertThatThrownBy(() -> Soql.select("Id").from("Account").orderBy("Name; DROP"))
        .isInstanceOf(SoqlException.class);
    assertThatThrownBy(() -> Soql.select("Id").from("Account", "WHERE"))
        .isInstanceOf(SoqlException.class);
    assertThatThrownBy(() -> Soql.select("Id").from("Account").limit(-1).build())
        .isInstanceOf(SoqlException.class);
    assertThat(Soql.isValidPath("Owner.Profile.Name")).isTrue();
    assertThat(Soql.isValidPath("Owner..Name")).isFalse();
    assertThat(Soql.isValidPath("1Name")).isFalse();
    assertThat(Soql.isValidPath("Limit")).isFalse();
  }

  @Test
  void hostileValuesSurviveBuilderPrintParseUnchanged() {
    List<String> hostile =
        List.of(
            "x' OR Id != null OR Name = 'y",
            "back\\slash",
            "\\' OR 1=1 --",
            "50% off_now",
            "line\nbreak\r\ttab",
            "\u0000\u001f\u007f",
            "'",
            "\\",
            "ünïcødé 😀");
    for (String value : hostile) {
      SoqlQuery q =
          Soql.select("Id")
              .from("Account")
              .where(
                  Condition.or(
                      Condition.eq("Name", value),
                      Condition.like("Name", Soql.escapeLike(value) + "%"),
                      Condition.in("Name", List.of(value, "other"))))
              .build();
      SoqlQuery back = Soql.parse(Soql.print(q));
      assertThat(back).as(value).isEqualTo(q);
      Condition.Or or = (Condition.Or) back.where();
      assertThat(
              ((Value.StringValue) ((Condition.Comparison) or.conditions().get(0)).value()).value())
          .isEqualTo(value);
    }
  }
}
