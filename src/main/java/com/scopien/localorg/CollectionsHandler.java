package com.scopien.localorg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * sObject Collections under {@code /composite/sobjects}: create (POST), update (PATCH), delete
 * (DELETE {@code ?ids=}), upsert (PATCH {@code /{type}/{externalIdField}}) of up to 200 records,
 * and retrieve (GET {@code /{type}?ids=&fields=} or POST {@code /{type}} with {@code {ids,
 * fields}}). A well-formed request answers 200 with one result per record, in order; record errors
 * use {@code statusCode}. With {@code allOrNone} any failure undoes the whole request and every
 * other record reports ALL_OR_NONE_OPERATION_ROLLED_BACK. The request is one API call and readers
 * never see it half applied.
 */
final class CollectionsHandler {

  static final int MAX_RECORDS = 200;
  static final int MAX_RETRIEVE = 2_000;

  /**
   * One record's result: its Id when known, whether the write inserted it, what an upsert reports
   * as {@code created} (null for other operations), or its error.
   */
  private record Outcome(String id, boolean inserted, Boolean created, ApiError error) {
    static Outcome ok(String id) {
      return new Outcome(id, false, null, null);
    }

    static Outcome failed(String id, ApiError error) {
      return new Outcome(id, false, null, error);
    }
  }

  private final RecordStore store;
  private final RecordWriter writer;

  CollectionsHandler(RecordStore store, RecordWriter writer) {
    this.store = store;
    this.writer = writer;
  }

  void create(RestCall call) {
    JsonNode body = call.jsonBody();
    run(
        call,
        body,
        records(body),
        record ->
            new Outcome(
                writer.create(typeOf(record, null), record, call.userId()), true, null, null));
  }

  void update(RestCall call) {
    JsonNode body = call.jsonBody();
    run(call, body, records(body), record -> updateOne(record, call.userId()));
  }

  void upsert(RestCall call) {
    ObjectDef object = DescribeHandler.objectOf(call, store.schema());
    FieldDef key = ExternalIdHandler.externalIdField(object, call.ctx().pathParam("field"));
    JsonNode body = call.jsonBody();
    run(call, body, records(body), record -> upsertOne(object, key, record, call.userId()));
  }

  void delete(RestCall call) {
    List<JsonNode> ids = new ArrayList<>();
    String param = call.ctx().queryParam("ids");
    if (param != null && !param.isBlank()) {
      for (String id : param.split(",")) {
        ids.add(WireFormat.JSON.getNodeFactory().textNode(id.trim()));
      }
    }
    checkSize(ids.size(), MAX_RECORDS);
    boolean allOrNone = Boolean.parseBoolean(call.ctx().queryParam("allOrNone"));
    call.reply(200, apply(ids, allOrNone, id -> deleteOne(id.asText(), call.userId())));
  }

  void retrieve(RestCall call) {
    ObjectDef object = DescribeHandler.objectOf(call, store.schema());
    List<String> ids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    if (call.ctx().method().name().equals("POST")) {
      JsonNode body = call.jsonBody();
      body.path("ids").forEach(id -> ids.add(id.asText()));
      body.path("fields").forEach(field -> names.add(field.asText()));
    } else {
      split(call.ctx().queryParam("ids"), ids);
      split(call.ctx().queryParam("fields"), names);
    }
    checkSize(ids.size(), MAX_RETRIEVE);
    List<FieldDef> fields = SObjectHandler.fields(object, names);
    List<ObjectNode> rows = new ArrayList<>();
    for (String id : ids) {
      StoredRecord row =
          SalesforceIds.normalize(id)
              .flatMap(store::find)
              .filter(r -> r.object() == object && !r.deleted())
              .orElse(null);
      rows.add(row == null ? null : RecordJson.of(row, fields, call.base()));
    }
    call.reply(200, rows);
  }

  private void run(
      RestCall call, JsonNode body, List<JsonNode> records, Function<JsonNode, Outcome> write) {
    checkSize(records.size(), MAX_RECORDS);
    call.reply(200, apply(records, body.path("allOrNone").asBoolean(false), write));
  }

  private List<Map<String, Object>> apply(
      List<JsonNode> inputs, boolean allOrNone, Function<JsonNode, Outcome> write) {
    List<Outcome> outcomes =
        writer.atomically(
            rollback -> {
              List<Outcome> done = new ArrayList<>();
              for (JsonNode input : inputs) {
                try {
                  done.add(write.apply(input));
                } catch (ApiError e) {
                  done.add(Outcome.failed(null, e));
                }
              }
              if (allOrNone && done.stream().anyMatch(o -> o.error() != null)) {
                rollback.run();
                done.replaceAll(o -> o.error() != null ? o : rolledBack(o));
              }
              return done;
            });
    List<Map<String, Object>> results = new ArrayList<>();
    outcomes.forEach(o -> results.add(render(o)));
    return results;
  }

  private Outcome updateOne(JsonNode record, String userId) {
    String idText = text(record, "Id");
    if (idText == null) {
      throw ApiError.badRequest(
          "MISSING_ARGUMENT", "Id not specified in an update call", List.of("Id"));
    }
    StoredRecord row = store.live(idText, typeOf(record, idText));
    try {
      writer.update(row, withoutId(record), userId);
      return Outcome.ok(row.id());
    } catch (ApiError e) {
      return Outcome.failed(row.id(), e);
    }
  }

  private Outcome upsertOne(ObjectDef object, FieldDef key, JsonNode record, String userId) {
    String value = text(record, key.name());
    if (value == null) {
      throw ApiError.badRequest(
          "MISSING_ARGUMENT", key.name() + " not specified", List.of(key.name()));
    }
    RecordWriter.Upsert result = writer.upsert(object, key, value, record, userId);
    if (result.isAmbiguous()) {
      List<String> ids = result.ambiguous().stream().map(StoredRecord::id).toList();
      throw ApiError.badRequest(
          "DUPLICATE_EXTERNAL_ID",
          key.name() + ": more than one record found for external id field: " + ids,
          List.of(key.name()));
    }
    return new Outcome(result.id(), result.created(), result.created(), null);
  }

  private Outcome deleteOne(String idText, String userId) {
    StoredRecord row = store.live(idText, null);
    try {
      writer.delete(row, userId);
      return Outcome.ok(row.id());
    } catch (ApiError e) {
      return Outcome.failed(row.id(), e);
    }
  }

  /** The object named in {@code attributes.type}, else the one the Id's prefix names. */
  private ObjectDef typeOf(JsonNode record, String idText) {
    String type = record.path("attributes").path("type").asText(null);
    if (type == null && idText != null && idText.length() >= 3) {
      return store.schema().byKeyPrefix(idText.substring(0, 3)).orElse(null);
    }
    if (type == null) {
      throw ApiError.badRequest("INVALID_TYPE", "Must send a concrete entity type.", List.of());
    }
    return store
        .schema()
        .find(type)
        .orElseThrow(
            () ->
                ApiError.badRequest(
                    "INVALID_TYPE", "sObject type '" + type + "' is not supported.", List.of()));
  }

  private static List<JsonNode> records(JsonNode body) {
    JsonNode records = body.get("records");
    if (records == null || !records.isArray()) {
      throw ApiError.badRequest(
          "JSON_PARSER_ERROR", "The request body must hold a 'records' array.");
    }
    List<JsonNode> list = new ArrayList<>();
    records.forEach(list::add);
    return list;
  }

  private static void checkSize(int size, int max) {
    if (size > max) {
      throw ApiError.badRequest(
          "EXCEEDED_ID_LIMIT",
          "record limit reached. cannot submit more than " + max + " records into this call");
    }
  }

  private static JsonNode withoutId(JsonNode record) {
    if (!record.isObject()) {
      return record;
    }
    ObjectNode copy = ((ObjectNode) record).deepCopy();
    for (Iterator<String> names = copy.fieldNames(); names.hasNext(); ) {
      if (names.next().equalsIgnoreCase("Id")) {
        names.remove();
      }
    }
    return copy;
  }

  /** A field's value as text, looked up ignoring case; null when absent or null. */
  private static String text(JsonNode record, String field) {
    for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (entry.getKey().equalsIgnoreCase(field) && entry.getValue().isValueNode()) {
        return entry.getValue().isNull() ? null : entry.getValue().asText();
      }
    }
    return null;
  }

  private static void split(String param, List<String> into) {
    if (param != null && !param.isBlank()) {
      for (String part : param.split(",")) {
        into.add(part.trim());
      }
    }
  }

  private static Outcome rolledBack(Outcome done) {
    // A rolled-back insert has no record, so its Id is not reported.
    return Outcome.failed(
        done.inserted() ? null : done.id(),
        ApiError.badRequest(
            "ALL_OR_NONE_OPERATION_ROLLED_BACK",
            "Record rolled back because not all records were valid and the request was using"
                + " AllOrNone header",
            List.of()));
  }

  private static Map<String, Object> render(Outcome outcome) {
    Map<String, Object> result = new LinkedHashMap<>();
    if (outcome.id() != null) {
      result.put("id", outcome.id());
    }
    result.put("success", outcome.error() == null);
    List<Map<String, Object>> errors = new ArrayList<>();
    if (outcome.error() != null) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("statusCode", outcome.error().errorCode());
      error.put("message", outcome.error().getMessage());
      error.put("fields", outcome.error().fields() == null ? List.of() : outcome.error().fields());
      errors.add(error);
    }
    result.put("errors", errors);
    if (outcome.created() != null) {
      result.put("created", outcome.created());
    }
    return result;
  }
}
