package com.scopien.localorg;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.json.JavalinJackson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side: Javalin with the OAuth, identity and REST routes, and the one place where errors
 * become Salesforce's shapes (a JSON array for REST, {@code {error, error_description}} for OAuth).
 * Unknown paths under {@code /services/data} answer 404 NOT_FOUND like Salesforce.
 */
final class LocalOrgServer {

  private static final Logger LOG = LoggerFactory.getLogger(LocalOrgServer.class);

  /** The handlers the routes call; built by {@link LocalOrg}. */
  record Handlers(
      RestGate gate,
      OAuthTokenHandler token,
      AuthorizeHandler authorize,
      IdentityHandler identity,
      DataRootHandler root,
      DescribeHandler describe,
      SObjectHandler sobjects,
      ExternalIdHandler externalIds,
      CollectionsHandler collections,
      ReplicationHandler replication,
      QueryHandler query,
      BulkJobHandler bulkJobs,
      BulkQueryHandler bulkQueries,
      FaultHandler faults,
      StreamingHandler streaming) {}

  private final Javalin app;

  LocalOrgServer(String name, Handlers h) {
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.router.ignoreTrailingSlashes = true;
              config.http.prefer405over404 = true;
              config.jsonMapper(new JavalinJackson(WireFormat.JSON, false));
              QueuedThreadPool pool = new QueuedThreadPool(32, 2, 60_000);
              pool.setName("localorg-" + name);
              config.jetty.threadPool = pool;
            });
    routes(h);
    errors();
  }

  private void routes(Handlers h) {
    app.before("/services/data/*", h.faults()::strike);
    app.before("/services/async/*", h.faults()::strike);
    app.get("/_scopien/faults", h.faults()::show);
    app.post("/_scopien/faults", h.faults()::set);
    app.delete("/_scopien/faults", h.faults()::clear);
    app.post("/services/oauth2/token", h.token()::token);
    app.post("/services/oauth2/revoke", h.token()::revoke);
    app.get("/services/oauth2/revoke", h.token()::revoke);
    app.get("/services/oauth2/authorize", h.authorize()::show);
    app.post("/services/oauth2/authorize", h.authorize()::submit);
    app.get("/services/oauth2/userinfo", h.identity()::userInfo);
    app.get("/id/{orgId}/{userId}", h.identity()::identity);
    app.post("/cometd/{version}", h.streaming()::handle);

    String data = "/services/data/{version}";
    RestGate gate = h.gate();
    app.get("/services/data", h.root()::versions);
    app.get(data, gate.guard(h.root()::resources));
    app.get(data + "/limits", gate.guard(h.root()::limits));
    app.get(data + "/sobjects", gate.guard(h.describe()::global));
    app.get(data + "/sobjects/{type}", gate.guard(h.describe()::basic));
    app.post(data + "/sobjects/{type}", gate.guard(h.sobjects()::create));
    app.get(data + "/sobjects/{type}/describe", gate.guard(h.describe()::describe));
    app.get(data + "/sobjects/{type}/updated", gate.guard(h.replication()::updated));
    app.get(data + "/sobjects/{type}/deleted", gate.guard(h.replication()::deleted));
    app.get(data + "/sobjects/{type}/{id}", gate.guard(h.sobjects()::get));
    app.patch(data + "/sobjects/{type}/{id}", gate.guard(h.sobjects()::update));
    app.post(data + "/sobjects/{type}/{id}", gate.guard(h.sobjects()::post));
    app.delete(data + "/sobjects/{type}/{id}", gate.guard(h.sobjects()::delete));
    app.get(data + "/sobjects/{type}/{field}/{value}", gate.guard(h.externalIds()::get));
    app.patch(data + "/sobjects/{type}/{field}/{value}", gate.guard(h.externalIds()::upsert));
    app.post(data + "/sobjects/{type}/{field}/{value}", gate.guard(h.externalIds()::post));
    String collections = data + "/composite/sobjects";
    app.post(collections, gate.guard(h.collections()::create));
    app.patch(collections, gate.guard(h.collections()::update));
    app.delete(collections, gate.guard(h.collections()::delete));
    app.get(collections + "/{type}", gate.guard(h.collections()::retrieve));
    app.post(collections + "/{type}", gate.guard(h.collections()::retrieve));
    app.patch(collections + "/{type}/{field}", gate.guard(h.collections()::upsert));
    app.get(data + "/query", gate.guard(call -> h.query().query(call, false)));
    app.get(data + "/queryAll", gate.guard(call -> h.query().query(call, true)));
    app.get(data + "/query/{locator}", gate.guard(h.query()::more));
    app.get(data + "/queryAll/{locator}", gate.guard(h.query()::more));
    bulkRoutes(data, h);
  }

  private void bulkRoutes(String data, Handlers h) {
    String job = "/services/async/{version}/job";
    BulkJobHandler v1 = h.bulkJobs();
    app.post(job, v1::createJob);
    app.get(job + "/{jobId}", v1::job);
    app.post(job + "/{jobId}", v1::updateJob);
    app.post(job + "/{jobId}/batch", v1::createBatch);
    app.get(job + "/{jobId}/batch", v1::batches);
    app.get(job + "/{jobId}/batch/{batchId}", v1::batch);
    app.get(job + "/{jobId}/batch/{batchId}/request", v1::request);
    app.get(job + "/{jobId}/batch/{batchId}/result", v1::resultList);
    app.get(job + "/{jobId}/batch/{batchId}/result/{resultId}", v1::result);
    String jobs = data + "/jobs/query";
    BulkQueryHandler v2 = h.bulkQueries();
    RestGate gate = h.gate();
    app.post(jobs, gate.guard(v2::create));
    app.get(jobs, gate.guard(v2::list));
    app.get(jobs + "/{jobId}", gate.guard(v2::get));
    app.patch(jobs + "/{jobId}", gate.guard(v2::abort));
    app.delete(jobs + "/{jobId}", gate.guard(v2::delete));
    app.get(jobs + "/{jobId}/results", gate.guard(v2::results));
  }

  private void errors() {
    app.exception(
        ApiError.class,
        (e, ctx) -> restError(ctx, e.status(), e.errorCode(), e.getMessage(), e.fields()));
    app.exception(
        BulkError.class,
        (e, ctx) ->
            ctx.status(e.status())
                .contentType("application/xml")
                .result(BulkXml.error(e.exceptionCode(), e.getMessage())));
    app.exception(
        OAuthError.class,
        (e, ctx) -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("error", e.error());
          body.put("error_description", e.getMessage());
          ctx.status(e.status()).json(body);
        });
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("local org failed on {} {}", ctx.method(), ctx.path(), e);
          restError(
              ctx,
              500,
              "UNKNOWN_EXCEPTION",
              "An unexpected error occurred. Please include this ErrorId if you contact support: "
                  + Integer.toHexString(e.hashCode()),
              null);
        });
    app.exception(
        NotFoundResponse.class,
        (e, ctx) -> {
          if (ctx.path().startsWith("/services/async/")) {
            ctx.status(404)
                .contentType("application/xml")
                .result(BulkXml.error("InvalidUrl", "Unknown resource: " + ctx.path()));
          } else if (ctx.path().startsWith("/services/")) {
            restError(ctx, 404, "NOT_FOUND", ApiError.NOT_FOUND_MESSAGE, null);
          } else {
            ctx.status(404).result("Not Found");
          }
        });
    app.exception(
        MethodNotAllowedResponse.class,
        (e, ctx) ->
            restError(
                ctx,
                405,
                "METHOD_NOT_ALLOWED",
                "HTTP Method '" + ctx.method() + "' not allowed.",
                null));
  }

  private static void restError(
      Context ctx, int status, String code, String message, List<String> fields) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("errorCode", code);
    if (fields != null) {
      error.put("fields", fields);
    }
    ctx.status(status).json(List.of(error));
  }

  /** Starts listening and returns the bound port. */
  int start(String host, int port) {
    app.start(host, port);
    return app.port();
  }

  void stop() {
    app.stop();
  }
}
