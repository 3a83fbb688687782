package com.scopien.web;

import com.scopien.ScopienException;
import com.scopien.sync.SettingsChange;
import com.scopien.sync.SyncRun;
import com.scopien.sync.SyncService;
import com.scopien.sync.SyncSettings;
import com.scopien.sync.SyncSettingsService;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sync routes: start a run, follow runs, the objects with their local counts, the error log,
 * sync health, and the settings an admin changes (frequency, directions, conflict policy, object
 * selection, field mappings). Each parses, calls one service, renders.
 */
final class SyncHandler {
  private static final int DEFAULT_ERRORS = 50;
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

  private final SyncService sync;
  private final SyncSettingsService settings;
  private final JsonBodyReader reader;
  private final Clock clock;

  SyncHandler(SyncService sync, SyncSettingsService settings, JsonBodyReader reader, Clock clock) {
    this.sync = sync;
    this.settings = settings;
    this.reader = reader;
    this.clock = clock;
  }

  void register(Javalin app) {
    app.post("/api/orgs/{id}/sync", this::start, Access.MANAGER);
    app.get("/api/sync/runs", this::runs, Access.MEMBER);
    app.get("/api/sync/runs/{runId}", this::run, Access.MEMBER);
    app.get("/api/sync/runs/{runId}/events", this::events, Access.MEMBER);
    app.post("/api/sync/runs/{runId}/stop", this::stop, Access.MANAGER);
    app.get("/api/orgs/{id}/objects", this::objects, Access.MEMBER);
    app.patch("/api/orgs/{id}/objects", this::select, Access.ADMIN);
    app.get("/api/orgs/{id}/sync/errors", this::errors, Access.MEMBER);
    app.get("/api/orgs/{id}/sync/health", this::health, Access.MEMBER);
    app.get("/api/orgs/{id}/sync/settings", this::settings, Access.MEMBER);
    app.patch("/api/orgs/{id}/sync/settings", this::updateSettings, Access.ADMIN);
    app.get("/api/orgs/{id}/mappings", this::mappings, Access.MEMBER);
    app.post("/api/orgs/{id}/mappings", this::map, Access.ADMIN);
    app.delete("/api/orgs/{id}/mappings/{object}/{field}", this::unmap, Access.ADMIN);
  }

  /** {@code POST /api/orgs/{id}/sync} with {@code {"objects"?: [...], "full"?: bool}}: 202. */
  void start(Context ctx) {
    List<String> objects = List.of();
    boolean full = false;
    if (ctx.req().getContentLengthLong() != 0) {
      JsonBodyReader.Body body = reader.read(ctx);
      objects = body.optionalTextList("objects").orElse(List.of());
      full = body.optionalBoolean("full").orElse(false);
    }
    String runId = sync.start(ctx.pathParam("id"), objects, full, SyncRun.Trigger.MANUAL);
    ctx.status(HttpStatus.ACCEPTED).json(new SyncWire.Started(runId));
  }

  /** {@code GET /api/sync/runs?org={id}&limit=}: newest first. */
  void runs(Context ctx) {
    String org = ctx.queryParam("org");
    if (org == null || org.isBlank()) {
      throw ScopienException.invalid(
          "missing_org", "Say whose runs: GET /api/sync/runs?org=<org id>.");
    }
    int limit = intParam(ctx, "limit", 50, 1, 500);
    ctx.json(sync.runs(org, limit).stream().map(r -> SyncWire.Run.of(r, clock.instant())).toList());
  }

  void run(Context ctx) {
    ctx.json(SyncWire.Run.of(sync.run(ctx.pathParam("runId")), clock.instant()));
  }

  /**
   * {@code GET /api/sync/runs/{runId}/events}: server-sent {@code progress} events carrying the run
   * (the same body as {@code GET /api/sync/runs/{runId}}) about once a second while it runs, then
   * the final one; the stream ends with the run.
   */
  void events(Context ctx) throws Exception {
    String runId = sync.run(ctx.pathParam("runId")).id();
    new SseHandler(client -> stream(client, runId)).handle(ctx);
  }

  private void stream(SseClient client, String runId) {
    try {
      SyncRun run = sync.run(runId);
      while (!client.terminated()) {
        client.sendEvent("progress", SyncWire.Run.of(run, clock.instant()));
        if (run.status() != SyncRun.Status.RUNNING) {
          break;
        }
        run = sync.await(runId, PROGRESS_EVERY);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      client.close();
    }
  }

  /** Asks a run to stop at its next checkpoint: 202, or 409 when it is not working here. */
  void stop(Context ctx) {
    SyncRun run = sync.run(ctx.pathParam("runId"));
    if (!sync.stop(run.id())) {
      throw new ScopienException(
          ScopienException.Kind.CONFLICT,
          "run_not_active",
          "Run " + run.id() + " is not running on this server (" + run.status().wireName() + ").");
    }
    ctx.status(HttpStatus.ACCEPTED).json(SyncWire.Run.of(sync.run(run.id()), clock.instant()));
  }

  void objects(Context ctx) {
    ctx.json(sync.objects(ctx.pathParam("id")).stream().map(SyncWire.ObjectEntry::of).toList());
  }

  /** {@code PATCH /api/orgs/{id}/objects} with {@code {"selected": {"Campaign": true}}}. */
  void select(Context ctx) {
    Map<String, Boolean> selection =
        reader
            .read(ctx)
            .optionalBooleanMap("selected")
            .orElseThrow(
                () ->
                    ScopienException.invalid(
                        "missing_selected",
                        "Field 'selected' is required: an object of API name to true or false."));
    settings.select(ctx.pathParam("id"), selection);
    objects(ctx);
  }

  /** {@code GET /api/orgs/{id}/sync/errors?sinceHours=24&limit=50&object=Account}. */
  void errors(Context ctx) {
    int hours = intParam(ctx, "sinceHours", 24, 1, 720);
    int limit = intParam(ctx, "limit", DEFAULT_ERRORS, 1, 500);
    List<String> objects = ctx.queryParams("object");
    ctx.json(
        sync.errors(ctx.pathParam("id"), objects, Duration.ofHours(hours), limit).stream()
            .map(SyncWire.Error::of)
            .toList());
  }

  void health(Context ctx) {
    ctx.json(SyncWire.Health.of(sync.health(ctx.pathParam("id"))));
  }

  void settings(Context ctx) {
    ctx.json(SyncWire.Settings.of(settings.settings(ctx.pathParam("id"))));
  }

  /**
   * {@code PATCH /api/orgs/{id}/sync/settings} with any of {@code frequency}, {@code inbound},
   * {@code outbound}, {@code conflictPolicy}, and {@code objectPolicies}: per-object overrides of
   * the conflict policy ({@code {"Opportunity": "manual-review", "Lead": null}}, null returning the
   * object to the org's policy). Every value is parsed before anything is changed.
   */
  void updateSettings(Context ctx) {
    JsonBodyReader.Body body = reader.read(ctx);
    Map<String, SyncSettings.ConflictPolicy> overrides = new LinkedHashMap<>();
    body.optionalObject("objectPolicies")
        .orElse(Map.of())
        .forEach(
            (object, policy) ->
                overrides.put(
                    object,
                    policy == null
                        ? null
                        : SyncSettings.ConflictPolicy.parse(String.valueOf(policy))));
    SettingsChange change =
        new SettingsChange(
            body.optionalText("frequency").map(SyncSettings.Frequency::parse).orElse(null),
            body.optionalBoolean("inbound").orElse(null),
            body.optionalBoolean("outbound").orElse(null),
            body.optionalText("conflictPolicy")
                .map(SyncSettings.ConflictPolicy::parse)
                .orElse(null));
    // Overrides first: they are the part that can still be refused (an unknown object), and
    // they are checked as a whole before any is saved, so a refused request changes nothing.
    settings.setConflictPolicies(ctx.pathParam("id"), overrides);
    SyncSettings updated = settings.update(ctx.pathParam("id"), change);
    ctx.json(SyncWire.Settings.of(updated));
  }

  void mappings(Context ctx) {
    ctx.json(settings.mappings(ctx.pathParam("id")).stream().map(SyncWire.Mapping::of).toList());
  }

  /** {@code POST /api/orgs/{id}/mappings} with {@code {object, salesforceField, scopienField}}. */
  void map(Context ctx) {
    JsonBodyReader.Body body = reader.read(ctx);
    var mapping =
        settings.map(
            ctx.pathParam("id"),
            body.requiredText("object"),
            body.requiredText("salesforceField"),
            body.requiredText("scopienField"));
    ctx.status(HttpStatus.CREATED).json(SyncWire.Mapping.of(mapping));
  }

  void unmap(Context ctx) {
    settings.unmap(ctx.pathParam("id"), ctx.pathParam("object"), ctx.pathParam("field"));
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Falls through to the error below.
    }
    throw ScopienException.invalid(
        "invalid_" + name,
        "Parameter '" + name + "' must be a whole number from " + min + " to " + max + ".");
  }
}
