package com.scopien.agent;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A write that waits for a person's confirmation: exactly what will be sent (typed values, the
 * record's current values for an update) and the tool call that asked for it, so the confirmation
 * carries out that change and nothing else.
 */
record PendingWrite(
    String conversationId,
    String userId,
    String orgId,
    String tool,
    Map<String, Object> arguments,
    String object,
    String recordId,
    String recordLabel,
    Map<String, Object> values,
    Map<String, Object> before,
    String summary,
    Instant createdAt) {
  PendingWrite {
    arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
  }

  boolean isCreate() {
    return recordId == null;
  }
}
