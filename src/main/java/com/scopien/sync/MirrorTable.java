package com.scopien.sync;

import com.scopien.salesforce.SalesforceTime;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One object's typed mirror table: its name and a column per synced field ({@code Id}, {@code
 * SystemModstamp} and {@code IsDeleted} are the fixed columns {@code sf_id}, {@code
 * system_modstamp} and {@code is_deleted}). The table holds the object's live records only: a
 * deleted record's row is removed (its tombstone stays in {@code sync_records}), so {@code
 * is_deleted} is false on every row; it is kept for SQL clients that expect it. Values go in and
 * come out in the forms {@link com.scopien.salesforce.SObjectRecord} holds, so an answer from the
 * table reads like one from the record's JSON. Immutable.
 */
record MirrorTable(String orgId, String object, String name, List<Column> columns) {
  static final String ID = "sf_id";
  static final String MODSTAMP = "system_modstamp";
  static final String DELETED = "is_deleted";
  static final String SYNCED_AT = "synced_at";

  MirrorTable {
    columns = List.copyOf(columns);
  }

  /** How a field is typed in the table. */
  enum Kind {
    /** Free text, picklists, phones, emails: compared ignoring case, as SOQL does. */
    TEXT,
    /** Ids and references: compared exactly, indexed. */
    ID,
    NUMBER,
    INTEGER,
    DATE,
    DATETIME,
    BOOLEAN;

    /** The kind for a describe field type. */
    static Kind of(String describeType) {
      return switch (describeType == null ? "" : describeType.toLowerCase(Locale.ROOT)) {
        case "id", "reference" -> ID;
        case "double", "currency", "percent" -> NUMBER;
        case "int", "long" -> INTEGER;
        case "date" -> DATE;
        case "datetime" -> DATETIME;
        case "boolean" -> BOOLEAN;
        default -> TEXT;
      };
    }

    boolean textual() {
      return this == TEXT || this == ID;
    }
  }

  /**
   * @param field the API name as the describe spells it
   * @param complete whether every live row holds the field (see {@code mirror_columns.complete})
   */
  record Column(String field, String name, Kind kind, boolean complete) {
    /** The value to bind for a record's field value; null when it cannot be read as this kind. */
    Object toSql(Object value) {
      if (value == null) {
        return null;
      }
      try {
        return switch (kind) {
          case TEXT, ID -> value.toString();
          case NUMBER ->
              value instanceof Number n ? n.doubleValue() : Double.valueOf(value.toString());
          case INTEGER ->
              value instanceof Number n
                  ? n.longValue()
                  : new BigDecimal(value.toString()).longValue();
          case BOOLEAN -> value instanceof Boolean b ? b : Boolean.valueOf(value.toString().trim());
          case DATE -> LocalDate.parse(value.toString().substring(0, 10));
          case DATETIME -> SalesforceTime.parseDateTime(value.toString());
        };
      } catch (RuntimeException unreadable) {
        return null;
      }
    }

    /** The value of this column in the current row, as the record's JSON would hold it. */
    Object read(ResultSet row, int index) throws SQLException {
      return switch (kind) {
        case TEXT, ID -> row.getString(index);
        case NUMBER, INTEGER -> number(row.getObject(index));
        case BOOLEAN -> {
          boolean b = row.getBoolean(index);
          yield row.wasNull() ? null : b;
        }
        case DATE -> {
          LocalDate d = row.getObject(index, LocalDate.class);
          yield d == null ? null : d.toString();
        }
        case DATETIME -> {
          OffsetDateTime t = row.getObject(index, OffsetDateTime.class);
          yield t == null ? null : SalesforceTime.formatDateTime(t.toInstant());
        }
      };
    }
  }

  /**
   * A number as JSON parsing gives it: whole numbers as Integer (or Long when larger), others as
   * Double.
   */
  static Object number(Object value) {
    if (!(value instanceof Number n)) {
      return value;
    }
    BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
    if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0) {
      try {
        long l = d.longValueExact();
        return l == (int) l ? (Object) (int) l : (Object) l;
      } catch (ArithmeticException tooLarge) {
        return d.doubleValue();
      }
    }
    return d.doubleValue();
  }

  /** The column of a field, by API name in any case. */
  Optional<Column> column(String field) {
    for (Column c : columns) {
      if (c.field().equalsIgnoreCase(field)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The columns records fill, the fixed ones excepted. */
  List<Column> fieldColumns() {
    return columns.stream().filter(c -> !fixed(c.name())).toList();
  }

  static boolean fixed(String column) {
    return column.equals(ID) || column.equals(MODSTAMP) || column.equals(DELETED);
  }
}
