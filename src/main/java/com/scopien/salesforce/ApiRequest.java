package com.scopien.salesforce;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One REST call before a session is attached: method, path below the instance URL, an already
 * encoded query string (or null), a JSON body (or null), and whether it may be retried.
 */
record ApiRequest(
    String method,
    String path,
    String rawQuery,
    String jsonBody,
    boolean idempotent,
    Map<String, String> headers) {

  ApiRequest {
    if (!path.startsWith("/services/")) {
      throw new IllegalArgumentException("REST paths start with /services/: " + path);
    }
    headers = Map.copyOf(headers);
  }

  static ApiRequest get(String path, String rawQuery) {
    return new ApiRequest("GET", path, rawQuery, null, true, Map.of());
  }

  /** A create: never retried automatically, since a lost reply may hide a record that exists. */
  static ApiRequest post(String path, String jsonBody) {
    return new ApiRequest("POST", path, null, jsonBody, false, Map.of());
  }

  /** An update by Id: sending the same fields twice leaves the same record, so it may retry. */
  static ApiRequest patch(String path, String jsonBody) {
    return new ApiRequest("PATCH", path, null, jsonBody, true, Map.of());
  }

  static ApiRequest delete(String path) {
    return new ApiRequest("DELETE", path, null, null, true, Map.of());
  }

  boolean write() {
    return !method.equals("GET");
  }

  ApiRequest withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiRequest(method, path, rawQuery, jsonBody, idempotent, more);
  }
}
