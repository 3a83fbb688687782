package com.scopien.web;

import com.scopien.ScopienException;
import com.scopien.orgs.ConnectOutcome;
import com.scopien.orgs.OrgAdmin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /oauth/callback}: where the org sends the admin's browser after the login. A redirect
 * carries no API key, so the {@code state} alone identifies the sign-in (and its admin). The
 * handler completes it and sends the browser to the Integrations page with the request id; the page
 * reads the outcome with the admin's key. A state that is unknown or already used gets a short page
 * saying so; the code is never echoed.
 */
final class OAuthCallbackHandler {

  private final OrgAdmin admin;

  OAuthCallbackHandler(OrgAdmin admin) {
    this.admin = admin;
  }

  void callback(Context ctx) {
    ConnectOutcome outcome;
    try {
      outcome =
          admin.completeAuthorization(
              ctx.queryParam("state"),
              ctx.queryParam("code"),
              ctx.queryParam("error"),
              ctx.queryParam("error_description"));
    } catch (ScopienException e) {
      if (e.kind() != ScopienException.Kind.INVALID_INPUT) {
        throw e;
      }
      ctx.status(HttpStatus.BAD_REQUEST).html(page(e.getMessage()));
      return;
    }
    ctx.header("Cache-Control", "no-store");
    ctx.redirect(
        "/?connect="
            + URLEncoder.encode(outcome.requestId(), StandardCharsets.UTF_8)
            + "#integrations",
        HttpStatus.SEE_OTHER);
  }

  private static String page(String message) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>Connection not completed · Scopien</title>"
        + "<link rel=\"stylesheet\" href=\"/styles.css\"></head>"
        + "<body><main class=\"main\"><section class=\"login\" data-testid=\"callback-error\">"
        + "<h1>The Salesforce connection was not completed</h1><p>"
        + escape(message)
        + "</p><p><a href=\"/#integrations\">Back to Settings → Integrations</a></p>"
        + "</section></main></body></html>\n";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
