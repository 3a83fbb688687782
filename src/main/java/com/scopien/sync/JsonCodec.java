package com.scopien.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.ScopienException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON documents the sync keeps in TEXT columns: field values by API name, and lists of field
 * names. Values are what {@link com.scopien.salesforce.SObjectRecord} holds (strings, booleans,
 * numbers, null). Thread-safe.
 */
final class JsonCodec {
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
  private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

  private final ObjectMapper mapper = new ObjectMapper();

  String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new ScopienException(
          ScopienException.Kind.INTERNAL, "json_write_failed", "A value could not be stored", e);
    }
  }

  Map<String, Object> readMap(String json) {
    if (json == null) {
      return null;
    }
    try {
      return mapper.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw corrupt(e);
    }
  }

  List<String> readList(String json) {
    if (json == null) {
      return null;
    }
    try {
      return mapper.readValue(json, LIST);
    } catch (JsonProcessingException e) {
      throw corrupt(e);
    }
  }

  private static ScopienException corrupt(Exception e) {
    return new ScopienException(
        ScopienException.Kind.INTERNAL, "corrupt_json", "A stored sync document is unreadable", e);
  }
}
