package com.scopien.web;

import com.scopien.ScopienException;
import com.scopien.sync.LocalChangeService;
import com.scopien.sync.SyncConflict;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scopien-side record changes and the conflicts they can meet: {@code PATCH
 * /api/orgs/{id}/records/{object}/{recordId}} with {@code {"fields": {...}}} (queued and pushed to
 * Salesforce), {@code GET /api/orgs/{id}/conflicts} (field-by-field diffs), {@code POST
 * /api/orgs/{id}/conflicts/{conflictId}/resolve} with {@code {"fields": {"Name": "salesforce"},
 * "otherwise": "scopien"}}. Who may write is checked by the service.
 */
final class RecordChangeHandler {
  private final LocalChangeService changes;
  private final JsonBodyReader reader;

  RecordChangeHandler(LocalChangeService changes, JsonBodyReader reader) {
    this.changes = changes;
    this.reader = reader;
  }

  void register(Javalin app) {
    app.patch("/api/orgs/{id}/records/{object}/{recordId}", this::change, Access.MEMBER);
    app.get("/api/orgs/{id}/conflicts", this::conflicts, Access.MEMBER);
    app.post("/api/orgs/{id}/conflicts/{conflictId}/resolve", this::resolve, Access.MEMBER);
  }

  /** The record as it now reads in Scopien, the fields queued for Salesforce, the pushing run. */
  record Changed(
      String object, String id, Map<String, Object> fields, List<String> pending, String runId) {}

  /** One conflict with its diff. */
  record Conflict(
      String id,
      String object,
      String recordId,
      Instant detectedAt,
      String status,
      List<SyncConflict.FieldDiff> fields) {
    static Conflict of(SyncConflict c) {
      return new Conflict(
          c.id(),
          c.object(),
          c.recordId(),
          c.detectedAt(),
          c.open() ? "open" : "resolved",
          c.fields());
    }
  }

  void change(Context ctx) {
    Map<String, Object> fields =
        reader
            .read(ctx)
            .optionalObject("fields")
            .orElseThrow(
                () ->
                    ScopienException.invalid(
                        "missing_fields",
                        "Field 'fields' is required: an object of field API name to value."));
    LocalChangeService.Change change =
        changes.change(
            ApiKeyAuthHandler.user(ctx),
            ctx.pathParam("id"),
            ctx.pathParam("object"),
            ctx.pathParam("recordId"),
            fields);
    ctx.json(
        new Changed(
            change.object(), change.id(), change.fields(), change.pending(), change.runId()));
  }

  void conflicts(Context ctx) {
    ctx.json(
        changes.conflicts(ApiKeyAuthHandler.user(ctx), ctx.pathParam("id")).stream()
            .map(Conflict::of)
            .toList());
  }

  void resolve(Context ctx) {
    JsonBodyReader.Body body = reader.read(ctx);
    Map<String, SyncConflict.Side> choices = new LinkedHashMap<>();
    body.optionalObject("fields")
        .orElse(Map.of())
        .forEach(
            (field, side) -> choices.put(field, SyncConflict.Side.parse(String.valueOf(side))));
    SyncConflict.Side otherwise =
        body.optionalText("otherwise").map(SyncConflict.Side::parse).orElse(null);
    SyncConflict resolved =
        changes.resolve(
            ApiKeyAuthHandler.user(ctx),
            ctx.pathParam("id"),
            ctx.pathParam("conflictId"),
            choices,
            otherwise);
    ctx.json(Conflict.of(resolved));
  }
}
