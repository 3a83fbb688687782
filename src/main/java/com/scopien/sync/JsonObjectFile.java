package com.scopien.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.function.Function;

/** Reads a file people write by hand that must hold one JSON object, saying where it is broken. */
final class JsonObjectFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonObjectFile() {}

  /**
   * The file's object; {@code refuse} turns the one problem (named with {@code what}, e.g. "the
   * mapping file") into the caller's exception.
   */
  static JsonNode read(
      String json, String what, Function<List<String>, ValidationProblems> refuse) {
    JsonNode root;
    try {
      root = JSON.readTree(json == null ? "" : json);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")";
      throw refuse.apply(List.of(what + " is not valid JSON" + where));
    }
    if (root == null || !root.isObject()) {
      throw refuse.apply(List.of(what + " must be one JSON object {...}"));
    }
    return root;
  }
}
