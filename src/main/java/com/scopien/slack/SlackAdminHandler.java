package com.scopien.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.ScopienException;
import com.scopien.web.WebServer;
import io.javalin.http.Context;

/**
 * The admin API for Slack user links, under {@code /api} (so the API key is checked first): {@code
 * GET /api/slack/users}, {@code PUT /api/slack/users/{slackUserId}} with {@code {"email"}} or
 * {@code {"userId"}}, and {@code DELETE /api/slack/users/{slackUserId}}. {@link SlackUserLinks}
 * decides who may.
 */
final class SlackAdminHandler {
  private final SlackUserLinks links;
  private final ObjectMapper json = new ObjectMapper();

  SlackAdminHandler(SlackUserLinks links) {
    this.links = links;
  }

  void list(Context ctx) {
    ctx.json(links.list(WebServer.signedInUser(ctx)));
  }

  void link(Context ctx) {
    JsonNode body = body(ctx);
    String email = text(body, "email");
    String userId = text(body, "userId");
    if (email == null && userId == null) {
      throw ScopienException.invalid(
          "missing_email", "Give the Scopien user's 'email' (or 'userId') to link to.");
    }
    ctx.json(links.link(WebServer.signedInUser(ctx), ctx.pathParam("slackUserId"), email, userId));
  }

  void unlink(Context ctx) {
    links.unlink(WebServer.signedInUser(ctx), ctx.pathParam("slackUserId"));
    ctx.status(204);
  }

  private JsonNode body(Context ctx) {
    try {
      JsonNode node = json.readTree(ctx.body());
      if (node == null || !node.isObject()) {
        throw ScopienException.invalid("invalid_json", "The body must be a JSON object.");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ScopienException.invalid("invalid_json", "The body is not valid JSON.");
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || !value.isTextual() || value.asText().isBlank()
        ? null
        : value.asText().strip();
  }
}
