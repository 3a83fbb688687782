package com.scopien.sync;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One record as the mirror stores it: its version, its deletion flag and its field values. */
record MirrorRow(
    String object, String id, Instant systemModstamp, boolean deleted, Map<String, Object> fields) {

  /** This version with {@code changes} written over its fields (none: this version). */
  MirrorRow overlaid(Map<String, Object> changes) {
    if (changes == null || changes.isEmpty()) {
      return this;
    }
    Map<String, Object> merged = new LinkedHashMap<>(fields);
    merged.putAll(changes);
    return new MirrorRow(object, id, systemModstamp, deleted, merged);
  }
}
