package com.scopien.sync;

import com.scopien.salesforce.SalesforceTime;
import com.scopien.soql.EvaluationContext;
import com.scopien.soql.RowAccessor;
import com.scopien.soql.SoqlEvaluator;
import com.scopien.store.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.regex.Pattern;

/**
 * Answers a {@link MirrorQuery} by streaming one object's live mirror rows from the database and
 * applying the soql evaluator to each: memory stays bounded by the page asked for (a top-N heap
 * when there is an ORDER BY), never by the size of the object. Rows come in Id order, which is also
 * the order of an answer without ORDER BY and the tiebreak of one with it.
 */
final class MirrorScan {
  private static final int FETCH_SIZE = 500;
  private static final Pattern DATETIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})");

  /** The query names a field that some mirror row does not hold: only live can answer. */
  static final class NotInMirror extends RuntimeException {
    NotInMirror() {
      super(null, null, false, false);
    }
  }

  /** What a scan found: the page's rows, keyed as the query's SELECT wrote them, and the total. */
  record Result(List<Map<String, Object>> rows, long matched) {}

  private record Row(String id, Map<String, Object> fields, RowAccessor accessor) {}

  private final Jdbc jdbc;
  private final JsonCodec json;

  MirrorScan(Jdbc jdbc, JsonCodec json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * @throws NotInMirror when a field the query reads is missing from a row (not synced)
   */
  Result run(String orgId, String object, MirrorQuery query, EvaluationContext ctx) {
    Map<String, String> keys = new HashMap<>();
    int wanted = query.count() ? 0 : query.offset() + query.limit();
    Comparator<Row> order =
        query.orderBy().isEmpty()
            ? null
            : Comparator.comparing(Row::accessor, SoqlEvaluator.comparator(query.orderBy(), ctx))
                .thenComparing(Row::id);
    PriorityQueue<Row> top = order == null ? null : new PriorityQueue<>(order.reversed());
    Deque<Row> first = new ArrayDeque<>();
    long matched =
        jdbc.inTransaction(
            () ->
                jdbc.withConnection(
                    c -> {
                      long n = 0;
                      try (PreparedStatement ps =
                          c.prepareStatement(
                              "SELECT record_id, fields FROM sync_records WHERE org_id = ?"
                                  + " AND object_name = ? AND is_deleted = FALSE"
                                  + " ORDER BY record_id")) {
                        ps.setFetchSize(FETCH_SIZE);
                        ps.setString(1, orgId);
                        ps.setString(2, object);
                        try (ResultSet rs = ps.executeQuery()) {
                          while (rs.next()) {
                            Map<String, Object> fields = json.readMap(rs.getString("fields"));
                            RowAccessor row = accessor(fields, keys, query);
                            if (query.where() != null
                                && !SoqlEvaluator.matches(query.where(), row, ctx)) {
                              continue;
                            }
                            n++;
                            if (wanted == 0) {
                              continue;
                            }
                            Row kept = new Row(rs.getString("record_id"), fields, row);
                            if (top != null) {
                              top.add(kept);
                              if (top.size() > wanted) {
                                top.poll();
                              }
                            } else if (first.size() < wanted) {
                              first.add(kept);
                            }
                          }
                        }
                      }
                      return n;
                    }));
    List<Row> ordered = new ArrayList<>(top != null ? top : first);
    if (order != null) {
      ordered.sort(order);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = query.offset(); i < ordered.size(); i++) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (String path : query.select()) {
        out.put(path, ordered.get(i).fields().get(keys.get(path)));
      }
      rows.add(out);
    }
    return new Result(rows, matched);
  }

  /**
   * A view of one row for the evaluator, after checking that it holds every field the query reads.
   * Names resolve case-insensitively once, against the first row; datetimes read as instants.
   */
  private static RowAccessor accessor(
      Map<String, Object> fields, Map<String, String> keys, MirrorQuery query) {
    for (String path : query.paths()) {
      String key = keys.get(path);
      if (key == null) {
        key =
            fields.keySet().stream()
                .filter(path::equalsIgnoreCase)
                .findFirst()
                .orElseThrow(NotInMirror::new);
        keys.put(path, key);
      } else if (!fields.containsKey(key)) {
        throw new NotInMirror();
      }
    }
    return path -> {
      String key = keys.get(path);
      Object value = key == null ? null : fields.get(key);
      if (value instanceof String text && DATETIME.matcher(text).matches()) {
        try {
          return SalesforceTime.parseDateTime(text);
        } catch (IllegalArgumentException notADatetime) {
          return text;
        }
      }
      return value;
    };
  }
}
