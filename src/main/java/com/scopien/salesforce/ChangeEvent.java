package com.scopien.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Change Data Capture event as the Streaming API delivers it on {@code /data/ChangeEvents} or
 * {@code /data/<Object>ChangeEvent}: the header facts and the field values the event carries (all
 * populated fields on CREATE and UNDELETE, the changed ones on UPDATE, none on DELETE and gap
 * events). Compound fields that Salesforce nests (a person's {@code Name}, addresses) are flattened
 * into their component fields.
 *
 * @param channel the subscribed channel the event came on
 * @param replayId where a subscriber resumes after this event (increasing, not contiguous)
 * @param changeType CREATE, UPDATE, DELETE, UNDELETE or a GAP_ type
 * @param recordIds the changed records (several when one transaction changed them alike)
 * @param changedFields the fields an UPDATE changed
 * @param commitTimestamp when the change was committed
 */
public record ChangeEvent(
    String channel,
    long replayId,
    String entityName,
    String changeType,
    List<String> recordIds,
    List<String> changedFields,
    Instant commitTimestamp,
    String commitUser,
    String transactionKey,
    String changeOrigin,
    Map<String, Object> fields) {

  public ChangeEvent {
    recordIds = List.copyOf(recordIds);
    changedFields = List.copyOf(changedFields);
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** Whether Salesforce could not say what changed, so the records must be read again. */
  public boolean isGap() {
    return changeType.startsWith("GAP_");
  }

  /**
   * Reads the {@code data} of a delivered message.
   *
   * @throws IllegalArgumentException when it has no replay id or no ChangeEventHeader
   */
  static ChangeEvent parse(String channel, JsonNode data, ObjectMapper mapper) {
    JsonNode replay = data.path("event").path("replayId");
    JsonNode payload = data.path("payload");
    JsonNode header = payload.path("ChangeEventHeader");
    if (!replay.canConvertToLong() || !header.isObject()) {
      throw new IllegalArgumentException("not a change event on " + channel);
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("ChangeEventHeader")) {
        continue;
      }
      if (e.getValue().isObject()) {
        e.getValue()
            .fields()
            .forEachRemaining(c -> fields.put(c.getKey(), value(c.getValue(), mapper)));
      } else {
        fields.put(e.getKey(), value(e.getValue(), mapper));
      }
    }
    JsonNode stamp = header.path("commitTimestamp");
    return new ChangeEvent(
        channel,
        replay.asLong(),
        header.path("entityName").asText(""),
        header.path("changeType").asText(""),
        texts(header.path("recordIds")),
        texts(header.path("changedFields")),
        stamp.canConvertToLong() ? Instant.ofEpochMilli(stamp.asLong()) : null,
        header.path("commitUser").asText(null),
        header.path("transactionKey").asText(null),
        header.path("changeOrigin").asText(""),
        fields);
  }

  private static Object value(JsonNode node, ObjectMapper mapper) {
    return node.isNull() ? null : mapper.convertValue(node, Object.class);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
