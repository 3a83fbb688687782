package com.scopien.web;

import com.scopien.ScopienException;
import com.scopien.security.AuditLog;
import com.scopien.security.GuestAccess;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * {@code GET} and {@code PUT /api/guest-access} (admins): the objects and fields Guests may read,
 * as {@code {"objects":{"Account":["Id","Name"]}}}. A {@code PUT} replaces them all and is audited.
 */
final class GuestAccessHandler {
  private final GuestAccess guests;
  private final AuditLog audit;
  private final JsonBodyReader reader;

  GuestAccessHandler(GuestAccess guests, AuditLog audit, JsonBodyReader reader) {
    this.guests = guests;
    this.audit = audit;
    this.reader = reader;
  }

  void register(Javalin app) {
    app.get("/api/guest-access", this::show, Access.ADMIN);
    app.put("/api/guest-access", this::replace, Access.ADMIN);
  }

  void show(Context ctx) {
    ctx.json(Map.of("objects", guests.opened()));
  }

  void replace(Context ctx) {
    Map<String, List<String>> objects =
        reader
            .read(ctx)
            .optionalTextListMap("objects")
            .orElseThrow(
                () ->
                    ScopienException.invalid(
                        "missing_objects",
                        "Send {\"objects\": {\"Account\": [\"Id\", \"Name\"]}}; {} closes all."));
    guests.replace(ApiKeyAuthHandler.user(ctx), objects, audit);
    ctx.json(Map.of("objects", guests.opened()));
  }
}
