package com.scopien.web;

import com.scopien.security.WebSessions;
import io.javalin.http.Context;
import java.time.Duration;

/**
 * The browser session's cookies. {@code scopien_session} carries the session id: HttpOnly,
 * SameSite=Lax, Path=/, Secure when the request came over https. {@code scopien_csrf} carries the
 * session's CSRF token for the page's script to echo in {@value #CSRF_HEADER} (double submit bound
 * to the session: the token is derived from the session id). {@code scopien_signin} ties a started
 * sign-in to its browser. No value is ever logged.
 */
final class SessionCookies {

  static final String SESSION = "scopien_session";
  static final String CSRF = "scopien_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";

  /** Ties a started sign-in to the browser that started it (ten minutes, callback path only). */
  static final String SIGN_IN = "scopien_signin";

  private static final String SIGN_IN_PATH = "/auth/salesforce";

  private SessionCookies() {}

  /** The session id the request's cookie carries, or null. */
  static String sessionId(Context ctx) {
    String id = ctx.cookie(SESSION);
    return id == null || id.isEmpty() ? null : id;
  }

  static void set(Context ctx, WebSessions.Opened opened, Duration lifetime) {
    long seconds = lifetime.toSeconds();
    add(ctx, SESSION + "=" + opened.sessionId() + "; Max-Age=" + seconds + "; HttpOnly", ctx);
    add(ctx, CSRF + "=" + opened.csrfToken() + "; Max-Age=" + seconds, ctx);
  }

  static void clear(Context ctx) {
    add(ctx, SESSION + "=; Max-Age=0; HttpOnly", ctx);
    add(ctx, CSRF + "=; Max-Age=0", ctx);
  }

  static void setSignInBinding(Context ctx, String binding) {
    addAt(ctx, SIGN_IN + "=" + binding + "; Max-Age=600; HttpOnly", SIGN_IN_PATH);
  }

  static void clearSignInBinding(Context ctx) {
    addAt(ctx, SIGN_IN + "=; Max-Age=0; HttpOnly", SIGN_IN_PATH);
  }

  private static void add(Context ctx, String cookie, Context request) {
    addAt(request, cookie, "/");
  }

  private static void addAt(Context ctx, String cookie, String path) {
    String secure = isHttps(ctx) ? "; Secure" : "";
    ctx.res().addHeader("Set-Cookie", cookie + "; Path=" + path + "; SameSite=Lax" + secure);
  }

  static boolean isHttps(Context ctx) {
    return "https".equalsIgnoreCase(ctx.scheme())
        || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }
}
