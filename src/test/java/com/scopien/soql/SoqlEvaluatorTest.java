package com.scopien.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SoqlEvaluatorTest {
  /** Wednesday 15 May 2024, 14:30 UTC (10:30 in New York). */
  private static final Instant NOW = Instant.parse("2024-05-15T14:30:00Z");

  private static final EvaluationContext UTC =
      new EvaluationContext(Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);
  private static final EvaluationContext NEW_YORK =
      new EvaluationContext(Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("America/New_York"));

  @Test
  void todayOnADateFieldComparesWholeDays() {
    assertThat(matchesDate("D = TODAY", "2024-05-15")).isTrue();
    assertThat(matchesDate("D = TODAY", "2024-05-14")).isFalse();
    assertThat(matchesDate("D < TODAY", "2024-05-14")).isTrue();
    assertThat(matchesDate("D < TODAY", "2024-05-15")).isFalse();
    assertThat(matchesDate("D <= TODAY", "2024-05-15")).isTrue();
    assertThat(matchesDate("D > TODAY", "2024-05-15")).isFalse();
    assertThat(matchesDate("D > TODAY", "2024-05-16")).isTrue();
    assertThat(matchesDate("D >= TODAY", "2024-05-15")).isTrue();
    assertThat(matchesDate("D != TODAY", "2024-05-15")).isFalse();
    assertThat(matchesDate("D = YESTERDAY", "2024-05-14")).isTrue();
    assertThat(matchesDate("D = TOMORROW", "2024-05-16")).isTrue();
  }

  @Test
  void todayOnADatetimeFieldRunsFromMidnightInTheContextZone() {
    // New York is at UTC-4 in May: today runs 04:00Z on the 15th to 04:00Z on the 16th.
    assertThat(matches(NEW_YORK, "T = TODAY", "T", Instant.parse("2024-05-15T04:00:00Z"))).isTrue();
    assertThat(matches(NEW_YORK, "T = TODAY", "T", Instant.parse("2024-05-16T03:59:59Z"))).isTrue();
    assertThat(matches(NEW_YORK, "T = TODAY", "T", Instant.parse("2024-05-16T04:00:00Z")))
        .isFalse();
    assertThat(matches(NEW_YORK, "T > TODAY", "T", Instant.parse("2024-05-16T04:00:00Z"))).isTrue();
    assertThat(matches(NEW_YORK, "T < TODAY", "T", Instant.parse("2024-05-15T03:59:59Z"))).isTrue();
    assertThat(matches(UTC, "T = TODAY", "T", Instant.parse("2024-05-15T03:59:59Z"))).isTrue();
    OffsetDateTime local = OffsetDateTime.parse("2024-05-15T23:30:00-04:00");
    assertThat(matches(NEW_YORK, "T = TODAY", "T", local)).isTrue();
    assertThat(matches(UTC, "T = TODAY", "T", local)).isFalse();
  }

  @Test
  void weeksStartOnSunday() {
    assertThat(matchesDate("D = THIS_WEEK", "2024-05-12")).isTrue();
    assertThat(matchesDate("D = THIS_WEEK", "2024-05-18")).isTrue();
    assertThat(matchesDate("D = THIS_WEEK", "2024-05-19")).isFalse();
    assertThat(matchesDate("D = THIS_WEEK", "2024-05-11")).isFalse();
    assertThat(matchesDate("D = LAST_WEEK", "2024-05-11")).isTrue();
    assertThat(matchesDate("D = LAST_WEEK", "2024-05-05")).isTrue();
    assertThat(matchesDate("D = LAST_WEEK", "2024-05-04")).isFalse();
    assertThat(matchesDate("D = NEXT_WEEK", "2024-05-19")).isTrue();
    assertThat(matchesDate("D = NEXT_N_WEEKS:2", "2024-06-01")).isTrue();
    assertThat(matchesDate("D = NEXT_N_WEEKS:2", "2024-06-02")).isFalse();
    assertThat(matchesDate("D = LAST_N_WEEKS:2", "2024-04-28")).isTrue();
    assertThat(matchesDate("D = LAST_N_WEEKS:2", "2024-05-12")).isFalse();
    assertThat(matchesDate("D = N_WEEKS_AGO:1", "2024-05-05")).isTrue();

    EvaluationContext sunday =
        EvaluationContext.of(Clock.fixed(Instant.parse("2024-05-12T12:00:00Z"), ZoneOffset.UTC));
    assertThat(matches(sunday, "D = THIS_WEEK", "D", LocalDate.parse("2024-05-12"))).isTrue();
    assertThat(matches(sunday, "D = THIS_WEEK", "D", LocalDate.parse("2024-05-11"))).isFalse();
  }

  @Test
  void lastNDaysRunsFromMidnightNDaysAgoThroughNow() {
    assertThat(matchesDate("D = LAST_N_DAYS:2", "2024-05-13")).isTrue();
    assertThat(matchesDate("D = LAST_N_DAYS:2", "2024-05-15")).isTrue();
    assertThat(matchesDate("D = LAST_N_DAYS:2", "2024-05-12")).isFalse();
    assertThat(matchesDate("D = LAST_N_DAYS:2", "2024-05-16")).isFalse();
    assertThat(matches(UTC, "T = LAST_N_DAYS:2", "T", Instant.parse("2024-05-13T00:00:00Z")))
        .isTrue();
    assertThat(matches(UTC, "T = LAST_N_DAYS:2", "T", Instant.parse("2024-05-12T23:59:59Z")))
        .isFalse();
    assertThat(matches(UTC, "T = LAST_N_DAYS:2", "T", NOW)).isTrue();
    assertThat(matches(UTC, "T = LAST_N_DAYS:2", "T", NOW.plusSeconds(1))).isFalse();
    assertThat(matches(UTC, "T > LAST_N_DAYS:2", "T", NOW.plusSeconds(1))).isTrue();
    assertThat(matches(UTC, "T >= LAST_N_DAYS:2", "T", Instant.parse("2024-05-13T00:00:00Z")))
        .isTrue();
    assertThat(matchesDate("D = LAST_90_DAYS", "2024-02-15")).isTrue();
    assertThat(matchesDate("D = LAST_90_DAYS", "2024-02-14")).isFalse();
  }

  @Test
  void nextNDaysAndNDaysAgoSkipToday() {
    assertThat(matchesDate("D = NEXT_N_DAYS:2", "2024-05-15")).isFalse();
    assertThat(matchesDate("D = NEXT_N_DAYS:2", "2024-05-16")).isTrue();
    assertThat(matchesDate("D = NEXT_N_DAYS:2", "2024-05-17")).isTrue();
    assertThat(matchesDate("D = NEXT_N_DAYS:2", "2024-05-18")).isFalse();
    assertThat(matchesDate("D = NEXT_90_DAYS", "2024-08-13")).isTrue();
    assertThat(matchesDate("D = NEXT_90_DAYS", "2024-08-14")).isFalse();
    assertThat(matchesDate("D = N_DAYS_AGO:3", "2024-05-12")).isTrue();
    assertThat(matchesDate("D = N_DAYS_AGO:3", "2024-05-13")).isFalse();
  }

  @Test
  void monthsQuartersAndYearsAreCalendarSpans() {
    assertThat(matchesDate("D = THIS_MONTH", "2024-05-01")).isTrue();
    assertThat(matchesDate("D = THIS_MONTH", "2024-05-31")).isTrue();
    assertThat(matchesDate("D = THIS_MONTH", "2024-06-01")).isFalse();
    assertThat(matchesDate("D = LAST_MONTH", "2024-04-30")).isTrue();
    assertThat(matchesDate("D = NEXT_MONTH", "2024-06-30")).isTrue();
    assertThat(matchesDate("D = LAST_N_MONTHS:2", "2024-03-01")).isTrue();
    assertThat(matchesDate("D = LAST_N_MONTHS:2", "2024-05-01")).isFalse();
    assertThat(matchesDate("D = NEXT_N_MONTHS:1", "2024-06-15")).isTrue();
    assertThat(matchesDate("D = N_MONTHS_AGO:1", "2024-04-15")).isTrue();
    assertThat(matchesDate("D = THIS_QUARTER", "2024-04-01")).isTrue();
    assertThat(matchesDate("D = THIS_QUARTER", "2024-06-30")).isTrue();
    assertThat(matchesDate("D = THIS_QUARTER", "2024-07-01")).isFalse();
    assertThat(matchesDate("D = LAST_QUARTER", "2024-03-31")).isTrue();
    assertThat(matchesDate("D = NEXT_QUARTER", "2024-09-30")).isTrue();
    assertThat(matchesDate("D = LAST_N_QUARTERS:2", "2023-10-01")).isTrue();
    assertThat(matchesDate("D = THIS_YEAR", "2024-12-31")).isTrue();
    assertThat(matchesDate("D = LAST_YEAR", "2023-01-01")).isTrue();
    assertThat(matchesDate("D = NEXT_YEAR", "2025-06-01")).isTrue();
    assertThat(matchesDate("D = LAST_N_YEARS:2", "2022-01-01")).isTrue();
    assertThat(matchesDate("D = LAST_N_YEARS:2", "2024-01-01")).isFalse();

    EvaluationContext january =
        EvaluationContext.of(Clock.fixed(Instant.parse("2024-01-10T12:00:00Z"), ZoneOffset.UTC));
    assertThat(matches(january, "D = LAST_QUARTER", "D", LocalDate.parse("2023-12-31"))).isTrue();
    assertThat(matches(january, "D = LAST_QUARTER", "D", LocalDate.parse("2023-10-01"))).isTrue();
    assertThat(matches(january, "D = LAST_MONTH", "D", LocalDate.parse("2023-12-01"))).isTrue();
  }

  @Test
  void exposesTheRangeOfALiteral() {
    DateRange range =
        SoqlEvaluator.range(new Value.DateLiteral(Value.DateLiteral.Kind.TODAY), NEW_YORK);
    assertThat(range.startDate()).isEqualTo(LocalDate.parse("2024-05-15"));
    assertThat(range.endDateExclusive()).isEqualTo(LocalDate.parse("2024-05-16"));
    assertThat(range.start()).isEqualTo(Instant.parse("2024-05-15T04:00:00Z"));
    assertThat(range.endExclusive()).isEqualTo(Instant.parse("2024-05-16T04:00:00Z"));
  }

  @Test
  void bareDatesAndDatetimesCompareByKind() {
    assertThat(matchesDate("D = 2024-05-01", "2024-05-01")).isTrue();
    assertThat(matchesDate("D > 2024-05-01", "2024-05-02")).isTrue();
    assertThat(matchesDate("D > 2024-05-01", "2024-05-01")).isFalse();
    Instant eight = Instant.parse("2024-05-15T08:00:00Z");
    assertThat(matches(UTC, "T = 2024-05-15T10:00:00+02:00", "T", eight)).isTrue();
    assertThat(matches(UTC, "T > 2024-05-15T08:00:00Z", "T", eight)).isFalse();
    assertThat(matches(UTC, "T >= 2024-05-15T08:00:00Z", "T", eight)).isTrue();
    assertThat(matches(UTC, "T <= 2024-05-15T08:00:00Z", "T", eight)).isTrue();
    assertThat(matches(UTC, "T < 2024-05-15T08:00:00.001Z", "T", eight)).isTrue();
    assertThat(matches(UTC, "T = 2024-05-15", "T", eight)).isTrue();
    assertThat(
            matches(
                UTC, "T = 2024-05-15", "T", "2024-05-15T08:00:00.000+0000".replace("+0000", "Z")))
        .isTrue();
  }

  @Test
  void textComparesIgnoringCase() {
    assertThat(matches(UTC, "Name = 'acme'", "Name", "ACME")).isTrue();
    assertThat(matches(UTC, "Name != 'acme'", "Name", "Acme")).isFalse();
    assertThat(matches(UTC, "Name IN ('x', 'ACME')", "Name", "acme")).isTrue();
    assertThat(matches(UTC, "Name NOT IN ('x', 'ACME')", "Name", "acme")).isFalse();
    assertThat(matches(UTC, "Name < 'b'", "Name", "Apple")).isTrue();
    assertThat(matches(UTC, "Name > 'B'", "Name", "apple")).isFalse();
  }

  @Test
  void likeHonoursWildcardsEscapesAndCase() {
    assertThat(matches(UTC, "Name LIKE 'ac%'", "Name", "ACME Corp")).isTrue();
    assertThat(matches(UTC, "Name LIKE '%corp'", "Name", "ACME Corp")).isTrue();
    assertThat(matches(UTC, "Name LIKE 'ac%'", "Name", "The ACME")).isFalse();
    assertThat(matches(UTC, "Name LIKE 'a_me'", "Name", "acme")).isTrue();
    assertThat(matches(UTC, "Name LIKE 'a_me'", "Name", "acmme")).isFalse();
    assertThat(matches(UTC, "Name LIKE '%a%b%'", "Name", "xxaxxbxx")).isTrue();
    assertThat(matches(UTC, "Name LIKE '50\\%'", "Name", "50%")).isTrue();
    assertThat(matches(UTC, "Name LIKE '50\\%'", "Name", "500")).isFalse();
    assertThat(matches(UTC, "Name LIKE 'a\\_b'", "Name", "a_b")).isTrue();
    assertThat(matches(UTC, "Name LIKE 'a\\_b'", "Name", "axb")).isFalse();
    assertThat(matches(UTC, "Name LIKE 'a\\\\b'", "Name", "a\\b")).isTrue();
    assertThat(matches(UTC, "Name LIKE '%'", "Name", "")).isTrue();
    assertThat(matches(UTC, "Name LIKE '%'", "Name", null)).isFalse();
    assertThat(matches(UTC, "NOT Name LIKE 'a%'", "Name", null)).isTrue();
  }

  @Test
  void nullsFollowSoqlRules() {
    assertThat(matches(UTC, "Name = null", "Name", null)).isTrue();
    assertThat(matches(UTC, "Name = null", "Name", "x")).isFalse();
    assertThat(matches(UTC, "Name != null", "Name", "x")).isTrue();
    assertThat(matches(UTC, "Name != null", "Name", null)).isFalse();
    assertThat(matches(UTC, "Name != 'x'", "Name", null)).isTrue();
    assertThat(matches(UTC, "Name = 'x'", "Name", null)).isFalse();
    assertThat(matches(UTC, "Amount < 5", "Amount", null)).isFalse();
    assertThat(matches(UTC, "Amount > 5", "Amount", null)).isFalse();
    assertThat(matches(UTC, "Amount < null", "Amount", 3)).isFalse();
    assertThat(matches(UTC, "D < TODAY", "D", null)).isFalse();
    assertThat(matches(UTC, "Name IN ('a', null)", "Name", null)).isTrue();
    assertThat(matches(UTC, "Name NOT IN ('a')", "Name", null)).isTrue();
  }

  @Test
  void numbersCompareByValueWhateverTheirJavaType() {
    assertThat(matches(UTC, "Amount = 5", "Amount", 5)).isTrue();
    assertThat(matches(UTC, "Amount = 5.00", "Amount", 5L)).isTrue();
    assertThat(matches(UTC, "Amount = 2.5", "Amount", 2.50d)).isTrue();
    assertThat(matches(UTC, "Amount > -1", "Amount", new BigDecimal("-0.5"))).isTrue();
    assertThat(matches(UTC, "Amount >= 100000", "Amount", 99999.99)).isFalse();
    assertThat(matches(UTC, "Amount IN (1, 2, 3)", "Amount", 2.0f)).isTrue();
    assertThat(matches(UTC, "Amount = 5", "Amount", Double.NaN)).isFalse();
    assertThat(matches(UTC, "Amount != 5", "Amount", "not a number")).isTrue();
  }

  @Test
  void booleansAndAndOrNot() {
    Map<String, Object> row = row("IsWon", true, "Amount", 10, "Name", "Big");
    assertThat(eval(UTC, "IsWon = true AND Amount > 5", row)).isTrue();
    assertThat(eval(UTC, "IsWon = false OR Amount > 50", row)).isFalse();
    assertThat(eval(UTC, "NOT (IsWon = false OR Amount > 50)", row)).isTrue();
    assertThat(eval(UTC, "isWON = TRUE and name = 'big'", row)).isTrue();
  }

  @Test
  void includesAndExcludesReadMultiSelectPicklists() {
    assertThat(matches(UTC, "Tags__c INCLUDES ('a;b')", "Tags__c", "b;c;A")).isTrue();
    assertThat(matches(UTC, "Tags__c INCLUDES ('a;d')", "Tags__c", "b;c;a")).isFalse();
    assertThat(matches(UTC, "Tags__c INCLUDES ('a;d', 'c')", "Tags__c", "b;c;a")).isTrue();
    assertThat(matches(UTC, "Tags__c EXCLUDES ('d')", "Tags__c", "b;c;a")).isTrue();
    assertThat(matches(UTC, "Tags__c EXCLUDES ('c')", "Tags__c", "b;c;a")).isFalse();
  }

  @Test
  void semiJoinsAreAnsweredByTheCallersResolver() {
    Condition c = where("Id IN (SELECT AccountId FROM Contact) AND Name != 'x'");
    assertThatThrownBy(() -> SoqlEvaluator.matches(c, p -> "001", UTC))
        .isInstanceOf(SoqlException.class)
        .hasMessageContaining("semi-join");

    List<Condition.SemiJoin> asked = new ArrayList<>();
    java.util.function.Function<Condition.SemiJoin, java.util.function.Predicate<Object>> resolver =
        join -> {
          asked.add(join);
          return v -> v.equals("001A");
        };
    assertThat(SoqlEvaluator.matches(c, accessor(row("Id", "001A", "Name", "n")), UTC, resolver))
        .isTrue();
    assertThat(SoqlEvaluator.matches(c, accessor(row("Id", "001B", "Name", "n")), UTC, resolver))
        .isFalse();
    assertThat(asked).hasSize(2).allSatisfy(j -> assertThat(j.query().from()).isEqualTo("Contact"));

    Condition notIn = where("AccountId NOT IN (SELECT Id FROM Account)");
    assertThat(SoqlEvaluator.matches(notIn, accessor(row("AccountId", null)), UTC, resolver))
        .isTrue();
    assertThat(SoqlEvaluator.matches(notIn, accessor(row("AccountId", "001A")), UTC, resolver))
        .isFalse();
  }

  @Test
  void ordersRowsWithSalesforceNullPlacement() {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(row("Name", "beta", "Amount", 2));
    rows.add(row("Name", null, "Amount", 1));
    rows.add(row("Name", "Alpha", "Amount", 3));
    rows.add(row("Name", "alpha", "Amount", 1));

    assertThat(sortedNames(rows, "Name")).containsExactly(null, "Alpha", "alpha", "beta");
    assertThat(sortedNames(rows, "Name DESC")).containsExactly("beta", "Alpha", "alpha", null);
    assertThat(sortedNames(rows, "Name NULLS LAST"))
        .containsExactly("Alpha", "alpha", "beta", null);
    assertThat(sortedNames(rows, "Name DESC NULLS FIRST"))
        .containsExactly(null, "beta", "Alpha", "alpha");
    assertThat(sortedNames(rows, "Name, Amount")).containsExactly(null, "alpha", "Alpha", "beta");
    assertThat(sortedNames(rows, "Amount DESC, Name"))
        .containsExactly("Alpha", "beta", null, "alpha");
  }

  @Test
  void ordersNumbersDatesAndDatetimesByValue() {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(row("Name", "ten", "V", 10L));
    rows.add(row("Name", "nine", "V", new BigDecimal("9.5")));
    rows.add(row("Name", "eleven", "V", 11.0));
    assertThat(sortedNames(rows, "V")).containsExactly("nine", "ten", "eleven");

    List<Map<String, Object>> dates = new ArrayList<>();
    dates.add(row("Name", "late", "V", Instant.parse("2024-05-02T10:00:00Z")));
    dates.add(row("Name", "early", "V", LocalDate.parse("2024-05-01")));
    dates.add(row("Name", "mid", "V", OffsetDateTime.parse("2024-05-02T09:00:00+00:00")));
    assertThat(sortedNames(dates, "V")).containsExactly("early", "mid", "late");
  }

  private static List<Object> sortedNames(List<Map<String, Object>> rows, String orderBy) {
    List<OrderItem> keys = Soql.parse("SELECT Id FROM X ORDER BY " + orderBy).orderBy();
    List<Map<String, Object>> copy = new ArrayList<>(rows);
    copy.sort((a, b) -> SoqlEvaluator.comparator(keys, UTC).compare(accessor(a), accessor(b)));
    List<Object> names = new ArrayList<>();
    copy.forEach(r -> names.add(r.get("Name")));
    return names;
  }

  private static boolean matchesDate(String condition, String date) {
    return matches(UTC, condition, "D", LocalDate.parse(date));
  }

  private static boolean matches(
      EvaluationContext ctx, String condition, String field, Object value) {
    Map<String, Object> row = new HashMap<>();
    row.put(field, value);
    return eval(ctx, condition, row);
  }

  private static boolean eval(EvaluationContext ctx, String condition, Map<String, Object> row) {
    return SoqlEvaluator.matches(where(condition), accessor(row), ctx);
  }

  private static RowAccessor accessor(Map<String, Object> row) {
    Map<String, Object> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    ci.putAll(row);
    return ci::get;
  }

  private static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Condition where(String condition) {
    return Soql.parse("SELECT Id FROM X WHERE " + condition).where();
  }
}
