package com.scopien.sync;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.scopien.ScopienException;
import com.scopien.salesforce.SalesforceTime;
import com.scopien.soql.EvaluationContext;
import com.scopien.soql.RowAccessor;
import com.scopien.soql.SoqlEvaluator;
import com.scopien.store.Jdbc;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
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

  private static final JsonFactory JSON = new JsonFactory();

  private final Jdbc jdbc;

  MirrorScan(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @throws NotInMirror when a field the query reads is missing from a row (not synced)
   */
  Result run(String orgId, String object, MirrorQuery query, EvaluationContext ctx) {
    Map<String, String> keys = new HashMap<>();
    Set<String> wantedKeys = new HashSet<>();
    query.paths().forEach(p -> wantedKeys.add(p.toLowerCase(Locale.ROOT)));
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
                            Map<String, Object> fields = pick(rs.getString("fields"), wantedKeys);
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
   * The fields of a stored JSON document that the query reads, without building the rest: most rows
   * are read only to be filtered out, so this is where a scan spends its time.
   */
  static Map<String, Object> pick(String document, Set<String> wanted) {
    Map<String, Object> fields = new HashMap<>();
    try (JsonParser parser = JSON.createParser(document)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new ScopienException(
            ScopienException.Kind.INTERNAL, "corrupt_json", "A stored record is unreadable");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken token = parser.nextToken();
        if (!wanted.contains(name.toLowerCase(Locale.ROOT))) {
          parser.skipChildren();
          continue;
        }
        fields.put(
            name,
            switch (token) {
              case VALUE_NULL -> null;
              case VALUE_TRUE -> Boolean.TRUE;
              case VALUE_FALSE -> Boolean.FALSE;
              case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
              case VALUE_STRING -> parser.getText();
              default -> {
                parser.skipChildren();
                yield null;
              }
            });
      }
      return fields;
    } catch (IOException e) {
      throw new ScopienException(
          ScopienException.Kind.INTERNAL, "corrupt_json", "A stored record is unreadable", e);
    }
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
