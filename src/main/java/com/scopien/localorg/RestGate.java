package com.scopien.localorg;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * The front door of every {@code /services/data/vXX.X/...} resource: checks the version, the
 * session (401 INVALID_SESSION_ID) and the daily allocation (403 REQUEST_LIMIT_EXCEEDED), counts
 * the call and sets {@code Sforce-Limit-Info}, then hands a {@link RestCall} to the resource's
 * handler. Keeping this in one place means every resource family meters and authenticates alike.
 */
final class RestGate {

  /** A resource handler behind the gate. */
  @FunctionalInterface
  interface Resource {
    void handle(RestCall call) throws Exception;
  }

  private final SessionStore sessions;
  private final ApiUsageMeter usage;
  private final java.util.concurrent.atomic.AtomicLong queries =
      new java.util.concurrent.atomic.AtomicLong();

  RestGate(SessionStore sessions, ApiUsageMeter usage) {
    this.sessions = sessions;
    this.usage = usage;
  }

  Handler guard(Resource resource) {
    return ctx -> {
      String version = ApiVersions.parse(ctx.pathParam("version"));
      SessionStore.Session session =
          sessions.touch(bearer(ctx)).orElseThrow(ApiError::invalidSession);
      try {
        long used = usage.acquire();
        limitHeader(ctx, used);
        if (ctx.endpointHandlerPath().contains("/query")) {
          queries.incrementAndGet();
        }
      } catch (ApiError limit) {
        limitHeader(ctx, usage.used());
        throw limit;
      }
      resource.handle(new RestCall(ctx, version, session));
    };
  }

  /** Metered calls of the query resources (query, queryAll, their pages, Bulk 2.0 queries). */
  long queryCalls() {
    return queries.get();
  }

  private void limitHeader(Context ctx, long used) {
    ctx.header("Sforce-Limit-Info", "api-usage=" + used + "/" + usage.max());
  }

  /** The token of an {@code Authorization: Bearer} (or legacy {@code OAuth}) header, or null. */
  static String bearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null) {
      return null;
    }
    for (String scheme : new String[] {"Bearer ", "OAuth "}) {
      if (header.regionMatches(true, 0, scheme, 0, scheme.length())) {
        return header.substring(scheme.length()).trim();
      }
    }
    return null;
  }
}
