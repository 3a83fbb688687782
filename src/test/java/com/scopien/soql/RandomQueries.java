package com.scopien.soql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded generator of valid random ASTs, for property tests. */
final class RandomQueries {
  private static final String[] NAMES = {
    "Id",
    "Name",
    "amount",
    "StageName",
    "CloseDate",
    "Account",
    "OWNER",
    "Profile",
    "Parent__r",
    "Custom_Field__c",
    "ns__Score__c",
    "x1",
    "Order",
    "Group",
    "Today",
    "Case",
    "Select_X"
  };
  private static final String[] RESERVED_SEGMENTS = {"Order", "Limit", "Not", "from", "Group"};
  private static final String HOSTILE = "'\\\"%_\n\r\t\b\f\u0000\u001f\u007f é😀,()= ";

  private final Random random;

  RandomQueries(long seed) {
    this.random = new Random(seed);
  }

  SoqlQuery query(boolean nested) {
    List<SelectItem> select = new ArrayList<>();
    boolean needsSmallLimit = false;
    if (random.nextInt(10) == 0) {
      select.add(new SelectItem.Aggregate(SelectItem.AggregateFunction.COUNT, null, null));
    } else {
      int n = 1 + random.nextInt(4);
      for (int i = 0; i < n; i++) {
        SelectItem item = selectItem(nested);
        if (item instanceof SelectItem.FieldsFunction f
            && f.kind() != SelectItem.FieldsKind.STANDARD) {
          needsSmallLimit = true;
        }
        select.add(item);
      }
    }
    String from = random.nextInt(8) == 0 ? pick(RESERVED_SEGMENTS) : name();
    String alias = random.nextBoolean() ? null : name();
    Condition where = random.nextInt(4) == 0 ? null : condition(nested, 0);
    List<String> groupBy = new ArrayList<>();
    for (int i = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0; i > 0; i--) {
      groupBy.add(path());
    }
    List<OrderItem> orderBy = new ArrayList<>();
    for (int i = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0; i > 0; i--) {
      orderBy.add(new OrderItem(path(), random.nextBoolean(), pick(OrderItem.Nulls.values())));
    }
    Integer limit = random.nextBoolean() ? null : random.nextInt(100_000);
    if (needsSmallLimit) {
      limit = random.nextInt(SoqlQuery.MAX_FIELDS_LIMIT + 1);
    }
    Integer offset =
        nested || random.nextBoolean() ? null : random.nextInt(SoqlQuery.MAX_OFFSET + 1);
    return new SoqlQuery(select, from, alias, where, groupBy, orderBy, limit, offset);
  }

  private SelectItem selectItem(boolean nested) {
    switch (random.nextInt(nested ? 6 : 7)) {
      case 0:
        return new SelectItem.FieldsFunction(pick(SelectItem.FieldsKind.values()));
      case 1:
        SelectItem.AggregateFunction f = pick(SelectItem.AggregateFunction.values());
        return new SelectItem.Aggregate(f, path(), random.nextBoolean() ? null : name());
      case 6:
        return new SelectItem.SubQuery(query(true));
      default:
        return new SelectItem.Field(path(), random.nextInt(5) == 0 ? name() : null);
    }
  }

  Condition condition(boolean nested, int depth) {
    int kind = random.nextInt(depth >= 3 ? 4 : 8);
    switch (kind) {
      case 0:
      case 1:
        return comparison();
      case 2:
        return new Condition.In(path(), random.nextBoolean(), values(1 + random.nextInt(4)));
      case 3:
        if (!nested && random.nextInt(3) == 0) {
          SoqlQuery sub =
              new SoqlQuery(
                  List.of(new SelectItem.Field(path())),
                  name(),
                  null,
                  random.nextBoolean() ? null : condition(true, 2),
                  List.of(),
                  List.of(),
                  null,
                  null);
          return new Condition.SemiJoin(path(), random.nextBoolean(), sub);
        }
        List<Value> strings = new ArrayList<>();
        for (int i = 0; i <= random.nextInt(3); i++) {
          strings.add(new Value.StringValue(string()));
        }
        return new Condition.Includes(path(), random.nextBoolean(), strings);
      case 4:
        return new Condition.Not(condition(nested, depth + 1));
      case 5:
      case 6:
        return new Condition.And(parts(nested, depth));
      default:
        return new Condition.Or(parts(nested, depth));
    }
  }

  private List<Condition> parts(boolean nested, int depth) {
    List<Condition> parts = new ArrayList<>();
    for (int i = 2 + random.nextInt(2); i > 0; i--) {
      parts.add(condition(nested, depth + 1));
    }
    return parts;
  }

  private Condition comparison() {
    Condition.Operator op = pick(Condition.Operator.values());
    if (op == Condition.Operator.LIKE) {
      return new Condition.Comparison(path(), op, new Value.StringValue(likePattern()));
    }
    return new Condition.Comparison(path(), op, value());
  }

  String likePattern() {
    StringBuilder p = new StringBuilder();
    for (int i = random.nextInt(4); i >= 0; i--) {
      switch (random.nextInt(3)) {
        case 0 -> p.append('%');
        case 1 -> p.append('_');
        default -> p.append(Soql.escapeLike(string()));
      }
    }
    return p.toString();
  }

  private List<Value> values(int n) {
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(value());
    }
    return out;
  }

  Value value() {
    switch (random.nextInt(8)) {
      case 0:
        return new Value.StringValue(string());
      case 1:
        BigInteger unscaled = new BigInteger(1 + random.nextInt(90), random);
        if (random.nextBoolean()) {
          unscaled = unscaled.negate();
        }
        return new Value.NumberValue(new BigDecimal(unscaled, random.nextInt(8)));
      case 2:
        return new Value.BooleanValue(random.nextBoolean());
      case 3:
        return Value.NullValue.INSTANCE;
      case 4:
        return new Value.DateValue(date());
      case 5:
        int nanos =
            switch (random.nextInt(3)) {
              case 0 -> 0;
              case 1 -> random.nextInt(1000) * 1_000_000;
              default -> random.nextInt(1_000_000_000);
            };
        ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(36 * 60 + 1) - 18 * 60) * 60);
        return new Value.DateTimeValue(
            OffsetDateTime.of(
                date(),
                java.time.LocalTime.of(
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), nanos),
                offset));
      default:
        Value.DateLiteral.Kind kind = pick(Value.DateLiteral.Kind.values());
        return kind.parameterised()
            ? new Value.DateLiteral(kind, random.nextInt(Value.DateLiteral.MAX_N + 1))
            : new Value.DateLiteral(kind);
    }
  }

  private LocalDate date() {
    return LocalDate.ofEpochDay(
        random.nextInt(
                (int)
                    (LocalDate.of(9999, 12, 31).toEpochDay() - LocalDate.of(1, 1, 1).toEpochDay()))
            + LocalDate.of(1, 1, 1).toEpochDay());
  }

  /** A string mixing plain text with quotes, backslashes, wildcards, controls and non-ASCII. */
  String string() {
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(12); i > 0; i--) {
      if (random.nextBoolean()) {
        s.append((char) ('a' + random.nextInt(26)));
      } else if (random.nextInt(20) == 0) {
        s.append((char) (0xD800 + random.nextInt(0x800))); // a lone surrogate
      } else {
        int at = random.nextInt(HOSTILE.length());
        s.append(HOSTILE.charAt(at));
      }
    }
    return s.toString();
  }

  String path() {
    int parts = 1 + (random.nextInt(3) == 0 ? random.nextInt(4) : 0);
    StringBuilder p = new StringBuilder(name());
    for (int i = 1; i < parts; i++) {
      p.append('.').append(random.nextInt(5) == 0 ? pick(RESERVED_SEGMENTS) : name());
    }
    return p.toString();
  }

  String name() {
    if (random.nextBoolean()) {
      String n = pick(NAMES);
      return Identifiers.isReserved(n) ? "Id" : n;
    }
    StringBuilder s = new StringBuilder();
    s.append((char) ((random.nextBoolean() ? 'a' : 'A') + random.nextInt(26)));
    String rest = "abcXYZ019_";
    for (int i = random.nextInt(10); i > 0; i--) {
      s.append(rest.charAt(random.nextInt(rest.length())));
    }
    String n = s.toString();
    return Identifiers.isReserved(n) ? n + "x" : n;
  }

  <T> T pick(T[] options) {
    return options[random.nextInt(options.length)];
  }
}
