package com.scopien.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.scopien.ScopienException;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a request body as one JSON object, bounded in size, and pulls typed fields out of it. Every
 * failure names the field and why, as a 400 the error mapper renders; nothing is half-read.
 */
final class JsonBodyReader {

  /** Conversation ids are opaque, but they travel in paths and logs: keep them plain and short. */
  private static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final ObjectMapper mapper;
  private final int maxBytes;

  JsonBodyReader(ObjectMapper mapper, int maxBytes) {
    this.mapper = mapper;
    this.maxBytes = maxBytes;
  }

  /** The body as a JSON object; a Content-Type other than JSON in UTF-8 is a 415. */
  Body read(Context ctx) {
    requireJson(ctx.header("Content-Type"));
    byte[] bytes = boundedBytes(ctx);
    if (bytes.length == 0) {
      throw ScopienException.invalid(
          "invalid_json", "The request body is empty; send a JSON object.");
    }
    JsonNode node;
    try {
      node = mapper.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw ScopienException.invalid("invalid_json", "The request body is not valid JSON" + at(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (node == null || !node.isObject()) {
      throw ScopienException.invalid("invalid_json", "The request body must be a JSON object.");
    }
    return new Body(node);
  }

  /**
   * Accepts {@code application/json}, in any letter case, with no parameter or with {@code
   * charset=utf-8}.
   */
  static void requireJson(String contentType) {
    String[] parts = contentType == null ? new String[] {""} : contentType.split(";");
    boolean json = parts[0].trim().equalsIgnoreCase("application/json");
    for (int i = 1; json && i < parts.length; i++) {
      String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace("\"", "");
      json = parameter.isEmpty() || parameter.equals("charset=utf-8");
    }
    if (!json) {
      throw new HttpResponseException(
          415,
          "The request body must be JSON: send it with 'Content-Type: application/json'"
              + (contentType == null || contentType.isBlank()
                  ? "."
                  : " (UTF-8), not '" + printable(contentType) + "'."));
    }
  }

  private static String printable(String text) {
    String clean = text.replaceAll("[^\\x20-\\x7e]", "?");
    return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
  }

  /** A conversation id from a path or body, checked for shape (not for existence). */
  static String conversationId(String value, String field) {
    if (value == null || !CONVERSATION_ID.matcher(value).matches()) {
      throw ScopienException.invalid(
          "invalid_conversation_id",
          "Field '"
              + field
              + "' must be 1 to 128 letters, digits or . _ : - (as returned by POST /api/chat).");
    }
    return value;
  }

  private byte[] boundedBytes(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw tooLarge();
    }
    try (InputStream in = ctx.bodyInputStream()) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw tooLarge();
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ContentTooLargeResponse tooLarge() {
    return new ContentTooLargeResponse(
        "The request body is larger than " + (maxBytes / 1024) + " KB.");
  }

  private static String at(JsonProcessingException e) {
    JsonLocation where = e.getLocation();
    if (where == null || where.getLineNr() < 1) {
      return ".";
    }
    return " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ").";
  }

  /** A parsed JSON object body. */
  static final class Body {
    private final JsonNode node;

    private Body(JsonNode node) {
      this.node = node;
    }

    /** True when the body names {@code field}, even with a null value. */
    boolean has(String field) {
      return node.has(field);
    }

    /** The names of the body's fields, in order. */
    List<String> fieldNames() {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      return names;
    }

    /** An object whose values are arrays of strings, such as object to fields. */
    Optional<Map<String, List<String>>> optionalTextListMap(String field) {
      return present(field, JsonNodeType.OBJECT, "an object of string arrays")
          .map(
              value -> {
                Map<String, List<String>> map = new LinkedHashMap<>();
                for (var entry : value.properties()) {
                  if (!entry.getValue().isArray()) {
                    throw ScopienException.invalid(
                        "invalid_type",
                        "Field '"
                            + field
                            + "."
                            + entry.getKey()
                            + "' must be an array of strings.");
                  }
                  List<String> items = new ArrayList<>();
                  for (JsonNode item : entry.getValue()) {
                    if (!item.isTextual()) {
                      throw ScopienException.invalid(
                          "invalid_type",
                          "Field '" + field + "." + entry.getKey() + "' must hold only strings.");
                    }
                    items.add(item.textValue());
                  }
                  map.put(entry.getKey(), items);
                }
                return map;
              });
    }

    /** A string field that must be present and not blank; {@code missing_<field>} otherwise. */
    String requiredText(String field) {
      return optionalText(field)
          .filter(s -> !s.isBlank())
          .orElseThrow(
              () ->
                  ScopienException.invalid(
                      "missing_" + snakeCase(field),
                      "Field '" + field + "' is required and must be a non-blank string."));
    }

    /** A string field that may be absent or null; present with another type is an error. */
    Optional<String> optionalText(String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return Optional.empty();
      }
      if (!value.isTextual()) {
        throw ScopienException.invalid(
            "invalid_type", "Field '" + field + "' must be a string, not " + describe(value) + ".");
      }
      return Optional.of(value.textValue());
    }

    /** A boolean field that may be absent or null; present with another type is an error. */
    Optional<Boolean> optionalBoolean(String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return Optional.empty();
      }
      if (!value.isBoolean()) {
        throw ScopienException.invalid(
            "invalid_type",
            "Field '" + field + "' must be true or false, not " + describe(value) + ".");
      }
      return Optional.of(value.booleanValue());
    }

    /** An array of strings that may be absent or null; any other shape is an error. */
    Optional<List<String>> optionalTextList(String field) {
      return present(field, JsonNodeType.ARRAY, "an array of strings")
          .map(
              value -> {
                List<String> items = new ArrayList<>();
                for (JsonNode item : value) {
                  if (!item.isTextual()) {
                    throw ScopienException.invalid(
                        "invalid_type", "Field '" + field + "' must hold only strings.");
                  }
                  items.add(item.textValue());
                }
                return items;
              });
    }

    /** An object whose values are all true or false, such as an object selection. */
    Optional<Map<String, Boolean>> optionalBooleanMap(String field) {
      return present(field, JsonNodeType.OBJECT, "an object")
          .map(
              value -> {
                Map<String, Boolean> map = new LinkedHashMap<>();
                for (var entry : value.properties()) {
                  if (!entry.getValue().isBoolean()) {
                    throw ScopienException.invalid(
                        "invalid_type",
                        "Field '" + field + "." + entry.getKey() + "' must be true or false.");
                  }
                  map.put(entry.getKey(), entry.getValue().booleanValue());
                }
                return map;
              });
    }

    /** The object field as plain Java values (strings, numbers, booleans, null). */
    Optional<Map<String, Object>> optionalObject(String field) {
      return present(field, JsonNodeType.OBJECT, "an object")
          .map(
              value -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (var entry : value.properties()) {
                  JsonNode v = entry.getValue();
                  if (v.isContainerNode()) {
                    throw ScopienException.invalid(
                        "invalid_type",
                        "Field '" + field + "." + entry.getKey() + "' must be a plain value.");
                  }
                  map.put(entry.getKey(), plainValue(v));
                }
                return map;
              });
    }

    /**
     * The field when it is there and not null; of another type than {@code type} it is an error.
     */
    private Optional<JsonNode> present(String field, JsonNodeType type, String what) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return Optional.empty();
      }
      if (value.getNodeType() != type) {
        throw ScopienException.invalid(
            "invalid_type",
            "Field '" + field + "' must be " + what + ", not " + describe(value) + ".");
      }
      return Optional.of(value);
    }

    private static Object plainValue(JsonNode v) {
      if (v.isNull()) {
        return null;
      }
      if (v.isBoolean()) {
        return v.booleanValue();
      }
      return v.isNumber() ? v.numberValue() : v.asText();
    }

    private static String describe(JsonNode value) {
      return switch (value.getNodeType()) {
        case NUMBER -> "a number";
        case BOOLEAN -> "a boolean";
        case ARRAY -> "an array";
        case OBJECT -> "an object";
        default -> "that";
      };
    }

    private static String snakeCase(String field) {
      return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
  }
}
