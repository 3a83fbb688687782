package com.scopien.localorg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /sobjects} (describeGlobal), {@code GET /sobjects/{type}} (basic information) and
 * {@code GET /sobjects/{type}/describe}. An unknown object is 404 NOT_FOUND here (SOQL says
 * INVALID_TYPE instead).
 */
final class DescribeHandler {

  private final OrgSchema schema;
  private final DescribeJson json;

  DescribeHandler(OrgSchema schema) {
    this.schema = schema;
    this.json = new DescribeJson(schema);
  }

  void global(RestCall call) {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (ObjectDef object : schema.objects()) {
      objects.add(json.globalEntry(object, call.base()));
    }
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("encoding", "UTF-8");
    reply.put("maxBatchSize", 200);
    reply.put("sobjects", objects);
    call.reply(200, reply);
  }

  void basic(RestCall call) {
    ObjectDef object = objectOf(call);
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("objectDescribe", json.globalEntry(object, call.base()));
    reply.put("recentItems", List.of());
    call.reply(200, reply);
  }

  void describe(RestCall call) {
    call.reply(200, json.describe(objectOf(call), call.base()));
  }

  static ObjectDef objectOf(RestCall call, OrgSchema schema) {
    return schema.find(call.ctx().pathParam("type")).orElseThrow(ApiError::notFound);
  }

  private ObjectDef objectOf(RestCall call) {
    return objectOf(call, schema);
  }
}
