package com.scopien.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import com.scopien.soql.Condition.Operator;
import com.scopien.soql.SelectItem.AggregateFunction;
import com.scopien.soql.SelectItem.FieldsKind;
import com.scopien.soql.Value.DateLiteral;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoqlParserTest {

  @Test
  void parsesTheFullSkeletonAndKeepsNamesAsWritten() {
    SoqlQuery q =
        Soql.parse(
            "select Id, account.Name, Owner.Profile.Name, Parent__r.Name from Contact c "
                + "where Name = 'x' group by Name order by Name desc nulls last, Id limit 10 offset 5");

    assertThat(q.select())
        .containsExactly(
            new SelectItem.Field("Id"),
            new SelectItem.Field("account.Name"),
            new SelectItem.Field("Owner.Profile.Name"),
            new SelectItem.Field("Parent__r.Name"));
    assertThat(q.from()).isEqualTo("Contact");
    assertThat(q.alias()).isEqualTo("c");
    assertThat(q.where()).isEqualTo(Condition.eq("Name", "x"));
    assertThat(q.groupBy()).containsExactly("Name");
    assertThat(q.orderBy())
        .containsExactly(new OrderItem("Name", true, OrderItem.Nulls.LAST), OrderItem.asc("Id"));
    assertThat(q.limit()).isEqualTo(10);
    assertThat(q.offset()).isEqualTo(5);
  }

  @Test
  void parsesFieldsFunctionsAndAggregates() {
    assertThat(Soql.parse("SELECT FIELDS(standard) FROM Account").select())
        .containsExactly(new SelectItem.FieldsFunction(FieldsKind.STANDARD));
    assertThat(Soql.parse("SELECT FIELDS(ALL) FROM Account LIMIT 200").select())
        .containsExactly(new SelectItem.FieldsFunction(FieldsKind.ALL));
    assertThat(Soql.parse("SELECT Id, FIELDS(CUSTOM) FROM Account LIMIT 1").select()).hasSize(2);

    SoqlQuery count = Soql.parse("SELECT COUNT() FROM Account");
    assertThat(count.isCount()).isTrue();
    assertThat(count.isAggregate()).isTrue();

    SoqlQuery grouped =
        Soql.parse(
            "SELECT StageName, COUNT(Id) c, SUM(Amount) FROM Opportunity GROUP BY StageName");
    assertThat(grouped.isCount()).isFalse();
    assertThat(grouped.isAggregate()).isTrue();
    assertThat(grouped.groupByField()).isEqualTo("StageName");
    assertThat(grouped.select())
        .containsExactly(
            new SelectItem.Field("StageName"),
            new SelectItem.Aggregate(AggregateFunction.COUNT, "Id", "c"),
            new SelectItem.Aggregate(AggregateFunction.SUM, "Amount", null));
    assertThat(Soql.parse("SELECT Id FROM Account").isAggregate()).isFalse();
  }

  @Test
  void listsTheFieldPathsAQueryReadsForSchemaChecks() {
    SoqlQuery q =
        Soql.parse(
            "SELECT Name, COUNT(Id), (SELECT LastName FROM Contacts) FROM Account WHERE (Industry"
                + " = 'x' OR NOT Owner.Name LIKE 'a%') AND Id IN (SELECT AccountId FROM Contact)"
                + " AND Tags__c INCLUDES ('a') AND Type IN ('b') GROUP BY Name, Industry"
                + " ORDER BY Rating");

    assertThat(q.fieldPaths())
        .containsExactly("Name", "Id", "Industry", "Owner.Name", "Tags__c", "Type", "Rating");
    assertThat(Soql.parse("SELECT COUNT() FROM Account").fieldPaths()).isEmpty();
  }

  @Test
  void parsesAChildSubquery() {
    SoqlQuery q =
        Soql.parse(
            "SELECT Name, (SELECT LastName FROM Contacts WHERE LastName != null ORDER BY LastName"
                + " LIMIT 5) FROM Account");

    assertThat(q.subqueries()).hasSize(1);
    SoqlQuery sub = q.subqueries().get(0);
    assertThat(sub.from()).isEqualTo("Contacts");
    assertThat(sub.where()).isEqualTo(Condition.isNotNull("LastName"));
    assertThat(sub.limit()).isEqualTo(5);
  }

  @Test
  void parsesEveryOperator() {
    assertThat(where("A = 1")).isEqualTo(cmp("A", Operator.EQ, num("1")));
    assertThat(where("A != 1")).isEqualTo(cmp("A", Operator.NE, num("1")));
    assertThat(where("A <> 1")).isEqualTo(cmp("A", Operator.NE, num("1")));
    assertThat(where("A < -1.5")).isEqualTo(cmp("A", Operator.LT, num("-1.5")));
    assertThat(where("A <= 2")).isEqualTo(cmp("A", Operator.LE, num("2")));
    assertThat(where("A > 2")).isEqualTo(cmp("A", Operator.GT, num("2")));
    assertThat(where("A >= 2")).isEqualTo(cmp("A", Operator.GE, num("2")));
    assertThat(where("Name like 'Ac%'")).isEqualTo(Condition.like("Name", "Ac%"));
    assertThat(where("Name IN ('a', 'b')")).isEqualTo(Condition.in("Name", List.of("a", "b")));
    assertThat(where("Name not in ('a')")).isEqualTo(Condition.notIn("Name", List.of("a")));
    assertThat(where("Tags__c INCLUDES ('a;b', 'c')"))
        .isEqualTo(
            new Condition.Includes(
                "Tags__c",
                false,
                List.of(new Value.StringValue("a;b"), new Value.StringValue("c"))));
    assertThat(where("Tags__c excludes ('a')"))
        .isEqualTo(new Condition.Includes("Tags__c", true, List.of(new Value.StringValue("a"))));
    assertThat(where("Id IN (SELECT AccountId FROM Contact WHERE Email != null)"))
        .isInstanceOf(Condition.SemiJoin.class);
  }

  @Test
  void parsesLogicalOperatorsWithNotBindingToTheNextCondition() {
    assertThat(where("A = 1 AND B = 2 AND C = 3"))
        .isEqualTo(Condition.and(Condition.eq("A", 1), Condition.eq("B", 2), Condition.eq("C", 3)));
    assertThat(where("(A = 1 OR B = 2) AND NOT C = 3"))
        .isEqualTo(
            Condition.and(
                Condition.or(Condition.eq("A", 1), Condition.eq("B", 2)),
                Condition.not(Condition.eq("C", 3))));
    assertThat(where("NOT (A = 1 OR B = 2)"))
        .isEqualTo(Condition.not(Condition.or(Condition.eq("A", 1), Condition.eq("B", 2))));
    assertThat(where("((A = 1))")).isEqualTo(Condition.eq("A", 1));
  }

  @Test
  void rejectsAndMixedWithOrWithoutParentheses() {
    assertThatThrownBy(() -> Soql.parse("SELECT Id FROM A WHERE A = 1 AND B = 2 OR C = 3"))
        .isInstanceOf(SoqlException.class)
        .hasMessageContaining("unexpected token: 'OR'");
  }

  @Test
  void parsesLiterals() {
    assertThat(value("null")).isEqualTo(Value.NullValue.INSTANCE);
    assertThat(value("TRUE")).isEqualTo(new Value.BooleanValue(true));
    assertThat(value("false")).isEqualTo(new Value.BooleanValue(false));
    assertThat(value("-42")).isEqualTo(num("-42"));
    assertThat(value("3.14")).isEqualTo(num("3.14"));
    assertThat(value("2024-01-31")).isEqualTo(new Value.DateValue(LocalDate.of(2024, 1, 31)));
    assertThat(value("2024-01-31T10:00:00Z"))
        .isEqualTo(
            new Value.DateTimeValue(OffsetDateTime.of(2024, 1, 31, 10, 0, 0, 0, ZoneOffset.UTC)));
    assertThat(value("2024-01-31T10:00:00.123Z"))
        .isEqualTo(
            new Value.DateTimeValue(
                OffsetDateTime.of(2024, 1, 31, 10, 0, 0, 123_000_000, ZoneOffset.UTC)));
    assertThat(value("2024-01-31T10:00:00+01:00"))
        .isEqualTo(
            new Value.DateTimeValue(
                OffsetDateTime.of(2024, 1, 31, 10, 0, 0, 0, ZoneOffset.ofHours(1))));
    assertThat(value("2024-01-31T10:00:00-05:30"))
        .isEqualTo(
            new Value.DateTimeValue(
                OffsetDateTime.of(2024, 1, 31, 10, 0, 0, 0, ZoneOffset.ofHoursMinutes(-5, -30))));
  }

  @Test
  void parsesEveryDateLiteral() {
    for (DateLiteral.Kind kind : DateLiteral.Kind.values()) {
      String text = kind.parameterised() ? kind.name().toLowerCase() + ":7" : kind.name();
      DateLiteral expected =
          kind.parameterised() ? new DateLiteral(kind, 7) : new DateLiteral(kind);
      assertThat(value(text)).as(text).isEqualTo(expected);
    }
  }

  @Test
  void rejectsDateLiteralsWithTheWrongArity() {
    assertThatThrownBy(() -> value("LAST_N_DAYS")).isInstanceOf(SoqlException.class);
    assertThatThrownBy(() -> value("LAST_N_DAYS:-1")).isInstanceOf(SoqlException.class);
    assertThatThrownBy(() -> value("TODAY:3")).isInstanceOf(SoqlException.class);
  }

  @Test
  void decodesStringEscapes() {
    assertThat(value("'a\\nb\\rc\\td\\be\\ff\\\"g\\'h\\\\i\\u00e9\\N'"))
        .isEqualTo(new Value.StringValue("a\nb\rc\td\be\ff\"g'h\\i\u00e9\n"));
    assertThat(where("Name LIKE 'a\\_b\\%c\\\\%'"))
        .isEqualTo(Condition.like("Name", "a\\_b\\%c\\\\%"));
  }

  @Test
  void rejectsBackslashesThatEscapeNothingKnown() {
    assertThatThrownBy(() -> value("'a\\qb'"))
        .isInstanceOf(SoqlException.class)
        .hasMessageContaining("Illegal character sequence '\\q'");
    assertThatThrownBy(() -> value("'50\\%'"))
        .isInstanceOf(SoqlException.class)
        .hasMessageContaining("'\\%'");
    assertThatThrownBy(() -> value("'\\u12'")).isInstanceOf(SoqlException.class);
  }

  @Test
  void keywordsAreCaseInsensitive() {
    assertThat(Soql.parse("SeLeCt Id FrOm Account WhErE Name = 'a' OrDeR bY Name LiMiT 1"))
        .isEqualTo(Soql.parse("SELECT Id FROM Account WHERE Name = 'a' ORDER BY Name LIMIT 1"));
  }

  @Test
  void acceptsObjectsNamedLikeKeywordsAndPathsThroughThem() {
    assertThat(Soql.parse("SELECT Id FROM Order").from()).isEqualTo("Order");
    assertThat(Soql.parse("SELECT Order.OrderNumber FROM OrderItem WHERE NOT Order.Id = null"))
        .isNotNull();
  }

  @Test
  void reportsUnexpectedTokensWithRowAndColumn() {
    assertThatThrownBy(() -> Soql.parse("SELECT Id FORM Account"))
        .isInstanceOfSatisfying(
            SoqlException.class,
            e -> {
              assertThat(e.row()).isEqualTo(1);
              assertThat(e.column()).isEqualTo(11);
              assertThat(e.reason()).isEqualTo("unexpected token: 'FORM'");
              assertThat(e.getMessage())
                  .isEqualTo("ERROR at Row:1:Column:11\nunexpected token: 'FORM'");
              assertThat(e.kind()).isEqualTo(ScopienException.Kind.INVALID_INPUT);
              assertThat(e.code()).isEqualTo("malformed_query");
              assertThat(e.salesforceErrorCode()).isEqualTo("MALFORMED_QUERY");
            });
    assertThatThrownBy(() -> Soql.parse("SELECT Id\nFROM Account\n  WHERE Name = = 'x'"))
        .isInstanceOfSatisfying(
            SoqlException.class,
            e -> {
              assertThat(e.row()).isEqualTo(3);
              assertThat(e.column()).isEqualTo(16);
            });
    assertThatThrownBy(() -> Soql.parse("SELECT Id FROM"))
        .hasMessageContaining("unexpected token: '<EOF>'");
    assertThatThrownBy(() -> Soql.parse("SELECT Id FROM Account WHERE Name = 'abc"))
        .hasMessageContaining("unterminated");
    assertThatThrownBy(() -> Soql.parse("SELECT Id FROM Account WHERE Name # 1"))
        .hasMessageContaining("'#'");
  }

  @Test
  void enforcesOffsetAndLimitRules() {
    assertThat(Soql.parse("SELECT Id FROM A ORDER BY Id OFFSET 2000").offset()).isEqualTo(2000);
    assertThatThrownBy(() -> Soql.parse("SELECT Id FROM A OFFSET 2001"))
        .isInstanceOfSatisfying(
            SoqlException.class,
            e -> {
              assertThat(e.salesforceErrorCode()).isEqualTo("NUMBER_OUTSIDE_VALID_RANGE");
              assertThat(e.column()).isEqualTo(25);
            });
    assertThatThrownBy(() -> Soql.parse("SELECT Id FROM A LIMIT -1"))
        .hasMessageContaining("non-negative integer");
    assertThatThrownBy(() -> Soql.parse("SELECT Id FROM A LIMIT 1.5"))
        .hasMessageContaining("non-negative integer");
    assertThatThrownBy(() -> Soql.parse("SELECT Id FROM A LIMIT 99999999999"))
        .isInstanceOf(SoqlException.class);
  }

  @Test
  void rejectsUnboundedFieldsAllAndCustom() {
    String message =
        "The SOQL FIELDS function is not supported with an unbounded set of fields in this API.";
    assertThatThrownBy(() -> Soql.parse("SELECT FIELDS(ALL) FROM Account"))
        .isInstanceOf(SoqlException.class)
        .hasMessageContaining(message);
    assertThatThrownBy(() -> Soql.parse("SELECT FIELDS(CUSTOM) FROM Account LIMIT 201"))
        .hasMessageContaining(message);
    assertThat(Soql.parse("SELECT FIELDS(STANDARD) FROM Account").limit()).isNull();
  }

  @Test
  void rejectsMisplacedCountAndNestedSubqueries() {
    assertThatThrownBy(() -> Soql.parse("SELECT Id, COUNT() FROM Account"))
        .isInstanceOf(SoqlException.class);
    assertThatThrownBy(
            () ->
                Soql.parse(
                    "SELECT Id, (SELECT Id, (SELECT Id FROM Notes) FROM Contacts) FROM Account"))
        .isInstanceOf(SoqlException.class);
    assertThatThrownBy(() -> Soql.parse("SELECT Id FROM Account WHERE Id IN ()"))
        .isInstanceOf(SoqlException.class);
    assertThatThrownBy(() -> Soql.parse("SELECT FROM Account"))
        .hasMessageContaining("unexpected token: 'FROM'");
  }

  @Test
  void boundsNesting() {
    String deep = "(".repeat(5000) + "A = 1" + ")".repeat(5000);
    assertThatThrownBy(() -> Soql.parse("SELECT Id FROM X WHERE " + deep))
        .isInstanceOf(SoqlException.class)
        .hasMessageContaining("nested too deeply")
        .hasNoCause();
    String nots = "NOT ".repeat(5000) + "A = 1";
    assertThatThrownBy(() -> Soql.parse("SELECT Id FROM X WHERE " + nots))
        .isInstanceOf(SoqlException.class)
        .hasNoCause();
    String fine = "(".repeat(50) + "A = 1" + ")".repeat(50);
    assertThat(Soql.parse("SELECT Id FROM X WHERE " + fine).where())
        .isEqualTo(Condition.eq("A", 1));
  }

  private static Condition where(String condition) {
    return Soql.parse("SELECT Id FROM Account WHERE " + condition).where();
  }

  private static Value value(String literal) {
    return ((Condition.Comparison) where("F = " + literal)).value();
  }

  private static Condition cmp(String field, Operator op, Value value) {
    return new Condition.Comparison(field, op, value);
  }

  private static Value num(String text) {
    return new Value.NumberValue(new BigDecimal(text));
  }
}
