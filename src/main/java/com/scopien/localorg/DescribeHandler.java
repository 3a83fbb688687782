package com.scopien.localorg;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /sobjects} (describeGlobal), {@code GET /sobjects/{type}} (basic information) and
 * {@code GET /sobjects/{type}/describe}. An unknown object is 404 NOT_FOUND here (SOQL says
 * INVALID_TYPE instead). Describes honour {@code If-Modified-Since}: the schema never changes after
 * the org starts, so a date at or after that answers 304 Not Modified with no body.
 */
final class DescribeHandler {

  private final OrgSchema schema;
  private final DescribeJson json;
  private final Instant schemaChanged;

  DescribeHandler(OrgSchema schema, Instant schemaChanged) {
    this.schema = schema;
    this.json = new DescribeJson(schema);
    this.schemaChanged = schemaChanged.truncatedTo(ChronoUnit.SECONDS);
  }

  void global(RestCall call) {
    if (notModified(call)) {
      return;
    }
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
    ObjectDef object = objectOf(call);
    if (notModified(call)) {
      return;
    }
    call.reply(200, json.describe(object, call.base()));
  }

  /** Answers 304 when the client's copy is as new as the schema; sets Last-Modified otherwise. */
  private boolean notModified(RestCall call) {
    String since = call.ctx().header("If-Modified-Since");
    if (since != null) {
      try {
        Instant known =
            ZonedDateTime.parse(since, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        if (!known.isBefore(schemaChanged)) {
          call.ctx().status(304);
          return true;
        }
      } catch (DateTimeParseException e) {
        // An unreadable date is ignored, as HTTP asks.
      }
    }
    call.ctx()
        .header(
            "Last-Modified",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(schemaChanged.atZone(ZoneOffset.UTC)));
    return false;
  }

  static ObjectDef objectOf(RestCall call, OrgSchema schema) {
    return schema.find(call.ctx().pathParam("type")).orElseThrow(ApiError::notFound);
  }

  private ObjectDef objectOf(RestCall call) {
    return objectOf(call, schema);
  }
}
