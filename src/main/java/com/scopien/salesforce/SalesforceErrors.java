package com.scopien.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.ScopienException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The one place where Salesforce's answers become {@link SalesforceException}s: the HTTP status and
 * the {@code errorCode} of the JSON error array decide the kind, and the message is Salesforce's
 * own. Bodies that are not JSON (a proxy's HTML page, an empty 503) still give a readable error.
 */
final class SalesforceErrors {
  private static final int MAX_MESSAGE = 2000;

  /** Codes that say the request itself was wrong; the caller must change it. */
  private static final Set<String> INVALID_INPUT =
      Set.of(
          "INVALID_FIELD",
          "MALFORMED_QUERY",
          "INVALID_TYPE",
          "REQUIRED_FIELD_MISSING",
          "FIELD_CUSTOM_VALIDATION_EXCEPTION",
          "INVALID_FIELD_FOR_INSERT_UPDATE",
          "MALFORMED_ID",
          "INVALID_QUERY_FILTER_OPERATOR",
          "INVALID_CROSS_REFERENCE_KEY",
          "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
          "STRING_TOO_LONG",
          "NUMBER_OUTSIDE_VALID_RANGE",
          "DUPLICATE_VALUE",
          "DUPLICATE_EXTERNAL_ID",
          "JSON_PARSER_ERROR",
          "INVALID_REPLICATION_DATE",
          "EXCEEDED_ID_LIMIT",
          "MISSING_ARGUMENT",
          "INVALIDJOB",
          "FUNCTIONALITY_NOT_ENABLED");

  private static final Set<String> NOT_FOUND = Set.of("NOT_FOUND", "ENTITY_IS_DELETED");

  private final ObjectMapper mapper;

  SalesforceErrors(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The error for a non-2xx reply. */
  SalesforceException fromResponse(int status, String body) {
    if (status == 300) {
      return multipleChoices(body);
    }
    String code = null;
    String message = null;
    JsonNode root = parse(body);
    if (root != null && root.isArray() && !root.isEmpty()) {
      code = text(root.get(0), "errorCode");
      Set<String> messages = new LinkedHashSet<>();
      root.forEach(error -> addIfPresent(messages, text(error, "message")));
      message = messages.isEmpty() ? null : String.join("; ", messages);
    } else if (root != null && root.isObject()) {
      code = firstNonNull(text(root, "errorCode"), text(root, "error"));
      message = firstNonNull(text(root, "message"), text(root, "error_description"));
    }
    if (code == null) {
      code = "HTTP_" + status;
    }
    if (message == null) {
      message = "Salesforce answered HTTP " + status + " without an error message.";
    }
    return new SalesforceException(kindOf(status, code), code, status, clip(message));
  }

  /** 300: an External Id matched several records; the body lists their URLs. */
  private SalesforceException multipleChoices(String body) {
    Set<String> urls = new LinkedHashSet<>();
    JsonNode root = parse(body);
    if (root != null && root.isArray()) {
      root.forEach(url -> addIfPresent(urls, url.isTextual() ? url.textValue() : null));
    }
    return new SalesforceException(
        Kind.CONFLICT,
        "MULTIPLE_CHOICES",
        300,
        clip("The External Id matches several records: " + String.join(", ", urls)));
  }

  /** What the caller can do about {@code code} seen with {@code status}. */
  static Kind kindOf(int status, String code) {
    if (code.equals("UNABLE_TO_LOCK_ROW")) {
      return Kind.RETRIABLE;
    }
    if (code.equals("REQUEST_LIMIT_EXCEEDED")) {
      return Kind.UPSTREAM;
    }
    if (INVALID_INPUT.contains(code)) {
      return Kind.INVALID_INPUT;
    }
    if (NOT_FOUND.contains(code) || status == 404) {
      return Kind.NOT_FOUND;
    }
    if (status >= 500) {
      return Kind.RETRIABLE;
    }
    return Kind.UPSTREAM;
  }

  /**
   * The error for a request that got no reply. The message names the host and says what happened in
   * words; the cause is kept for the server log only.
   */
  static SalesforceException unreachable(String what, String host, IOException e) {
    if (e instanceof HttpTimeoutException) {
      return new SalesforceException(
          Kind.RETRIABLE, "TIMEOUT", 0, what + " " + host + " did not answer in time.", e);
    }
    if (hasCause(e, UnresolvedAddressException.class) || hasCause(e, UnknownHostException.class)) {
      return new SalesforceException(
          Kind.UPSTREAM,
          "UNKNOWN_HOST",
          0,
          "Cannot find " + what + " " + host + "; check the URL.",
          e);
    }
    if (e instanceof ConnectException) {
      return new SalesforceException(
          Kind.RETRIABLE, "UNREACHABLE", 0, "Cannot connect to " + what + " " + host + ".", e);
    }
    return new SalesforceException(
        Kind.RETRIABLE,
        "CONNECTION_FAILED",
        0,
        "The connection to " + what + " " + host + " failed before a reply came.",
        e);
  }

  static SalesforceException interrupted() {
    return new SalesforceException(
        Kind.RETRIABLE, "INTERRUPTED", 0, "The call to Salesforce was interrupted.");
  }

  /** A 2xx reply whose body is not what the API documents. */
  static SalesforceException unexpected(int status, String what) {
    return new SalesforceException(
        Kind.UPSTREAM,
        "UNEXPECTED_RESPONSE",
        status,
        "Salesforce sent an unexpected " + what + ".");
  }

  private JsonNode parse(String body) {
    return SalesforceJson.lenientRead(mapper, body);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
  }

  private static void addIfPresent(Set<String> messages, String message) {
    if (message != null && !message.isBlank()) {
      messages.add(message);
    }
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }

  private static String clip(String message) {
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "...";
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
