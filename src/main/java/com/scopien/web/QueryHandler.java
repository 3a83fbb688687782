package com.scopien.web;

import com.scopien.agent.SoqlQueryService;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /api/query}: SOQL through Scopien, checked before it reaches the org. */
final class QueryHandler {
  private final SoqlQueryService queries;
  private final JsonBodyReader reader;

  QueryHandler(SoqlQueryService queries, JsonBodyReader reader) {
    this.queries = queries;
    this.reader = reader;
  }

  void query(Context ctx) {
    JsonBodyReader.Body body = reader.read(ctx);
    String soql = body.requiredText("soql");
    String org = body.optionalText("org").orElse(null);
    SoqlQueryService.Result result = queries.query(ApiKeyAuthHandler.user(ctx), org, soql);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("org", WireFormat.orgRef(result.org()));
    out.put("totalSize", result.totalSize());
    out.put("done", result.done());
    out.put("records", result.records());
    out.put("source", result.asOf() == null ? "live" : "mirror");
    if (result.asOf() != null) {
      out.put("asOf", result.asOf().toString());
    }
    ctx.json(out);
  }
}
