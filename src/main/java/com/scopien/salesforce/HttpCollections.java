package com.scopien.salesforce;

import static com.scopien.salesforce.HttpSalesforceClient.FIELD_PATH;
import static com.scopien.salesforce.HttpSalesforceClient.ID;
import static com.scopien.salesforce.HttpSalesforceClient.NAME;
import static com.scopien.salesforce.HttpSalesforceClient.check;
import static com.scopien.salesforce.HttpSalesforceClient.encode;
import static com.scopien.salesforce.HttpSalesforceClient.invalid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SObjectCollections} over {@code /composite/sobjects} and {@code
 * /sobjects/{type}/{field}/{value}}. Inputs are checked (count, names, Ids) before anything is
 * sent; replies are read into {@link SaveResult}s in input order.
 */
final class HttpCollections implements SObjectCollections {

  private static final int MAX_RETRIEVE = 2_000;

  private final RestExecutor executor;
  private final ObjectMapper mapper;
  private final String base;

  HttpCollections(RestExecutor executor, ObjectMapper mapper, String base) {
    this.executor = executor;
    this.mapper = mapper;
    this.base = base;
  }

  @Override
  public List<SaveResult> create(List<SObjectRecord> records, boolean allOrNone) {
    for (SObjectRecord record : records) {
      if (record.fields().keySet().stream().anyMatch(k -> k.equalsIgnoreCase("Id"))) {
        throw invalid("INVALID_FIELD", "Records to create must not carry an Id.");
      }
    }
    String body = body(records, allOrNone);
    return saveResults(
        send("POST", base + "/composite/sobjects", null, body, false), records.size());
  }

  @Override
  public List<SaveResult> update(List<SObjectRecord> records, boolean allOrNone) {
    for (SObjectRecord record : records) {
      check(ID, record.id(), "MALFORMED_ID", "record Id");
    }
    String body = body(records, allOrNone);
    return saveResults(
        send("PATCH", base + "/composite/sobjects", null, body, true), records.size());
  }

  @Override
  public List<SaveResult> upsert(
      String object, String externalIdField, List<SObjectRecord> records, boolean allOrNone) {
    String path =
        base
            + "/composite/sobjects/"
            + check(NAME, object, "INVALID_TYPE", "object name")
            + "/"
            + check(NAME, externalIdField, "INVALID_FIELD", "External Id field");
    List<SObjectRecord> typed = new ArrayList<>();
    for (SObjectRecord record : records) {
      if (record.fields().get(externalIdField) == null) {
        throw invalid(
            "MISSING_ARGUMENT", "Every record needs a value for " + externalIdField + ".");
      }
      typed.add(new SObjectRecord(object, record.fields()));
    }
    String body = body(typed, allOrNone);
    return saveResults(send("PATCH", path, null, body, true), records.size());
  }

  @Override
  public List<SaveResult> delete(List<String> ids, boolean allOrNone) {
    checkSize(ids.size(), MAX_RECORDS);
    if (ids.isEmpty()) {
      return List.of();
    }
    ids.forEach(id -> check(ID, id, "MALFORMED_ID", "record Id"));
    String query = "ids=" + String.join(",", ids) + "&allOrNone=" + allOrNone;
    return saveResults(send("DELETE", base + "/composite/sobjects", query, null, true), ids.size());
  }

  @Override
  public List<Optional<SObjectRecord>> retrieve(
      String object, List<String> ids, List<String> fields) {
    checkSize(ids.size(), MAX_RETRIEVE);
    if (ids.isEmpty()) {
      return List.of();
    }
    ids.forEach(id -> check(ID, id, "MALFORMED_ID", "record Id"));
    fields.forEach(f -> check(FIELD_PATH, f, "INVALID_FIELD", "field name"));
    ObjectNode body = mapper.createObjectNode();
    ids.forEach(body.putArray("ids")::add);
    fields.forEach(body.putArray("fields")::add);
    String path =
        base + "/composite/sobjects/" + check(NAME, object, "INVALID_TYPE", "object name");
    JsonNode reply = send("POST", path, null, body.toString(), true);
    List<Optional<SObjectRecord>> records = new ArrayList<>();
    for (JsonNode node : array(reply, ids.size())) {
      records.add(node.isNull() ? Optional.empty() : Optional.of(SalesforceJson.record(node)));
    }
    return records;
  }

  @Override
  public SaveResult upsert(
      String object, String externalIdField, String externalId, Map<String, Object> fields) {
    if (externalId == null || externalId.isBlank()) {
      throw invalid("MISSING_ARGUMENT", "The External Id value is empty.");
    }
    String path =
        base
            + "/sobjects/"
            + check(NAME, object, "INVALID_TYPE", "object name")
            + "/"
            + check(NAME, externalIdField, "INVALID_FIELD", "External Id field")
            + "/"
            + encode(externalId);
    String body;
    try {
      body = mapper.writeValueAsString(fields == null ? Map.of() : fields);
    } catch (JsonProcessingException e) {
      throw invalid("JSON_PARSER_ERROR", "A field value cannot be sent as JSON.");
    }
    ApiResponse response =
        executor.execute(new ApiRequest("PATCH", path, null, body, true, Map.of()));
    if (response.status() == 204) {
      return new SaveResult(null, true, false, List.of());
    }
    return saveResult(parse(response));
  }

  private JsonNode send(String method, String path, String query, String body, boolean idempotent) {
    return parse(executor.execute(new ApiRequest(method, path, query, body, idempotent, Map.of())));
  }

  private String body(List<SObjectRecord> records, boolean allOrNone) {
    checkSize(records.size(), MAX_RECORDS);
    ObjectNode body = mapper.createObjectNode();
    body.put("allOrNone", allOrNone);
    ArrayNode array = body.putArray("records");
    for (SObjectRecord record : records) {
      ObjectNode node = array.addObject();
      node.putObject("attributes")
          .put("type", check(NAME, record.type(), "INVALID_TYPE", "object name"));
      record.fields().forEach((name, value) -> node.set(name, mapper.valueToTree(value)));
    }
    return body.toString();
  }

  private JsonNode parse(ApiResponse response) {
    try {
      return mapper.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw SalesforceErrors.unexpected(response.status(), "reply (not JSON)");
    }
  }

  private static List<SaveResult> saveResults(JsonNode reply, int expected) {
    List<SaveResult> results = new ArrayList<>();
    for (JsonNode node : array(reply, expected)) {
      results.add(saveResult(node));
    }
    return results;
  }

  static SaveResult saveResult(JsonNode node) {
    List<SaveResult.RecordError> errors = new ArrayList<>();
    for (JsonNode error : node.path("errors")) {
      List<String> fields = new ArrayList<>();
      error.path("fields").forEach(f -> fields.add(f.asText()));
      String code =
          error.hasNonNull("statusCode")
              ? error.get("statusCode").asText()
              : error.path("errorCode").asText("UNKNOWN");
      errors.add(new SaveResult.RecordError(code, error.path("message").asText(""), fields));
    }
    JsonNode id = node.get("id");
    return new SaveResult(
        id == null || id.isNull() ? null : id.asText(),
        node.path("success").asBoolean(false),
        node.path("created").asBoolean(false),
        errors);
  }

  private static JsonNode array(JsonNode reply, int expected) {
    if (!reply.isArray() || reply.size() != expected) {
      throw SalesforceErrors.unexpected(200, "collection reply (not one result per record)");
    }
    return reply;
  }

  private static void checkSize(int size, int max) {
    if (size > max) {
      throw invalid(
          "EXCEEDED_ID_LIMIT", "At most " + max + " records go in one call; got " + size + ".");
    }
  }
}
