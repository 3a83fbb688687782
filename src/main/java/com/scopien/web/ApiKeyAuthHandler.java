package com.scopien.web;

import com.scopien.ScopienException;
import com.scopien.security.ApiKeyAuthenticator;
import com.scopien.security.User;
import com.scopien.security.WebSessions;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Authentication and route access, in one place. {@link #authenticate} runs before every {@code
 * /api/*} request (matched or not, so an unauthenticated caller learns nothing about which routes
 * exist) and puts the user in the context; {@link #authorize} runs before every matched route and
 * compares the user's role with the route's {@link Access}. The key itself is never logged or
 * echoed.
 *
 * <p>A request without {@code Authorization} may carry the browser session cookie ({@link
 * SessionCookies}) instead; then every state-changing request (POST, PUT, PATCH, DELETE) must also
 * carry the session's CSRF token in {@code X-CSRF-Token}, or it gets 403 {@code csrf}. API keys
 * need no CSRF token: a browser never adds them on its own.
 */
final class ApiKeyAuthHandler {

  private static final String USER_ATTRIBUTE = "scopien.user";
  private static final String CSRF_ATTRIBUTE = "scopien.csrf";
  private static final String BEARER = "bearer ";
  private static final int MAX_KEY_LENGTH = 512;

  private final ApiKeyAuthenticator authenticator;
  private volatile WebSessions sessions;

  ApiKeyAuthHandler(ApiKeyAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  /** Accepts browser sessions from now on (set once, before the server starts). */
  void acceptSessions(WebSessions sessions) {
    this.sessions = sessions;
  }

  /** The CSRF token of the request's browser session; null for an API key. */
  static String csrfToken(Context ctx) {
    return ctx.attribute(CSRF_ATTRIBUTE);
  }

  /** The user the request's API key belongs to; set by {@link #authenticate}. */
  static User user(Context ctx) {
    User user = ctx.attribute(USER_ATTRIBUTE);
    if (user == null) {
      // Only reachable if a route were registered outside /api/* without Access.PUBLIC.
      throw new ScopienException(
          ScopienException.Kind.INTERNAL, "internal", "No user on an authenticated route.");
    }
    return user;
  }

  void authenticate(Context ctx) {
    String header = ctx.header("Authorization");
    WebSessions browser = sessions;
    if (header == null && browser != null && SessionCookies.sessionId(ctx) != null) {
      authenticateSession(ctx, browser);
      return;
    }
    String key = bearerKey(header);
    if (key == null) {
      throw unauthorized(
          "This endpoint needs an API key: send it as 'Authorization: Bearer <key>'.");
    }
    Optional<User> user = authenticator.authenticate(key);
    if (user.isEmpty()) {
      throw unauthorized("The API key was not accepted.");
    }
    ctx.attribute(USER_ATTRIBUTE, user.get());
  }

  private static void authenticateSession(Context ctx, WebSessions browser) {
    String sessionId = SessionCookies.sessionId(ctx);
    Optional<WebSessions.Live> live = browser.find(sessionId);
    if (live.isEmpty()) {
      SessionCookies.clear(ctx);
      throw unauthorized("Your session has ended; sign in again.");
    }
    requireCsrf(ctx, sessionId);
    ctx.attribute(USER_ATTRIBUTE, live.get().user());
    ctx.attribute(CSRF_ATTRIBUTE, live.get().csrfToken());
  }

  /** For a state-changing request with the session cookie: the CSRF header must match. */
  static void requireCsrf(Context ctx, String sessionId) {
    String method = ctx.method().name();
    boolean changes =
        method.equals("POST")
            || method.equals("PUT")
            || method.equals("PATCH")
            || method.equals("DELETE");
    if (changes && !WebSessions.csrfMatches(sessionId, ctx.header(SessionCookies.CSRF_HEADER))) {
      throw ScopienException.forbidden(
          "csrf",
          "This request changes something and needs the session's CSRF token in the "
              + SessionCookies.CSRF_HEADER
              + " header (from GET /api/me or the scopien_csrf cookie). Reload the page and try"
              + " again.");
    }
  }

  void authorize(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    // Static files carry no roles; every route we register carries an Access.
    if (roles.isEmpty() || roles.contains(Access.PUBLIC)) {
      return;
    }
    User user = ctx.attribute(USER_ATTRIBUTE);
    if (user == null) {
      throw unauthorized(
          "This endpoint needs an API key: send it as 'Authorization: Bearer <key>'.");
    }
    boolean allowed = roles.stream().anyMatch(r -> r instanceof Access a && a.allows(user));
    if (!allowed) {
      throw ScopienException.forbidden(
          "forbidden",
          "Your role (" + user.role().name().toLowerCase(Locale.ROOT) + ") may not do this.");
    }
  }

  private static String bearerKey(String header) {
    if (header == null || header.length() <= BEARER.length()) {
      return null;
    }
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    String key = header.substring(BEARER.length()).trim();
    return key.isEmpty() || key.length() > MAX_KEY_LENGTH ? null : key;
  }

  private static ScopienException unauthorized(String message) {
    return new ScopienException(ScopienException.Kind.UNAUTHENTICATED, "unauthorized", message);
  }
}
