package com.scopien.web;

import com.scopien.ScopienException;
import com.scopien.orgs.SalesforceSignIn;
import com.scopien.security.AuditLog;
import com.scopien.security.SignInAccounts;
import com.scopien.security.SignInSettings;
import com.scopien.security.User;
import com.scopien.security.WebSessions;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Sign in with Salesforce" and browser sessions: {@code GET /auth/salesforce/orgs} (the orgs the
 * sign-in screen offers), {@code GET /auth/salesforce/login?org=} (to the org's login page), {@code
 * GET /auth/salesforce/callback} (back from it: session cookie set, to the chat panel), {@code POST
 * /auth/logout} (ends the session; the CSRF header is needed with the cookie), and the admins'
 * {@code GET|PATCH /api/auth/settings} ({@code {"defaultRole"}}). Sign-in, failed sign-in and
 * sign-out go to the audit log; codes, tokens and cookies never do.
 */
final class SignInHandler {

  static final String CALLBACK_PATH = "/auth/salesforce/callback";

  private final SalesforceSignIn signIn;
  private final SignInAccounts accounts;
  private final SignInSettings settings;
  private final WebSessions sessions;
  private final AuditLog audit;
  private final JsonBodyReader reader;
  private final java.time.Duration cookieLifetime;

  SignInHandler(
      SalesforceSignIn signIn,
      SignInAccounts accounts,
      SignInSettings settings,
      WebSessions sessions,
      AuditLog audit,
      JsonBodyReader reader,
      java.time.Duration cookieLifetime) {
    this.signIn = signIn;
    this.accounts = accounts;
    this.settings = settings;
    this.sessions = sessions;
    this.audit = audit;
    this.reader = reader;
    this.cookieLifetime = cookieLifetime;
  }

  void register(Javalin app) {
    app.get("/auth/salesforce/orgs", this::orgs, Access.PUBLIC);
    app.get("/auth/salesforce/login", this::login, Access.PUBLIC);
    app.get(CALLBACK_PATH, this::callback, Access.PUBLIC);
    app.post("/auth/logout", this::logout, Access.PUBLIC);
    app.get("/api/auth/settings", this::readSettings, Access.ADMIN);
    app.patch("/api/auth/settings", this::changeSettings, Access.ADMIN);
  }

  private void orgs(Context ctx) {
    List<Map<String, String>> orgs =
        signIn.orgs().stream().map(o -> Map.of("id", o.id(), "name", o.name())).toList();
    ctx.json(Map.of("orgs", orgs));
  }

  private void login(Context ctx) {
    SalesforceSignIn.Started started;
    try {
      started = signIn.start(ctx.queryParam("org"), callbackUrl(ctx));
    } catch (ScopienException e) {
      page(ctx, e);
      return;
    }
    SessionCookies.setSignInBinding(ctx, started.browserBinding());
    ctx.header("Cache-Control", "no-store");
    ctx.redirect(started.authorizeUrl(), HttpStatus.SEE_OTHER);
  }

  private void callback(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    SalesforceSignIn.SignedIn signedIn;
    try {
      signedIn =
          signIn.complete(
              ctx.queryParam("state"),
              ctx.cookie(SessionCookies.SIGN_IN),
              ctx.queryParam("code"),
              ctx.queryParam("error"),
              ctx.queryParam("error_description"));
    } catch (ScopienException e) {
      failed(null, null, e);
      page(ctx, e);
      return;
    }
    SignInAccounts.SalesforcePerson id = signedIn.person();
    User user;
    try {
      user = accounts.userFor(signedIn.org().id(), id);
    } catch (ScopienException e) {
      failed(signedIn.org().id(), id.userId(), e);
      page(ctx, e);
      return;
    }
    SessionCookies.clearSignInBinding(ctx);
    // A new id at every sign-in; a session the browser still held is ended, not reused.
    String previous = SessionCookies.sessionId(ctx);
    if (previous != null) {
      sessions.end(previous);
    }
    WebSessions.Opened opened = sessions.open(user, signedIn.org().id());
    SessionCookies.set(ctx, opened, cookieLifetime);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("salesforceUserId", id.userId());
    after.put("salesforceUsername", id.username());
    after.put("role", user.role().name().toLowerCase(Locale.ROOT));
    audit.record(user, "auth.sign_in", "user", user.id(), signedIn.org().id(), null, after);
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx) {
    String sessionId = SessionCookies.sessionId(ctx);
    if (sessionId != null) {
      ApiKeyAuthHandler.requireCsrf(ctx, sessionId);
      Optional<WebSessions.Live> live = sessions.find(sessionId);
      sessions.end(sessionId);
      live.ifPresent(
          l -> audit.record(l.user(), "auth.sign_out", "user", l.user().id(), null, null, null));
    }
    SessionCookies.clear(ctx);
    ctx.header("Cache-Control", "no-store");
    ctx.json(Map.of("signedOut", true));
  }

  private void readSettings(Context ctx) {
    ctx.json(Map.of("defaultRole", settings.defaultRole().name().toLowerCase(Locale.ROOT)));
  }

  private void changeSettings(Context ctx) {
    JsonBodyReader.Body body = reader.read(ctx);
    for (String field : body.fieldNames()) {
      if (!field.equals("defaultRole")) {
        throw ScopienException.invalid(
            "invalid_setting", "Unknown field '" + field + "'; the only setting is defaultRole.");
      }
    }
    var role =
        settings.setDefaultRole(ApiKeyAuthHandler.user(ctx), body.requiredText("defaultRole"));
    ctx.json(Map.of("defaultRole", role.name().toLowerCase(Locale.ROOT)));
  }

  private void failed(String orgId, String salesforceUserId, ScopienException e) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("reason", e.code());
    if (salesforceUserId != null) {
      after.put("salesforceUserId", salesforceUserId);
    }
    audit.record(null, "auth.sign_in_failed", "user", null, orgId, null, after);
  }

  private static String callbackUrl(Context ctx) {
    String scheme = SessionCookies.isHttps(ctx) ? "https" : "http";
    return scheme + "://" + ctx.host() + CALLBACK_PATH;
  }

  private static void page(Context ctx, ScopienException e) {
    int status = e.kind() == ScopienException.Kind.INTERNAL ? 500 : e.kind().httpStatus();
    ctx.status(status)
        .html(
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Not signed in · Scopien</title>"
                + "<link rel=\"stylesheet\" href=\"/styles.css\"></head>"
                + "<body><main class=\"main\"><section class=\"login\""
                + " data-testid=\"sign-in-error\"><h1>You are not signed in</h1><p>"
                + escape(e.getMessage())
                + "</p><p><a href=\"/\">Back to Scopien</a></p></section></main></body></html>\n");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
