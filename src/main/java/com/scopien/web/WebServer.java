package com.scopien.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.scopien.agent.RecordVisibility;
import com.scopien.agent.SoqlQueryService;
import com.scopien.agent.StreamingAssistant;
import com.scopien.monitoring.ApiUsageMonitor;
import com.scopien.orgs.OrgAdmin;
import com.scopien.orgs.OrgDirectory;
import com.scopien.privacy.PersonalData;
import com.scopien.security.ApiKeyAuthenticator;
import com.scopien.security.AuditLog;
import com.scopien.security.FieldSecurityAdmin;
import com.scopien.security.GuestAccess;
import com.scopien.security.StoreBackups;
import com.scopien.security.User;
import com.scopien.security.UserAdmin;
import com.scopien.sync.LocalChangeService;
import com.scopien.sync.SyncService;
import com.scopien.sync.SyncSettingsService;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge: the JSON API of the contract under {@code /api}, {@code /health}, and the chat
 * panel's files (the classpath folder {@code web/}) at {@code /}. Every {@code /api/*} request
 * needs {@code Authorization: Bearer <api key>}, or with {@link #withSignIn} the browser session
 * cookie (and {@code X-CSRF-Token} on changes); every error is {@code
 * {"error":{"code","message"}}}.
 *
 * <p>Routes: {@code GET /health}; {@code GET /api/me}; {@code POST /api/chat} and its server-sent
 * events twin {@code POST /api/chat/stream}; {@code GET /api/conversations/{id}/messages}; {@code
 * POST /api/chat/confirm} and {@code /api/chat/cancel} with {@code {"conversationId"}}; {@code GET
 * /api/orgs}; {@code GET /api/conversations/{id}}; {@code POST /api/conversations/{id}/org} with
 * {@code {"org"}}. With {@link #withOrgAdmin}, admins only (Settings → Integrations): {@code POST
 * /api/orgs/connect}, {@code GET /api/orgs/connect/{requestId}}, {@code GET /api/orgs/{id}}, {@code
 * POST /api/orgs/{id}/reconnect}, {@code DELETE /api/orgs/{id}} ({@code ?remove=true} to delete).
 * Without a key: {@code GET /oauth/callback}, where the org sends the admin's browser back.
 *
 * <p>A server is started once and stopped once; {@link #close()} stops it. Handlers run on Jetty's
 * thread pool, so the collaborators must be thread-safe.
 */
public final class WebServer implements AutoCloseable {

  /** The largest request body accepted; larger ones get 413. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  private final String host;
  private final int port;
  private final Javalin app;
  private final JsonBodyReader reader;
  private final OrgDirectory orgs;
  private final ApiKeyAuthHandler auth;

  /**
   * @param host the address to listen on, such as {@code 127.0.0.1}
   * @param port the port, or 0 for any free one (see {@link #port()})
   * @param clock the time {@code /health} reports
   * @param version the build's version, reported by {@code /health}
   */
  public WebServer(
      String host,
      int port,
      StreamingAssistant assistant,
      PendingWrites pendingWrites,
      OrgDirectory orgs,
      SoqlQueryService queries,
      ApiKeyAuthenticator authenticator,
      Clock clock,
      String version) {
    this(
        host,
        port,
        assistant,
        pendingWrites,
        orgs,
        queries,
        authenticator,
        null,
        null,
        null,
        clock,
        version);
  }

  /**
   * A server with the sync routes too ({@code POST /api/orgs/{id}/sync}, {@code /api/sync/runs},
   * {@code /api/orgs/{id}/objects}, settings, mappings, errors, health, {@code PATCH
   * /api/orgs/{id}/records/{object}/{id}}, conflicts; see {@link SyncHandler}). The three sync
   * services are all given or all null (no sync routes).
   */
  public WebServer(
      String host,
      int port,
      StreamingAssistant assistant,
      PendingWrites pendingWrites,
      OrgDirectory orgs,
      SoqlQueryService queries,
      ApiKeyAuthenticator authenticator,
      SyncService sync,
      SyncSettingsService syncSettings,
      LocalChangeService localChanges,
      Clock clock,
      String version) {
    this.host = Objects.requireNonNull(host, "host");
    this.port = port;
    ObjectMapper json = objectMapper();
    this.reader = new JsonBodyReader(json, MAX_BODY_BYTES);
    ChatHandler chat =
        new ChatHandler(
            Objects.requireNonNull(assistant, "assistant"),
            Objects.requireNonNull(pendingWrites, "pendingWrites"),
            reader,
            json);
    this.orgs = Objects.requireNonNull(orgs, "orgs");
    OrgHandler orgHandler = new OrgHandler(orgs, reader, assistant);
    QueryHandler queryHandler =
        new QueryHandler(Objects.requireNonNull(queries, "queries"), reader);
    this.auth = new ApiKeyAuthHandler(Objects.requireNonNull(authenticator, "authenticator"));
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(version, "version");

    this.app = Javalin.create(config -> configure(config, json));
    new ErrorMapper().register(app);
    app.before(SecurityHeaders::apply);
    app.before("/api/*", auth::authenticate);
    app.beforeMatched(auth::authorize);

    app.get(
        "/health",
        ctx -> ctx.json(new WireFormat.Health("ok", version, clock.instant())),
        Access.PUBLIC);
    app.get(
        "/api/me",
        ctx ->
            ctx.json(WireFormat.me(ApiKeyAuthHandler.user(ctx), ApiKeyAuthHandler.csrfToken(ctx))),
        Access.ANY_USER);
    app.post("/api/chat", chat::chat, Access.ANY_USER);
    app.post("/api/chat/stream", chat::stream, Access.ANY_USER);
    app.post("/api/chat/confirm", chat::confirm, Access.ANY_USER);
    app.post("/api/chat/cancel", chat::cancel, Access.ANY_USER);
    app.get("/api/orgs", orgHandler::list, Access.ANY_USER);
    app.post("/api/query", queryHandler::query, Access.ANY_USER);
    app.get("/api/conversations/{id}", orgHandler::conversation, Access.ANY_USER);
    app.post("/api/conversations/{id}/org", orgHandler::switchOrg, Access.ANY_USER);
    app.get("/api/conversations/{id}/messages", chat::history, Access.ANY_USER);
    if (sync != null && syncSettings != null && localChanges != null) {
      new SyncHandler(sync, syncSettings, reader, clock).register(app);
      new RecordChangeHandler(localChanges, reader).register(app);
    }
  }

  /**
   * Routes another edge adds to this server, such as Slack's. Routes under {@code /api/} get the
   * API key check like every other ({@link #signedInUser} then names the caller) and must check
   * finer access in the service they call; routes elsewhere are public and must verify their
   * callers themselves (Slack signs its requests).
   */
  @FunctionalInterface
  public interface Routes {
    void addTo(Javalin app);
  }

  /**
   * Adds Settings → Integrations: the admins' org routes ({@code POST /api/orgs/connect}, {@code
   * GET /api/orgs/connect/{requestId}}, {@code GET /api/orgs/{id}}, {@code POST
   * /api/orgs/{id}/reconnect}, {@code DELETE /api/orgs/{id}} with {@code ?remove=true} to delete),
   * all {@link Access#ADMIN}, and {@code GET /oauth/callback}, where the org sends the admin's
   * browser back (no key: the single-use state identifies the sign-in). Call before {@link
   * #start()}. Returns this server.
   */
  public WebServer withOrgAdmin(OrgAdmin orgAdmin) {
    OrgAdminHandler admin =
        new OrgAdminHandler(Objects.requireNonNull(orgAdmin, "orgAdmin"), reader);
    OAuthCallbackHandler callback = new OAuthCallbackHandler(orgAdmin);
    app.post("/api/orgs/connect", admin::connect, Access.ADMIN);
    app.get("/api/orgs/connect/{requestId}", admin::outcome, Access.ADMIN);
    app.get("/api/orgs/{id}", admin::card, Access.ADMIN);
    app.post("/api/orgs/{id}/reconnect", admin::reconnect, Access.ADMIN);
    app.delete("/api/orgs/{id}", admin::disconnect, Access.ADMIN);
    app.get("/oauth/callback", callback::callback, Access.PUBLIC);
    return this;
  }

  /**
   * Adds {@code GET /api/orgs/{id}/usage} (users, managers and admins; not Guests): the org's API
   * allowance for the Monitoring page, from {@code usage}. Call before {@link #start()}. Returns
   * this server.
   */
  public WebServer withUsage(ApiUsageMonitor usage) {
    new UsageHandler(Objects.requireNonNull(usage, "usage"), orgs).register(app);
    return this;
  }

  /**
   * Adds the admins' user links ({@code PUT} and {@code DELETE /api/orgs/{id}/users/{userId}}, see
   * {@link UserLinkHandler}); {@code userExists} says whether a Scopien user id is known.
   */
  public WebServer withUserLinks(
      RecordVisibility visibility, java.util.function.Predicate<String> userExists) {
    UserLinkHandler links =
        new UserLinkHandler(
            Objects.requireNonNull(visibility), Objects.requireNonNull(userExists), reader);
    app.put("/api/orgs/{id}/users/{userId}", links::link, Access.ADMIN);
    app.delete("/api/orgs/{id}/users/{userId}", links::unlink, Access.ADMIN);
    return this;
  }

  /**
   * Adds users and keys ({@link UserHandler}: {@code /api/users}, {@code /api/users/{id}/keys}),
   * the audit log ({@code GET /api/audit}) and what Guests may read ({@code GET|PUT
   * /api/guest-access}). Call before {@link #start()}. Returns this server.
   */
  public WebServer withUserAdmin(UserAdmin users, AuditLog audit, GuestAccess guests) {
    new UserHandler(Objects.requireNonNull(users, "users"), reader).register(app);
    new AuditHandler(Objects.requireNonNull(audit, "audit")).register(app);
    new GuestAccessHandler(Objects.requireNonNull(guests, "guests"), audit, reader).register(app);
    return this;
  }

  /**
   * Adds "Sign in with Salesforce" and browser sessions ({@link SignInHandler}: {@code
   * /auth/salesforce/login}, {@code /auth/salesforce/callback}, {@code /auth/logout}, {@code
   * /api/auth/settings}); from then on {@code /api/*} accepts the session cookie (with the CSRF
   * header on changes) beside API keys. Call before {@link #start()}. Returns this server.
   */
  public WebServer withSignIn(
      com.scopien.orgs.SalesforceSignIn signIn,
      com.scopien.security.SignInAccounts accounts,
      com.scopien.security.SignInSettings settings,
      com.scopien.security.WebSessions sessions,
      AuditLog audit,
      java.time.Duration cookieLifetime) {
    auth.acceptSessions(Objects.requireNonNull(sessions, "sessions"));
    new SignInHandler(signIn, accounts, settings, sessions, audit, reader, cookieLifetime)
        .register(app);
    return this;
  }

  /**
   * Adds Settings → Field Security (admins): {@code GET /api/orgs/{id}/field-security?object=} and
   * {@code PUT /api/orgs/{id}/field-security/{object}} ({@link FieldSecurityHandler}). Call before
   * {@link #start()}. Returns this server.
   */
  public WebServer withFieldSecurity(FieldSecurityAdmin fieldSecurity) {
    new FieldSecurityHandler(Objects.requireNonNull(fieldSecurity, "fieldSecurity"), reader)
        .register(app);
    return this;
  }

  /**
   * Adds {@code POST /api/admin/backup} (admins): an encrypted snapshot of the running store
   * ({@link BackupHandler}). Call before {@link #start()}. Returns this server.
   */
  public WebServer withBackup(StoreBackups backups) {
    new BackupHandler(Objects.requireNonNull(backups, "backups"), reader).register(app);
    return this;
  }

  /**
   * Adds the admins' personal-data routes, {@code GET /api/privacy/export} and {@code POST
   * /api/privacy/erase} ({@link PrivacyHandler}). Call before {@link #start()}. Returns this
   * server.
   */
  public WebServer withPrivacy(PersonalData personalData) {
    new PrivacyHandler(Objects.requireNonNull(personalData, "personalData"), reader).register(app);
    return this;
  }

  /** Adds another edge's routes; call before {@link #start()}. Returns this server. */
  public WebServer withRoutes(Routes routes) {
    routes.addTo(app);
    return this;
  }

  /** The user whose API key an {@code /api/} request carried. */
  public static User signedInUser(Context ctx) {
    return ApiKeyAuthHandler.user(ctx);
  }

  /** Starts listening; returns this server. */
  public WebServer start() {
    app.start(host, port);
    LOG.info("Listening on http://{}:{}/", host, app.port());
    return this;
  }

  /** The port listened on: the one asked for, or the one chosen when 0 was asked for. */
  public int port() {
    return app.port();
  }

  /** Stops listening and waits for requests in flight to finish. */
  public void stop() {
    app.stop();
  }

  @Override
  public void close() {
    stop();
  }

  private static void configure(JavalinConfig config, ObjectMapper json) {
    config.showJavalinBanner = false;
    config.jsonMapper(new JavalinJackson(json, false));
    config.http.maxRequestSize = MAX_BODY_BYTES;
    config.http.prefer405over404 = true;
    config.router.ignoreTrailingSlashes = true;
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/";
          files.directory = "/web";
          files.location = Location.CLASSPATH;
        });
    config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
    config.requestLogger.http(
        (ctx, millis) -> {
          if (ctx.path().startsWith("/api/")) {
            LOG.info(
                "{} {} -> {} ({} ms)",
                ctx.method(),
                ctx.path(),
                ctx.status().getCode(),
                Math.round(millis));
          }
        });
  }

  private static ObjectMapper objectMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }
}
