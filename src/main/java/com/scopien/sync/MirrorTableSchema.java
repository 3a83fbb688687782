package com.scopien.sync;

import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.store.Database;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names and DDL of the typed mirror tables, from an object's describe and its field mappings:
 * {@code m_<org key>_<object lower case>}, a column per synced field named by its mapping's Scopien
 * name in snake case ({@code deal_value}) or else its API name in lower case ({@code score__c}),
 * typed from the describe. Identifiers are quoted lower case, so any SQL client reads them
 * unquoted. Stateless.
 */
final class MirrorTableSchema {
  /** PostgreSQL's identifier limit. */
  static final int MAX_NAME = 63;

  private MirrorTableSchema() {}

  /** The table name of an object of an org: short, safe, stable. */
  static String tableName(String orgId, String object) {
    String key = orgId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    key = key.length() > 8 ? key.substring(0, 8) : key;
    return clip("m_" + key + "_" + safe(object.toLowerCase(Locale.ROOT)));
  }

  /**
   * The columns for the plan's fields, keeping the names of {@code existing} columns unless a
   * mapping renames them.
   *
   * @param mapped Scopien names by API name (lower case), for the object's active mappings
   */
  static List<MirrorTable.Column> columns(
      ObjectDescribe describe, List<String> fields, Map<String, String> mapped) {
    List<MirrorTable.Column> out = new ArrayList<>();
    Set<String> taken = new HashSet<>(Set.of(MirrorTable.SYNCED_AT));
    for (String field : fields) {
      Optional<FieldDescribe> f = describe.field(field);
      String type = f.map(FieldDescribe::type).orElse("string");
      String name =
          switch (field) {
            case "Id" -> MirrorTable.ID;
            case "SystemModstamp" -> MirrorTable.MODSTAMP;
            case "IsDeleted" -> MirrorTable.DELETED;
            default -> unique(columnName(field, mapped.get(field.toLowerCase(Locale.ROOT))), taken);
          };
      taken.add(name);
      out.add(new MirrorTable.Column(field, name, MirrorTable.Kind.of(type), true));
    }
    return out;
  }

  /** A field's column: the Scopien name in snake case when mapped, else the API name lowered. */
  static String columnName(String apiName, String scopienName) {
    if (scopienName != null) {
      String snake =
          scopienName
              .trim()
              .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^a-z0-9]+", "_")
              .replaceAll("^_+|_+$", "");
      if (!snake.isEmpty()) {
        return clip(Character.isDigit(snake.charAt(0)) ? "f_" + snake : snake);
      }
    }
    return clip(safe(apiName.toLowerCase(Locale.ROOT)));
  }

  private static String unique(String name, Set<String> taken) {
    if (!taken.contains(name) && !MirrorTable.fixed(name)) {
      return name;
    }
    for (int i = 2; ; i++) {
      String suffix = "_" + i;
      String candidate =
          clip(name.substring(0, Math.min(name.length(), MAX_NAME - suffix.length())) + suffix);
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
  }

  private static String safe(String name) {
    return name.replaceAll("[^a-z0-9_]", "_");
  }

  private static String clip(String name) {
    return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
  }

  /** A quoted identifier (names are lower case, so unquoted use in SQL clients works too). */
  static String q(String identifier) {
    return '"' + identifier + '"';
  }

  static String sqlType(MirrorTable.Kind kind, Database.Vendor vendor) {
    String text = vendor == Database.Vendor.POSTGRESQL ? "VARCHAR COLLATE \"C\"" : "VARCHAR";
    return switch (kind) {
      case TEXT -> text;
      case ID -> vendor == Database.Vendor.POSTGRESQL ? "VARCHAR(18) COLLATE \"C\"" : "VARCHAR(18)";
      case NUMBER -> "DOUBLE PRECISION";
      case INTEGER -> "BIGINT";
      case DATE -> "DATE";
      case DATETIME -> "TIMESTAMP WITH TIME ZONE";
      case BOOLEAN -> "BOOLEAN";
    };
  }

  static String createTable(
      String table, List<MirrorTable.Column> columns, Database.Vendor vendor) {
    StringBuilder sql =
        new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(q(table)).append(" (");
    sql.append(q(MirrorTable.ID)).append(' ').append(sqlType(MirrorTable.Kind.ID, vendor));
    sql.append(" NOT NULL, ")
        .append(q(MirrorTable.MODSTAMP))
        .append(" TIMESTAMP WITH TIME ZONE NOT NULL, ");
    sql.append(q(MirrorTable.DELETED)).append(" BOOLEAN NOT NULL, ");
    sql.append(q(MirrorTable.SYNCED_AT)).append(" TIMESTAMP WITH TIME ZONE NOT NULL");
    for (MirrorTable.Column c : columns) {
      if (!MirrorTable.fixed(c.name())) {
        sql.append(", ").append(q(c.name())).append(' ').append(sqlType(c.kind(), vendor));
      }
    }
    return sql.append(", CONSTRAINT ")
        .append(q(clip(table + "_pk")))
        .append(" PRIMARY KEY (")
        .append(q(MirrorTable.ID))
        .append("))")
        .toString();
  }

  static String addColumn(String table, MirrorTable.Column c, Database.Vendor vendor) {
    return "ALTER TABLE "
        + q(table)
        + " ADD COLUMN "
        + q(c.name())
        + " "
        + sqlType(c.kind(), vendor);
  }

  static String renameColumn(String table, String from, String to) {
    return "ALTER TABLE " + q(table) + " RENAME COLUMN " + q(from) + " TO " + q(to);
  }

  /** Whether a column is worth an index: the modstamp, the name, the owner, every lookup. */
  static boolean indexed(MirrorTable.Column c) {
    return c.name().equals(MirrorTable.MODSTAMP)
        || c.field().equals("Name")
        || c.field().equals("OwnerId")
        || (c.kind() == MirrorTable.Kind.ID && !c.name().equals(MirrorTable.ID));
  }

  static String createIndex(String table, MirrorTable.Column c) {
    String index = clip(table + "_" + c.name()).replaceAll("_+$", "");
    index =
        clip(
            index.length() + 4 > MAX_NAME
                ? index.substring(0, MAX_NAME - 4) + "_idx"
                : index + "_idx");
    return "CREATE INDEX IF NOT EXISTS " + q(index) + " ON " + q(table) + " (" + q(c.name()) + ")";
  }
}
