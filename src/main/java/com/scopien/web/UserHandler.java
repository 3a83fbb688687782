package com.scopien.web;

import com.scopien.ScopienException;
import com.scopien.security.User;
import com.scopien.security.UserAdmin;
import com.scopien.security.UserProfile;
import com.scopien.security.UserService;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Users and their API keys: {@code POST /api/users}, {@code GET /api/users}, {@code GET|PATCH
 * /api/users/{id}}, {@code POST|GET /api/users/{id}/keys}, {@code DELETE
 * /api/users/{id}/keys/{keyId}}. Parse, call {@link UserAdmin} (which decides who may), render. A
 * new key is in the answer once and never again.
 */
final class UserHandler {
  private static final Set<String> CREATABLE = Set.of("email", "name", "role", "managerId");
  private static final Set<String> PATCHABLE = Set.of("name", "role", "managerId", "active");

  private final UserAdmin admin;
  private final JsonBodyReader reader;

  UserHandler(UserAdmin admin, JsonBodyReader reader) {
    this.admin = admin;
    this.reader = reader;
  }

  void register(Javalin app) {
    app.post("/api/users", this::create, Access.ADMIN);
    app.get("/api/users", this::list, Access.ADMIN);
    // Everyone may read themselves and manage their own keys; UserAdmin checks whose they are.
    app.get("/api/users/{id}", this::get, Access.ANY_USER);
    app.patch("/api/users/{id}", this::update, Access.ADMIN);
    app.post("/api/users/{id}/keys", this::issueKey, Access.ANY_USER);
    app.get("/api/users/{id}/keys", this::keys, Access.ANY_USER);
    app.delete("/api/users/{id}/keys/{keyId}", this::revokeKey, Access.ANY_USER);
  }

  void create(Context ctx) {
    JsonBodyReader.Body body = reader.read(ctx);
    onlyKnownFields(body, CREATABLE);
    UserProfile created =
        admin.create(
            actor(ctx),
            new UserAdmin.NewUser(
                body.optionalText("email").orElse(null),
                body.optionalText("name").orElse(null),
                body.optionalText("role").orElse(null),
                body.optionalText("managerId").orElse(null)));
    ctx.status(HttpStatus.CREATED).json(user(created));
  }

  void list(Context ctx) {
    ctx.json(admin.list(actor(ctx)).stream().map(UserHandler::user).toList());
  }

  void get(Context ctx) {
    ctx.json(user(admin.get(actor(ctx), ctx.pathParam("id"))));
  }

  void update(Context ctx) {
    JsonBodyReader.Body body = reader.read(ctx);
    onlyKnownFields(body, PATCHABLE);
    if (body.fieldNames().isEmpty()) {
      throw ScopienException.invalid(
          "invalid_user", "Nothing to change: send at least one of active, managerId, name, role.");
    }
    UserProfile changed =
        admin.update(
            actor(ctx),
            ctx.pathParam("id"),
            new UserAdmin.Change(
                body.optionalText("name").orElse(null),
                body.optionalText("role").orElse(null),
                body.has("managerId"),
                body.optionalText("managerId").orElse(null),
                body.optionalBoolean("active").orElse(null)));
    ctx.json(user(changed));
  }

  void issueKey(Context ctx) {
    JsonBodyReader.Body body = reader.read(ctx);
    Instant expiresAt = body.optionalText("expiresAt").map(UserHandler::instant).orElse(null);
    UserService.IssuedKey key =
        admin.issueKey(
            actor(ctx), ctx.pathParam("id"), body.optionalText("name").orElse(null), expiresAt);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", key.id());
    out.put("key", key.key().reveal());
    out.put("prefix", key.prefix());
    out.put("name", body.optionalText("name").map(String::strip).orElse(null));
    out.put("expiresAt", expiresAt);
    ctx.status(HttpStatus.CREATED).json(out);
  }

  void keys(Context ctx) {
    ctx.json(
        admin.keys(actor(ctx), ctx.pathParam("id")).stream().map(UserHandler::keyInfo).toList());
  }

  void revokeKey(Context ctx) {
    admin.revokeKey(actor(ctx), ctx.pathParam("id"), ctx.pathParam("keyId"));
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /** A field we do not know is refused rather than ignored, so a typo never passes silently. */
  private static void onlyKnownFields(JsonBodyReader.Body body, Set<String> known) {
    List<String> unknown = body.fieldNames().stream().filter(f -> !known.contains(f)).toList();
    if (!unknown.isEmpty()) {
      throw ScopienException.invalid(
          "invalid_user",
          "Unknown field"
              + (unknown.size() == 1 ? " " : "s ")
              + String.join(", ", unknown)
              + "; send only "
              + String.join(", ", known.stream().sorted().toList())
              + ".");
    }
  }

  private static User actor(Context ctx) {
    return ApiKeyAuthHandler.user(ctx);
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw ScopienException.invalid(
          "invalid_key",
          "Field 'expiresAt' must be a time such as 2027-01-31T00:00:00Z (ISO 8601, in UTC).");
    }
  }

  static Map<String, Object> user(UserProfile p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", p.user().id());
    out.put("email", p.user().email());
    out.put("name", p.user().name());
    out.put("role", p.user().role().name().toLowerCase(Locale.ROOT));
    out.put("managerId", p.managerId());
    out.put("active", p.active());
    out.put("createdAt", p.createdAt());
    out.put("deactivatedAt", p.deactivatedAt());
    return out;
  }

  private static Map<String, Object> keyInfo(UserService.ApiKeyInfo k) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", k.id());
    out.put("name", k.name());
    out.put("prefix", k.prefix());
    out.put("createdAt", k.createdAt());
    out.put("expiresAt", k.expiresAt());
    out.put("lastUsedAt", k.lastUsedAt());
    out.put("revokedAt", k.revokedAt());
    out.put("active", k.active());
    return out;
  }
}
