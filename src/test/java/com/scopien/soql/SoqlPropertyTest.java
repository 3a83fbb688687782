package com.scopien.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded property and fuzz tests: fixed seeds, so any failure reproduces. */
class SoqlPropertyTest {
  private static final String[] FRAGMENTS = {
    "(",
    ")",
    "'",
    "\\",
    "\\u",
    "\\u12",
    ",",
    ".",
    ":",
    "-",
    "=",
    "!=",
    "<>",
    "<=",
    " ",
    "\n",
    "SELECT",
    "FROM",
    "WHERE",
    "NOT",
    "AND",
    "OR",
    "IN",
    "LIKE",
    "NULLS",
    "LIMIT",
    "OFFSET",
    "ORDER BY",
    "GROUP BY",
    "FIELDS(ALL)",
    "COUNT()",
    "(SELECT Id FROM X)",
    "2024-02-30",
    "2024-01-01T",
    "2024-01-01T10:00:00+99:00",
    "2024-13-01",
    "LAST_N_DAYS:",
    "TODAY:1",
    "99999999999999999999",
    "1.5",
    "-",
    "\u0000",
    "%",
    "_",
    "😀",
    "\uD800",
    "#",
    "\"",
    "__c"
  };

  @Test
  void printedRandomQueriesParseBackToTheSameTree() {
    RandomQueries gen = new RandomQueries(20240515L);
    for (int i = 0; i < 3000; i++) {
      SoqlQuery q = gen.query(false);
      String text = Soql.print(q);
      SoqlQuery back;
      try {
        back = Soql.parse(text);
      } catch (SoqlException e) {
        throw new AssertionError("case " + i + " did not parse: " + text, e);
      }
      assertThat(back).as("case %d: %s", i, text).isEqualTo(q);
      assertThat(Soql.print(back)).isEqualTo(text);
    }
  }

  @Test
  void randomTextOnlyEverFailsWithSoqlException() {
    Random random = new Random(7L);
    String alphabet = "SELECTFROMWHEREselectfrom Id,Name()'\\.=<>!:-0123456789%_\n\tTZ+";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder s = new StringBuilder();
      int len = random.nextInt(60);
      for (int k = 0; k < len; k++) {
        if (random.nextInt(4) == 0) {
          s.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        } else if (random.nextInt(30) == 0) {
          s.append((char) random.nextInt(0x10000));
        } else {
          s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      parseOrSoqlException(s.toString());
    }
  }

  @Test
  void mutatedValidQueriesOnlyEverFailWithSoqlException() {
    RandomQueries gen = new RandomQueries(99L);
    Random random = new Random(11L);
    List<String> seeds = new ArrayList<>();
    seeds.add("SELECT Id, Name, Account.Name, (SELECT LastName FROM Contacts) FROM Contact c");
    seeds.add("SELECT COUNT() FROM Lead WHERE CreatedDate = LAST_N_DAYS:30 AND Status IN ('a')");
    seeds.add("SELECT FIELDS(ALL) FROM Account WHERE Name LIKE 'a\\%%' ORDER BY Name LIMIT 200");
    for (int i = 0; i < 300; i++) {
      seeds.add(Soql.print(gen.query(false)));
    }
    int parsed = 0;
    for (int i = 0; i < 30_000; i++) {
      String mutated = mutate(seeds.get(random.nextInt(seeds.size())), random);
      if (parseOrSoqlException(mutated)) {
        parsed++;
      }
    }
    // The mutator must leave some queries valid, or this test only exercises error paths.
    assertThat(parsed).isGreaterThan(1000);
  }

  @Test
  void deepNestingFailsCleanlyAndTheBoundIsGenerous() {
    for (String open : List.of("(", "NOT ", "NOT (")) {
      String close = open.contains("(") ? ")" : "";
      String deep = open.repeat(20_000) + "A = 1" + close.repeat(20_000);
      assertThatThrownBy(() -> Soql.parse("SELECT Id FROM X WHERE " + deep))
          .isInstanceOf(SoqlException.class)
          .hasNoCause();
    }
    Condition c = Condition.eq("A", 1);
    for (int i = 0; i < Condition.MAX_DEPTH; i++) {
      c = i % 2 == 0 ? Condition.not(c) : Condition.and(c, Condition.eq("B", i));
    }
    SoqlQuery deepest =
        new SoqlQuery(
            List.of(new SelectItem.Field("Id")), "X", null, c, List.of(), List.of(), null, null);
    assertThat(Soql.parse(Soql.print(deepest))).isEqualTo(deepest);
    Condition tooDeep = c;
    assertThatThrownBy(() -> Condition.not(tooDeep)).isInstanceOf(SoqlException.class);
    assertThatThrownBy(
            () -> Soql.parse("SELECT Id FROM X WHERE " + "A = 1 AND ".repeat(20_000) + "B = 2"))
        .isInstanceOf(SoqlException.class)
        .hasMessageContaining("longer than");
  }

  @Test
  void hostileStringsRoundTripAndMatchOnlyThemselves() {
    RandomQueries gen = new RandomQueries(31L);
    EvaluationContext ctx =
        new EvaluationContext(Clock.fixed(Instant.EPOCH, ZoneId.of("UTC")), ZoneId.of("UTC"));
    for (int i = 0; i < 3000; i++) {
      String value = gen.string();
      SoqlQuery q =
          Soql.select("Id")
              .from("Account")
              .where(
                  Condition.or(
                      Condition.eq("Name", value), Condition.like("Name", Soql.escapeLike(value))))
              .build();
      SoqlQuery back = Soql.parse(Soql.print(q));
      assertThat(back).isEqualTo(q);
      Condition.Or or = (Condition.Or) back.where();
      Condition eq = or.conditions().get(0);
      Condition like = or.conditions().get(1);
      assertThat(((Value.StringValue) ((Condition.Comparison) eq).value()).value())
          .isEqualTo(value);
      assertThat(SoqlEvaluator.matches(like, p -> value, ctx)).as(value).isTrue();
      assertThat(SoqlEvaluator.matches(eq, p -> value, ctx)).as(value).isTrue();
      assertThat(SoqlEvaluator.matches(like, p -> value + "x", ctx)).as(value).isFalse();
      assertThat(SoqlEvaluator.matches(like, p -> "x" + value, ctx)).as(value).isFalse();
      assertThat(
              SoqlEvaluator.matches(
                  Condition.like("Name", Soql.escapeLike(value) + "%"), p -> value + "tail", ctx))
          .isTrue();
    }
  }

  @Test
  void evaluatingRandomConditionsOnRandomRowsNeverFailsUnexpectedly() {
    RandomQueries gen = new RandomQueries(5L);
    Random random = new Random(6L);
    EvaluationContext ctx =
        new EvaluationContext(
            Clock.fixed(Instant.parse("2024-05-15T14:30:00Z"), ZoneId.of("UTC")),
            ZoneId.of("Europe/Paris"));
    Object[] samples = {
      null,
      "acme",
      "",
      "2024-05-15",
      "2024-05-15T10:00:00Z",
      "12.5",
      "true",
      5,
      5L,
      2.5d,
      Double.NaN,
      new java.math.BigDecimal("-1"),
      true,
      LocalDate.of(2024, 5, 15),
      Instant.parse("2024-05-15T10:00:00Z"),
      java.time.OffsetDateTime.parse("2024-01-01T00:00:00+01:00"),
      List.of("odd")
    };
    for (int i = 0; i < 3000; i++) {
      Condition c = gen.condition(false, 0);
      Object v = samples[random.nextInt(samples.length)];
      try {
        SoqlEvaluator.matches(c, p -> v, ctx);
      } catch (SoqlException e) {
        assertThat(Conditions.hasSemiJoin(c)).as(Soql.print(c)).isTrue();
      }
    }
  }

  private static String mutate(String s, Random random) {
    StringBuilder b = new StringBuilder(s);
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      int at = b.length() == 0 ? 0 : random.nextInt(b.length() + 1);
      switch (random.nextInt(6)) {
        case 0 -> {
          int end = Math.min(b.length(), at + 1 + random.nextInt(6));
          b.delete(at, end);
        }
        case 1 -> b.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        case 2 -> b.setLength(at);
        case 3 -> {
          if (at < b.length()) {
            b.setCharAt(at, (char) (32 + random.nextInt(95)));
          }
        }
        case 4 -> {
          int end = Math.min(b.length(), at + random.nextInt(12));
          b.insert(at, b.substring(at, end));
        }
        default -> {
          if (at < b.length()) {
            char c = b.charAt(at);
            b.setCharAt(
                at, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
          }
        }
      }
    }
    return b.toString();
  }

  /**
   * Parses; true when it parsed (and then printing reads back the same), false on SoqlException.
   */
  private static boolean parseOrSoqlException(String text) {
    SoqlQuery q;
    try {
      q = Soql.parse(text);
    } catch (SoqlException e) {
      if (e.getCause() != null) {
        fail("internal failure on input: " + text, e.getCause());
      }
      if (e.row() < 1 || e.column() < 1) {
        fail("no position for: " + text + " -> " + e.getMessage());
      }
      return false;
    } catch (RuntimeException | Error e) {
      throw new AssertionError("non-SOQL failure on input: " + text, e);
    }
    if (!Soql.parse(Soql.print(q)).equals(q)) {
      fail("does not read back the same once printed: " + text);
    }
    return true;
  }
}
