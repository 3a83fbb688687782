package com.scopien.localorg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows addressed by an External Id: {@code PATCH /sobjects/{type}/{field}/{value}} upserts (201
 * {@code created:true} when inserted; 200 {@code created:false} when updated, 204 before API 46.0;
 * 300 with the matching rows' URLs when several match) and {@code GET} reads the matching row. A
 * field that is not an External Id is 404 NOT_FOUND, as Salesforce answers.
 */
final class ExternalIdHandler {

  /** The first version whose upsert updates answer 200 with a body instead of 204. */
  private static final double UPDATE_BODY_SINCE = 46.0;

  private final RecordStore store;
  private final RecordWriter writer;

  ExternalIdHandler(RecordStore store, RecordWriter writer) {
    this.store = store;
    this.writer = writer;
  }

  void upsert(RestCall call) {
    ObjectDef object = DescribeHandler.objectOf(call, store.schema());
    FieldDef key = externalIdField(object, call.ctx().pathParam("field"));
    String value = call.ctx().pathParam("value");
    RecordWriter.Upsert result = writer.upsert(object, key, value, call.jsonBody(), call.userId());
    if (result.isAmbiguous()) {
      call.reply(300, urls(call, result.ambiguous()));
      return;
    }
    if (!result.created() && Double.parseDouble(call.version()) < UPDATE_BODY_SINCE) {
      call.ctx().status(204);
      return;
    }
    call.reply(result.created() ? 201 : 200, saveResult(result.id(), result.created()));
  }

  /** POST on an External Id path: only the {@code _HttpMethod=PATCH} override is allowed. */
  void post(RestCall call) {
    if (!"PATCH".equalsIgnoreCase(call.ctx().queryParam("_HttpMethod"))) {
      throw new ApiError(
          405,
          "METHOD_NOT_ALLOWED",
          "HTTP Method 'POST' not allowed. Allowed are HEAD,GET,PATCH,DELETE",
          null);
    }
    upsert(call);
  }

  void get(RestCall call) {
    ObjectDef object = DescribeHandler.objectOf(call, store.schema());
    FieldDef key = externalIdField(object, call.ctx().pathParam("field"));
    List<StoredRecord> matches = store.byExternalId(object, key, call.ctx().pathParam("value"));
    if (matches.isEmpty()) {
      throw ApiError.notFound();
    }
    if (matches.size() > 1) {
      call.reply(300, urls(call, matches));
      return;
    }
    call.reply(200, RecordJson.of(matches.get(0), object.fields(), call.base()));
  }

  /** The object's External Id field of that name; 404 NOT_FOUND for anything else. */
  static FieldDef externalIdField(ObjectDef object, String name) {
    return object
        .field(name)
        .filter(FieldDef::externalId)
        .orElseThrow(
            () ->
                new ApiError(
                    404,
                    "NOT_FOUND",
                    "Provided external ID field does not exist or is not accessible: " + name,
                    null));
  }

  static Map<String, Object> saveResult(String id, boolean created) {
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("id", id);
    reply.put("success", true);
    reply.put("errors", List.of());
    reply.put("created", created);
    return reply;
  }

  private static List<String> urls(RestCall call, List<StoredRecord> rows) {
    List<String> urls = new ArrayList<>();
    for (StoredRecord row : rows) {
      urls.add(call.base() + "/sobjects/" + row.object().name() + "/" + row.id());
    }
    return urls;
  }
}
