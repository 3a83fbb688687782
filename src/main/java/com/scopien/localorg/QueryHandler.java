package com.scopien.localorg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code GET /query?q=} and {@code /queryAll?q=} (which also sees deleted rows), and the next pages
 * at {@code /query/<locator>-<offset>}. Pages hold up to 2,000 rows ({@code Sforce-Query-Options:
 * batchSize=N}, 200 to 2,000); {@code totalSize} counts every row the query matched; COUNT()
 * answers with totalSize and no records; aggregate queries answer in one page.
 */
final class QueryHandler {

  static final int DEFAULT_BATCH = 2_000;
  static final int MIN_BATCH = 200;

  private final QueryPlanner planner;
  private final QueryExecutor executor;
  private final Aggregator aggregator;
  private final QueryRowJson json;
  private final QueryCursors cursors;
  private final RecycleBin recycleBin;

  QueryHandler(
      RecordStore store, QueryExecutor executor, QueryCursors cursors, RecycleBin recycleBin) {
    this.planner = new QueryPlanner(store, executor);
    this.executor = executor;
    this.aggregator = new Aggregator(executor);
    this.json = new QueryRowJson(store, executor);
    this.cursors = cursors;
    this.recycleBin = recycleBin;
  }

  void query(RestCall call, boolean includeDeleted) {
    String soql = call.ctx().queryParam("q");
    if (soql == null || soql.isBlank()) {
      throw ApiError.badRequest("MALFORMED_QUERY", "A query string has to be specified");
    }
    QueryPlan plan = planner.plan(soql);
    if (includeDeleted) {
      recycleBin.purgeExpired();
    }
    switch (plan.kind()) {
      case COUNT ->
          call.reply(
              200,
              done(executor.rows(plan, includeDeleted).size(), WireFormat.JSON.createArrayNode()));
      case AGGREGATE -> {
        List<ObjectNode> records = aggregator.run(plan, includeDeleted);
        ArrayNode array = WireFormat.JSON.createArrayNode();
        records.forEach(array::add);
        call.reply(200, done(records.size(), array));
      }
      case RECORDS -> {
        List<StoredRecord> rows = executor.rows(plan, includeDeleted);
        int batch = batchSize(call);
        String locator = rows.size() > batch ? cursors.open(plan, rows, includeDeleted) : null;
        call.reply(200, page(call, plan, rows, 0, batch, locator, includeDeleted));
      }
    }
  }

  void more(RestCall call) {
    String param = call.ctx().pathParam("locator");
    int dash = param.lastIndexOf('-');
    String locator = dash < 0 ? param : param.substring(0, dash);
    int offset;
    try {
      offset = dash < 0 ? -1 : Integer.parseInt(param.substring(dash + 1));
    } catch (NumberFormatException e) {
      offset = -1;
    }
    QueryCursors.Cursor cursor = cursors.find(locator).orElse(null);
    if (cursor == null || offset <= 0 || offset >= cursor.rows().size()) {
      throw ApiError.badRequest("INVALID_QUERY_LOCATOR", "invalid query locator");
    }
    call.reply(
        200,
        page(
            call,
            cursor.plan(),
            cursor.rows(),
            offset,
            batchSize(call),
            locator,
            cursor.includeDeleted()));
  }

  private ObjectNode page(
      RestCall call,
      QueryPlan plan,
      List<StoredRecord> rows,
      int from,
      int batch,
      String locator,
      boolean includeDeleted) {
    int to = Math.min(from + batch, rows.size());
    ObjectNode page = WireFormat.JSON.createObjectNode();
    page.put("totalSize", rows.size());
    page.put("done", to >= rows.size());
    if (to < rows.size()) {
      page.put(
          "nextRecordsUrl",
          call.base() + (includeDeleted ? "/queryAll/" : "/query/") + locator + "-" + to);
    }
    page.set("records", json.rows(plan, rows.subList(from, to), call.base(), includeDeleted));
    return page;
  }

  private static ObjectNode done(int totalSize, ArrayNode records) {
    ObjectNode page = WireFormat.JSON.createObjectNode();
    page.put("totalSize", totalSize);
    page.put("done", true);
    page.set("records", records);
    return page;
  }

  /** {@code Sforce-Query-Options: batchSize=N}, held to 200..2,000; 2,000 when absent or bad. */
  static int batchSize(RestCall call) {
    String header = call.ctx().header("Sforce-Query-Options");
    if (header == null) {
      return DEFAULT_BATCH;
    }
    for (String option : header.split(",")) {
      String[] pair = option.trim().split("=", 2);
      if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("batchSize")) {
        try {
          int size = Integer.parseInt(pair[1].trim());
          return Math.max(MIN_BATCH, Math.min(DEFAULT_BATCH, size));
        } catch (NumberFormatException e) {
          return DEFAULT_BATCH;
        }
      }
    }
    return DEFAULT_BATCH;
  }
}
