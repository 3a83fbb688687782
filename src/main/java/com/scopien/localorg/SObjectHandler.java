package com.scopien.localorg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * sObject rows: {@code POST /sobjects/{type}} (201 {@code {id, success, errors}}), and {@code GET}
 * / {@code PATCH} / {@code DELETE /sobjects/{type}/{id}} (204 for the writes; POST with {@code
 * ?_HttpMethod=PATCH} also updates). Ids may be 15 or 18 characters; deleted rows answer 404
 * ENTITY_IS_DELETED.
 */
final class SObjectHandler {

  private final RecordStore store;
  private final RecordWriter writer;

  SObjectHandler(RecordStore store, RecordWriter writer) {
    this.store = store;
    this.writer = writer;
  }

  void create(RestCall call) {
    ObjectDef object = DescribeHandler.objectOf(call, store.schema());
    String id = writer.create(object, call.jsonBody(), call.userId());
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("id", id);
    reply.put("success", true);
    reply.put("errors", List.of());
    call.reply(201, reply);
  }

  void get(RestCall call) {
    StoredRecord row = live(call);
    List<String> names = new ArrayList<>();
    String fieldsParam = call.ctx().queryParam("fields");
    if (fieldsParam != null && !fieldsParam.isBlank()) {
      for (String name : fieldsParam.split(",")) {
        names.add(name.trim());
      }
    }
    call.reply(200, RecordJson.of(row, fields(row.object(), names), call.base()));
  }

  /**
   * The fields a read asked for, Id included; every field when none are named.
   *
   * @throws ApiError INVALID_FIELD for a name the object does not have
   */
  static List<FieldDef> fields(ObjectDef object, List<String> names) {
    if (names.isEmpty()) {
      return object.fields();
    }
    List<FieldDef> fields = new ArrayList<>();
    for (String name : names) {
      fields.add(
          object.field(name).orElseThrow(() -> ApiError.noSuchColumn("", name, object.name())));
    }
    FieldDef id = object.fields().get(0);
    if (!fields.contains(id)) {
      fields.add(id);
    }
    return fields;
  }

  /** POST on a row: only the {@code _HttpMethod=PATCH} override is allowed. */
  void post(RestCall call) {
    if (!"PATCH".equalsIgnoreCase(call.ctx().queryParam("_HttpMethod"))) {
      throw new ApiError(
          405,
          "METHOD_NOT_ALLOWED",
          "HTTP Method 'POST' not allowed. Allowed are HEAD,GET,PATCH,DELETE",
          null);
    }
    update(call);
  }

  void update(RestCall call) {
    StoredRecord row = live(call);
    writer.update(row, call.jsonBody(), call.userId());
    call.ctx().status(204);
  }

  void delete(RestCall call) {
    writer.delete(live(call), call.userId());
    call.ctx().status(204);
  }

  private StoredRecord live(RestCall call) {
    ObjectDef object = DescribeHandler.objectOf(call, store.schema());
    String idText = call.ctx().pathParam("id");
    StoredRecord row = find(store, object, idText);
    if (row.deleted()) {
      throw ApiError.entityIsDeleted();
    }
    return row;
  }

  /** The row of this object with the given Id, deleted or not; 404 NOT_FOUND otherwise. */
  static StoredRecord find(RecordStore store, ObjectDef object, String idText) {
    String id =
        SalesforceIds.normalize(idText)
            .orElseThrow(
                () ->
                    new ApiError(
                        404,
                        "NOT_FOUND",
                        "Provided external ID field does not exist or is not accessible: " + idText,
                        null));
    if (!SalesforceIds.keyPrefix(id).equals(object.keyPrefix())) {
      throw ApiError.notFound();
    }
    return store.find(id).orElseThrow(ApiError::notFound);
  }
}
