package com.scopien.localorg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/** One authenticated, metered REST call: the Javalin context, the API version and the session. */
record RestCall(Context ctx, String version, SessionStore.Session session) {

  /** {@code /services/data/vXX.X}, the prefix of every URL this call hands out. */
  String base() {
    return "/services/data/v" + version;
  }

  String userId() {
    return session.userId();
  }

  /** The request body as JSON; malformed JSON is Salesforce's {@code JSON_PARSER_ERROR}. */
  JsonNode jsonBody() {
    String body = ctx.body();
    try {
      JsonNode node = WireFormat.JSON.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw ApiError.badRequest("JSON_PARSER_ERROR", "The request body is empty.");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest(
          "JSON_PARSER_ERROR",
          "Unexpected character in the request body: " + e.getOriginalMessage());
    }
  }

  /** Writes a JSON reply with the given status. */
  void reply(int status, Object body) {
    try {
      ctx.status(status)
          .contentType("application/json;charset=UTF-8")
          .result(WireFormat.JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("reply not serialisable", e);
    }
  }
}
