package com.scopien.salesforce;

import static com.scopien.salesforce.HttpSalesforceClient.NAME;
import static com.scopien.salesforce.HttpSalesforceClient.check;
import static com.scopien.salesforce.HttpSalesforceClient.encode;
import static com.scopien.salesforce.HttpSalesforceClient.invalid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link ReplicationClient} over {@code /sobjects/{type}/updated/} and {@code /deleted/}. */
final class HttpReplication implements ReplicationClient {

  private final RestExecutor executor;
  private final ObjectMapper mapper;
  private final String base;

  HttpReplication(RestExecutor executor, ObjectMapper mapper, String base) {
    this.executor = executor;
    this.mapper = mapper;
    this.base = base;
  }

  @Override
  public UpdatedRecords updated(String object, Instant start, Instant end) {
    JsonNode reply = get(object, "updated", start, end);
    List<String> ids = new ArrayList<>();
    reply.path("ids").forEach(id -> ids.add(id.asText()));
    return new UpdatedRecords(ids, instant(reply, "latestDateCovered"));
  }

  @Override
  public DeletedRecords deleted(String object, Instant start, Instant end) {
    JsonNode reply = get(object, "deleted", start, end);
    List<DeletedRecord> records = new ArrayList<>();
    for (JsonNode record : reply.path("deletedRecords")) {
      records.add(new DeletedRecord(record.path("id").asText(), instant(record, "deletedDate")));
    }
    return new DeletedRecords(
        records, instant(reply, "earliestDateAvailable"), instant(reply, "latestDateCovered"));
  }

  private JsonNode get(String object, String resource, Instant start, Instant end) {
    if (start == null || end == null || !start.isBefore(end)) {
      throw invalid("INVALID_REPLICATION_DATE", "The window must have a start before its end.");
    }
    String path =
        base
            + "/sobjects/"
            + check(NAME, object, "INVALID_TYPE", "object name")
            + "/"
            + resource
            + "/";
    String query =
        "start="
            + encode(SalesforceTime.formatDateTime(start))
            + "&end="
            + encode(SalesforceTime.formatDateTime(end));
    ApiResponse response = executor.execute(ApiRequest.get(path, query));
    try {
      return mapper.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw SalesforceErrors.unexpected(response.status(), "replication reply (not JSON)");
    }
  }

  private static Instant instant(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      return SalesforceTime.parseDateTime(value.asText());
    } catch (IllegalArgumentException e) {
      throw SalesforceErrors.unexpected(200, "replication date (" + field + ")");
    }
  }
}
