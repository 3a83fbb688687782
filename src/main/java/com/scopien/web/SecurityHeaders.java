package com.scopien.web;

import io.javalin.http.Context;

/**
 * Headers on every answer, UI and API alike. The Content-Security-Policy allows scripts, styles,
 * images and requests from our own origin only, so the UI can hold no inline script and record text
 * can never become code; the page may not be framed.
 */
final class SecurityHeaders {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
          + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
          + "form-action 'self'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  static void apply(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    if (ctx.path().startsWith("/api/")) {
      // Answers carry CRM data: no shared or browser cache may keep them.
      ctx.header("Cache-Control", "no-store");
    }
  }
}
