package com.scopien.sync;

import static com.scopien.sync.MirrorTableSchema.q;

import com.scopien.salesforce.SObjectRecord;
import com.scopien.soql.EvaluationContext;
import com.scopien.soql.OrderItem;
import com.scopien.soql.SelectItem;
import com.scopien.soql.SoqlQuery;
import com.scopien.store.Jdbc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers mirror reads in SQL over the typed tables ({@link SoqlToSql}): a page and its total in
 * two indexed statements instead of reading every row of the object into Java, parent paths of the
 * SELECT through a LEFT JOIN of the parent's table, and aggregates ({@code COUNT}, {@code SUM},
 * {@code AVG}, {@code MIN}, {@code MAX}, {@code COUNT_DISTINCT}) with up to two GROUP BY fields.
 * The rows come out shaped as {@link MirrorScan} and {@link MirrorJoin} shape them. Empty whenever
 * the answer could not be exact: a table or a complete column missing, something {@link SoqlToSql}
 * does not translate, a referenced parent not in the mirror. Thread-safe.
 */
final class MirrorSqlReader {

  /** A page of rows as the query's SELECT wrote them, and how many records match in all. */
  record Result(List<Map<String, Object>> rows, long matched) {}

  private final Jdbc jdbc;
  private final MirrorTables tables;

  MirrorSqlReader(Jdbc jdbc, MirrorTables tables) {
    this.jdbc = jdbc;
    this.tables = tables;
  }

  private record Linked(
      MirrorJoin.Parent parent,
      String alias,
      MirrorTable.Column reference,
      List<MirrorTable.Column> fields) {}

  /**
   * The page and total of {@code query} over the table of {@code object} (as the org spells it).
   */
  Optional<Result> read(
      String orgId, String object, MirrorQuery query, MirrorJoin join, EvaluationContext ctx) {
    Optional<MirrorTable> table = tables.find(orgId, object);
    if (table.isEmpty()) {
      return Optional.empty();
    }
    try {
      SoqlToSql sql = new SoqlToSql(table.get(), "t", ctx);
      query.paths().forEach(sql::column);
      String from = " FROM " + q(table.get().name()) + " t";
      String where = query.where() == null ? "" : " WHERE " + sql.where(query.where());
      List<Object> params = new ArrayList<>(sql.params());
      if (query.count()) {
        return Optional.of(new Result(List.of(), count(from + where, params)));
      }
      List<Linked> links = new ArrayList<>();
      StringBuilder joins = new StringBuilder();
      for (MirrorJoin.Parent p : join.parents()) {
        MirrorTable parent =
            tables
                .find(orgId, p.object())
                .orElseThrow(() -> new SoqlToSql.Untranslatable(p.object() + " has no table"));
        String alias = "p" + links.size();
        SoqlToSql parentSql = new SoqlToSql(parent, alias, ctx);
        List<MirrorTable.Column> fields = p.fields().stream().map(parentSql::column).toList();
        MirrorTable.Column reference = sql.column(p.reference());
        links.add(new Linked(p, alias, reference, fields));
        joins
            .append(" LEFT JOIN ")
            .append(q(parent.name()))
            .append(' ')
            .append(alias)
            .append(" ON ")
            .append(alias)
            .append('.')
            .append(q(MirrorTable.ID))
            .append(" = ")
            .append(sql.ref(reference));
      }
      List<String> columns = new ArrayList<>();
      List<MirrorTable.Column> plain = new ArrayList<>();
      for (String path : query.select()) {
        if (!MirrorQuery.isParentPath(path)) {
          MirrorTable.Column c = sql.column(path);
          plain.add(c);
          columns.add(sql.ref(c));
        }
      }
      for (Linked l : links) {
        columns.add(sql.ref(l.reference()));
        columns.add(l.alias() + "." + q(MirrorTable.ID));
        l.fields().forEach(f -> columns.add(l.alias() + "." + q(f.name())));
      }
      String page =
          "SELECT "
              + String.join(", ", columns)
              + from
              + joins
              + where
              + " ORDER BY "
              + sql.orderBy(query.orderBy())
              + " LIMIT ? OFFSET ?";
      List<Object> pageParams = new ArrayList<>(params);
      pageParams.add(query.limit());
      pageParams.add(query.offset());
      List<Map<String, Object>> rows =
          jdbc.query(page, row -> shape(row, query, plain, links), pageParams.toArray());
      long matched =
          query.offset() == 0 && rows.size() < query.limit()
              ? rows.size()
              : count(from + where, params);
      return Optional.of(new Result(rows, matched));
    } catch (SoqlToSql.Untranslatable | MirrorScan.NotInMirror e) {
      return Optional.empty();
    }
  }

  private long count(String fromWhere, List<Object> params) {
    return jdbc.queryOne("SELECT COUNT(*)" + fromWhere, row -> row.getLong(1), params.toArray())
        .orElse(0L);
  }

  /** One result row as MirrorJoin shapes it: parents nested under the relationship name. */
  private static Map<String, Object> shape(
      java.sql.ResultSet row, MirrorQuery query, List<MirrorTable.Column> plain, List<Linked> links)
      throws java.sql.SQLException {
    Map<String, Object> out = new LinkedHashMap<>();
    int index = 1;
    int p = 0;
    Map<String, Object> plainValues = new LinkedHashMap<>();
    for (String path : query.select()) {
      if (!MirrorQuery.isParentPath(path)) {
        plainValues.put(path, plain.get(p++).read(row, index++));
      }
    }
    Map<String, SObjectRecord> nested = new LinkedHashMap<>();
    Map<String, Boolean> present = new LinkedHashMap<>();
    for (Linked l : links) {
      Object reference = row.getString(index++);
      String parentId = row.getString(index++);
      if (reference != null && parentId == null) {
        throw new MirrorScan.NotInMirror();
      }
      Map<String, Object> fields = new LinkedHashMap<>();
      for (int i = 0; i < l.fields().size(); i++) {
        fields.put(l.parent().fields().get(i), l.fields().get(i).read(row, index++));
      }
      present.put(l.parent().name(), reference != null);
      nested.put(
          l.parent().name(),
          reference == null ? null : new SObjectRecord(l.parent().object(), fields));
    }
    for (String path : query.select()) {
      if (!MirrorQuery.isParentPath(path)) {
        out.put(path, plainValues.get(path));
        continue;
      }
      String name = parentName(links, path);
      if (!out.containsKey(name)) {
        out.put(name, nested.get(name));
      }
    }
    return out;
  }

  private static String parentName(List<Linked> links, String path) {
    String name = path.substring(0, path.indexOf('.'));
    return links.stream()
        .map(l -> l.parent().name())
        .filter(name::equalsIgnoreCase)
        .findFirst()
        .orElseThrow(IllegalStateException::new);
  }

  /**
   * The rows of an aggregate query, keyed as Salesforce keys them: GROUP BY fields by alias or as
   * written, aggregates by alias or {@code expr0}, {@code expr1}... in order; empty when not
   * translatable, or when more groups than a page match a query without a LIMIT.
   */
  Optional<List<Map<String, Object>>> aggregate(
      String orgId, String object, SoqlQuery query, EvaluationContext ctx) {
    if (query.isCount()
        || query.alias() != null
        || query.groupBy().size() > 2
        || !query.subqueries().isEmpty()) {
      return Optional.empty();
    }
    Optional<MirrorTable> table = tables.find(orgId, object);
    if (table.isEmpty()) {
      return Optional.empty();
    }
    try {
      SoqlToSql sql = new SoqlToSql(table.get(), "t", ctx);
      List<MirrorTable.Column> groups = query.groupBy().stream().map(sql::column).toList();
      List<String> exprs = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      List<MirrorTable.Column> readers = new ArrayList<>();
      Map<String, String> byAlias = new LinkedHashMap<>();
      int unnamed = 0;
      for (SelectItem item : query.select()) {
        if (item instanceof SelectItem.Field f) {
          int g = indexOf(query.groupBy(), f.path());
          if (g < 0) {
            return Optional.empty();
          }
          exprs.add(sql.ref(groups.get(g)));
          // As Salesforce keys a grouped field: by its alias when it has one, else as written.
          keys.add(f.alias() != null ? f.alias() : f.path());
          readers.add(groups.get(g));
        } else if (item instanceof SelectItem.Aggregate a) {
          String expr = aggregateSql(sql, a);
          exprs.add(expr);
          String key = a.alias() != null ? a.alias() : "expr" + unnamed++;
          keys.add(key);
          byAlias.put(key.toLowerCase(java.util.Locale.ROOT), expr);
          readers.add(
              switch (a.function()) {
                case MIN, MAX -> sql.column(a.field());
                default -> null;
              });
        } else {
          return Optional.empty();
        }
      }
      String where = query.where() == null ? "" : " WHERE " + sql.where(query.where());
      StringBuilder text =
          new StringBuilder("SELECT ")
              .append(String.join(", ", exprs))
              .append(" FROM ")
              .append(q(table.get().name()))
              .append(" t")
              .append(where);
      if (!groups.isEmpty()) {
        text.append(" GROUP BY ").append(String.join(", ", groups.stream().map(sql::ref).toList()));
      }
      List<String> order = new ArrayList<>();
      for (OrderItem o : query.orderBy()) {
        String expr = byAlias.get(o.field().toLowerCase(java.util.Locale.ROOT));
        if (expr == null) {
          int g = indexOf(query.groupBy(), o.field());
          if (g < 0) {
            return Optional.empty();
          }
          MirrorTable.Column c = groups.get(g);
          expr = c.kind().textual() ? "LOWER(" + sql.ref(c) + ")" : sql.ref(c);
        }
        order.add(
            expr
                + (o.descending() ? " DESC" : " ASC")
                + (o.nullsFirst() ? " NULLS FIRST" : " NULLS LAST"));
      }
      groups.forEach(g -> order.add(sql.ref(g) + " ASC NULLS FIRST"));
      if (!order.isEmpty()) {
        text.append(" ORDER BY ").append(String.join(", ", order));
      }
      List<Object> params = new ArrayList<>(sql.params());
      text.append(" LIMIT ? OFFSET ?");
      // The query's own LIMIT, even above a page (a caller may ask for one row more than it shows
      // to tell "too many groups" apart). Without one, Salesforce refuses more than a page of
      // groups; such an answer goes live rather than coming back cut.
      params.add(query.limit() == null ? MirrorQuery.PAGE + 1 : query.limit());
      params.add(query.offset() == null ? 0 : query.offset());
      List<Map<String, Object>> rows =
          jdbc.query(
              text.toString(),
              row -> {
                Map<String, Object> out = new LinkedHashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                  MirrorTable.Column c = readers.get(i);
                  out.put(
                      keys.get(i),
                      c == null ? MirrorTable.number(row.getObject(i + 1)) : c.read(row, i + 1));
                }
                return out;
              },
              params.toArray());
      if (query.limit() == null && rows.size() > MirrorQuery.PAGE) {
        return Optional.empty();
      }
      return Optional.of(rows);
    } catch (SoqlToSql.Untranslatable e) {
      return Optional.empty();
    }
  }

  private static String aggregateSql(SoqlToSql sql, SelectItem.Aggregate a) {
    if (a.field() == null) {
      return "COUNT(*)";
    }
    MirrorTable.Column c = sql.column(a.field());
    String col = sql.ref(c);
    boolean numeric = c.kind() == MirrorTable.Kind.NUMBER || c.kind() == MirrorTable.Kind.INTEGER;
    return switch (a.function()) {
      case COUNT -> "COUNT(" + col + ")";
      case COUNT_DISTINCT ->
          "COUNT(DISTINCT "
              + (c.kind() == MirrorTable.Kind.TEXT ? "LOWER(" + col + ")" : col)
              + ")";
      case SUM -> {
        if (!numeric) {
          throw new SoqlToSql.Untranslatable("SUM of " + c.kind());
        }
        yield "SUM(" + col + ")";
      }
      case AVG -> {
        if (!numeric) {
          throw new SoqlToSql.Untranslatable("AVG of " + c.kind());
        }
        yield "AVG(CAST(" + col + " AS DOUBLE PRECISION))";
      }
      case MIN, MAX -> {
        if (c.kind().textual() || c.kind() == MirrorTable.Kind.BOOLEAN) {
          throw new SoqlToSql.Untranslatable(a.function() + " of " + c.kind());
        }
        yield a.function() + "(" + col + ")";
      }
    };
  }

  private static int indexOf(List<String> fields, String field) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).equalsIgnoreCase(field)) {
        return i;
      }
    }
    return -1;
  }
}
