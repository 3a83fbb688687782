package com.scopien.localorg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST API versions this org serves: 31.0 (the oldest still supported) to 64.0 (Summer '25).
 * Versions 21.0-30.0 are retired (410 GONE); anything else is not found.
 */
final class ApiVersions {

  static final int OLDEST = 31;
  static final int NEWEST = 64;
  static final String LATEST = NEWEST + ".0";

  private static final String[] SEASONS = {"Summer", "Spring", "Winter"};

  private ApiVersions() {}

  /** The body of {@code GET /services/data/}, oldest first as Salesforce lists them. */
  static List<Map<String, String>> list() {
    List<Map<String, String>> versions = new ArrayList<>();
    for (int v = OLDEST; v <= NEWEST; v++) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("label", label(v));
      entry.put("url", "/services/data/v" + v + ".0");
      entry.put("version", v + ".0");
      versions.add(entry);
    }
    return versions;
  }

  /** Release name of a version: 64 is Summer '25, 63 Spring '25, 62 Winter '25, 61 Summer '24. */
  static String label(int version) {
    int back = NEWEST - version;
    return SEASONS[back % 3] + " '" + String.format("%02d", 25 - back / 3);
  }

  /**
   * The version named by a path segment such as {@code v62.0} ({@code latest} means the newest).
   *
   * @throws ApiError 410 GONE for retired versions, 404 NOT_FOUND for anything else unknown
   */
  static String parse(String segment) {
    if ("latest".equals(segment)) {
      return LATEST;
    }
    if (segment == null || !segment.matches("v\\d{1,3}\\.0")) {
      throw ApiError.notFound();
    }
    int major = Integer.parseInt(segment.substring(1, segment.length() - 2));
    if (major >= 1 && major < OLDEST) {
      throw new ApiError(
          410,
          "GONE",
          "API version " + major + ".0 has been retired and is no longer available.",
          null);
    }
    if (major > NEWEST || major < 1) {
      throw ApiError.notFound();
    }
    return major + ".0";
  }
}
