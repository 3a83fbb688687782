package com.scopien.web;

import com.scopien.ScopienException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns an exception into an HTTP answer: {@code {"error":{"code","message"}}}
 * with the status the exception's kind calls for. Our own exceptions carry a safe message; anything
 * else is a defect, logged here with its detail and answered with a generic 500, so no stack trace
 * or class name ever reaches a client.
 */
final class ErrorMapper {

  static final String GENERIC_MESSAGE = "Something went wrong on our side.";

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  /** Javalin's own refusals (no route, wrong method, body too big), by status. */
  private static final Map<Integer, String> HTTP_CODES =
      Map.of(
          400, "bad_request",
          404, "not_found",
          405, "method_not_allowed",
          413, "body_too_large",
          415, "unsupported_media_type",
          503, "unavailable");

  void register(Javalin app) {
    app.exception(ScopienException.class, this::scopien);
    app.exception(HttpResponseException.class, this::http);
    app.exception(Exception.class, this::unexpected);
  }

  private void scopien(ScopienException e, Context ctx) {
    int status = e.kind().httpStatus();
    String message = e.getMessage();
    if (e.kind() == ScopienException.Kind.INTERNAL || message == null || message.isBlank()) {
      LOG.error("{} {} failed: {}", ctx.method(), ctx.path(), e.code(), e);
      message = GENERIC_MESSAGE;
    } else if (status >= 500) {
      LOG.warn("{} {} failed: {} {}", ctx.method(), ctx.path(), e.code(), message, e);
    }
    if (status == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"scopien\"");
    }
    render(ctx, status, e.code() == null ? "error" : e.code(), message);
  }

  private void http(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    String code = HTTP_CODES.getOrDefault(status, "http_" + status);
    String message =
        switch (status) {
          case 404 -> "There is no " + ctx.method() + " " + shortPath(ctx) + " here.";
          case 405 -> ctx.method() + " is not allowed on " + shortPath(ctx) + ".";
          default -> e.getMessage() == null || e.getMessage().isBlank() ? code : e.getMessage();
        };
    if (status == 405) {
      String allowed = e.getDetails().get("availableMethods");
      if (allowed != null) {
        ctx.header("Allow", allowed);
        message += " Use " + allowed + ".";
      }
    }
    if (status >= 500) {
      LOG.warn("{} {} answered {}", ctx.method(), ctx.path(), status, e);
    }
    render(ctx, status, code, message);
  }

  /**
   * The error body for a failure found after a response started (a stream's {@code error} event),
   * logged and worded exactly as when it is the whole response.
   */
  static WireFormat.ErrorBody bodyFor(RuntimeException e, Context ctx) {
    if (e instanceof ScopienException scopien) {
      String message = scopien.getMessage();
      if (scopien.kind() == ScopienException.Kind.INTERNAL
          || message == null
          || message.isBlank()) {
        LOG.error("{} {} failed: {}", ctx.method(), ctx.path(), scopien.code(), e);
        message = GENERIC_MESSAGE;
      } else if (scopien.kind().httpStatus() >= 500) {
        LOG.warn("{} {} failed: {} {}", ctx.method(), ctx.path(), scopien.code(), message, e);
      }
      return WireFormat.ErrorBody.of(scopien.code() == null ? "error" : scopien.code(), message);
    }
    LOG.error("{} {} failed unexpectedly", ctx.method(), ctx.path(), e);
    return WireFormat.ErrorBody.of("internal", GENERIC_MESSAGE);
  }

  private void unexpected(Exception e, Context ctx) {
    LOG.error("{} {} failed unexpectedly", ctx.method(), ctx.path(), e);
    render(ctx, 500, "internal", GENERIC_MESSAGE);
  }

  private static void render(Context ctx, int status, String code, String message) {
    ctx.status(status).json(WireFormat.ErrorBody.of(code, message));
  }

  private static String shortPath(Context ctx) {
    String path = ctx.path();
    return path.length() > 120 ? path.substring(0, 120) + "..." : path;
  }
}
