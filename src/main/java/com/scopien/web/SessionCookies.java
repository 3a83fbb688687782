package com.scopien.web;

import com.scopien.security.WebSessions;
import io.javalin.http.Context;
import java.time.Duration;

/**
 * The browser session's cookies. {@code scopien_session} carries the session id: HttpOnly,
 * SameSite=Lax, Path=/, Secure when the request came over https. {@code scopien_csrf} carries the
 * session's CSRF token for the page's script to echo in {@value #CSRF_HEADER} (double submit bound
 * to the session: the token is derived from the session id). Neither value is ever logged.
 */
final class SessionCookies {

  static final String SESSION = "scopien_session";
  static final String CSRF = "scopien_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";

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

  private static void add(Context ctx, String cookie, Context request) {
    String secure = isHttps(request) ? "; Secure" : "";
    ctx.res().addHeader("Set-Cookie", cookie + "; Path=/; SameSite=Lax" + secure);
  }

  static boolean isHttps(Context ctx) {
    return "https".equalsIgnoreCase(ctx.scheme())
        || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }
}
