package com.scopien.localorg;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /services/oauth2/authorize}: the browser part of the web-server flow. GET shows a login
 * and consent page; its form posts back here, and a right login with "Allow" redirects to the
 * callback with a single-use code (and the state), "Deny" with {@code error=access_denied}. Every
 * active demo user (john.doe, sarah.chen, …) logs in here with the demo password, so "Sign in with
 * Salesforce" can be tried as any of them. A wrong client or an unregistered callback gets an error
 * page instead of a redirect, so codes never go to an unknown address.
 */
final class AuthorizeHandler {

  private static final String[] PASSED_ON = {
    "response_type",
    "client_id",
    "redirect_uri",
    "scope",
    "state",
    "code_challenge",
    "code_challenge_method",
    "login_hint"
  };

  private final OrgIdentity org;
  private final ConnectedApp app;
  private final SessionStore sessions;
  private final Clock clock;
  private final RecordStore store;

  AuthorizeHandler(
      OrgIdentity org, ConnectedApp app, SessionStore sessions, RecordStore store, Clock clock) {
    this.org = org;
    this.store = store;
    this.app = app;
    this.sessions = sessions;
    this.clock = clock;
  }

  void show(Context ctx) {
    Map<String, String> params = params(ctx);
    if (refuseWithPage(ctx, params) || redirectedWithError(ctx, params)) {
      return;
    }
    ctx.html(AuthorizePage.render(org, params, null));
  }

  void submit(Context ctx) {
    Map<String, String> params = params(ctx);
    if (refuseWithPage(ctx, params) || redirectedWithError(ctx, params)) {
      return;
    }
    if (!"allow".equals(ctx.formParam("action"))) {
      redirect(
          ctx,
          params,
          "error=access_denied&error_description=" + encode("end-user denied authorization"));
      return;
    }
    var user = org.authenticateAnyUser(ctx.formParam("username"), ctx.formParam("password"), store);
    if (user.isEmpty()) {
      ctx.html(
          AuthorizePage.render(
              org,
              params,
              "Please check your username and password. If you still can't log in, contact your"
                  + " Salesforce administrator."));
      return;
    }
    String scope =
        params.get("scope") == null || params.get("scope").isBlank()
            ? ConnectedApp.DEFAULT_SCOPE
            : params.get("scope").trim();
    String code =
        sessions.issueCode(
            new SessionStore.AuthCode(
                app.clientId(),
                params.get("redirect_uri"),
                blankToNull(params.get("code_challenge")),
                user.get(),
                scope,
                clock.instant()));
    redirect(ctx, params, "code=" + encode(code));
  }

  private boolean refuseWithPage(Context ctx, Map<String, String> params) {
    String error = null;
    if (!app.isClient(params.get("client_id"))) {
      error = "invalid_client_id: client identifier invalid";
    } else if (!app.allowsRedirect(params.get("redirect_uri"))) {
      error = "redirect_uri_mismatch: redirect_uri must match configuration";
    }
    if (error == null) {
      return false;
    }
    ctx.status(400).html(AuthorizePage.error(error));
    return true;
  }

  private boolean redirectedWithError(Context ctx, Map<String, String> params) {
    if (!"code".equals(params.get("response_type"))) {
      redirect(
          ctx,
          params,
          "error=unsupported_response_type&error_description="
              + encode("response type not supported"));
      return true;
    }
    String method = params.get("code_challenge_method");
    if (method != null && !method.isBlank() && !method.equals("S256")) {
      redirect(
          ctx,
          params,
          "error=invalid_request&error_description="
              + encode("code_challenge_method must be S256"));
      return true;
    }
    return false;
  }

  private static void redirect(Context ctx, Map<String, String> params, String query) {
    String uri = params.get("redirect_uri");
    String state = params.get("state");
    String target =
        uri
            + (uri.contains("?") ? "&" : "?")
            + query
            + (state == null ? "" : "&state=" + encode(state));
    ctx.redirect(target, io.javalin.http.HttpStatus.FOUND);
  }

  private static Map<String, String> params(Context ctx) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String name : PASSED_ON) {
      String value = ctx.formParam(name);
      params.put(name, value != null ? value : ctx.queryParam(name));
    }
    return params;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
