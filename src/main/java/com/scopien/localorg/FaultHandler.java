package com.scopien.localorg;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Request;

/**
 * Fault injection on the wire: {@link #strike} runs before every {@code /services/data} and {@code
 * /services/async} call and makes it fail as the {@link FaultInjector} decides, in the shape of
 * that API (REST JSON or Bulk XML). {@code /_scopien/faults} sets the plan (POST {@code {"seed",
 * "rules": [{"kind","rate","paths"?,"delayMs"?}]}}), shows it and what fired (GET), or clears it
 * (DELETE); it answers only callers on the loopback interface, so it never exists for anyone but a
 * test harness on the same machine.
 */
final class FaultHandler {

  private final FaultInjector injector;
  private final SessionStore sessions;

  FaultHandler(FaultInjector injector, SessionStore sessions) {
    this.injector = injector;
    this.sessions = sessions;
  }

  void strike(Context ctx) throws InterruptedException {
    FaultInjector.Strike strike = injector.draw(ctx.method().name(), ctx.path()).orElse(null);
    if (strike == null) {
      return;
    }
    boolean bulk = ctx.path().startsWith("/services/async/");
    switch (strike.rule().kind()) {
      case SLOW -> Thread.sleep(strike.rule().delayOrDefault());
      case DROP -> {
        Request.getBaseRequest(ctx.req())
            .getHttpChannel()
            .abort(new IOException("connection dropped by fault injection"));
        ctx.skipRemainingHandlers();
      }
      case LOCK ->
          throw bulk
              ? new BulkError(400, "TooManyLockFailure", "Too many lock failures")
              : new ApiError(
                  400,
                  "UNABLE_TO_LOCK_ROW",
                  "unable to obtain exclusive access to this record",
                  List.of());
      case SERVER_ERROR -> throw serverError(bulk, strike.unavailable());
      case EXPIRED_SESSION -> {
        sessions.revoke(bulk ? ctx.header("X-SFDC-Session") : RestGate.bearer(ctx));
        throw bulk ? BulkError.invalidSession() : ApiError.invalidSession();
      }
      case LIMIT ->
          throw bulk
              ? new BulkError(403, "ExceededQuota", "TotalRequests Limit exceeded.")
              : ApiError.limitExceeded();
    }
  }

  void show(Context ctx) {
    loopbackOnly(ctx);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("plan", injector.plan());
    body.put("fired", injector.fired());
    ctx.json(body);
  }

  void set(Context ctx) {
    loopbackOnly(ctx);
    FaultPlan plan;
    try {
      plan = WireFormat.JSON.readValue(ctx.body(), FaultPlan.class);
    } catch (IOException | IllegalArgumentException e) {
      throw ApiError.badRequest("JSON_PARSER_ERROR", "Not a fault plan: " + e.getMessage());
    }
    injector.use(plan);
    show(ctx);
  }

  void clear(Context ctx) {
    loopbackOnly(ctx);
    injector.use(FaultPlan.none());
    ctx.status(204);
  }

  private static RuntimeException serverError(boolean bulk, boolean unavailable) {
    if (bulk) {
      return new BulkError(500, "InternalServerError", "An internal server error occurred");
    }
    return unavailable
        ? new ApiError(503, "SERVER_UNAVAILABLE", "Server temporarily unavailable", null)
        : new ApiError(
            500,
            "UNKNOWN_EXCEPTION",
            "An unexpected error occurred. Please include this ErrorId if you contact support:"
                + " injected",
            null);
  }

  private static void loopbackOnly(Context ctx) {
    boolean loopback;
    try {
      loopback = InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      loopback = false;
    }
    if (!loopback) {
      throw new ApiError(
          403, "INSUFFICIENT_ACCESS", "Fault control is for loopback callers.", null);
    }
  }
}
