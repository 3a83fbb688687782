package com.scopien.web;

import com.scopien.ScopienException;
import com.scopien.security.FieldSecurityAdmin;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;

/**
 * Settings → Field Security (admins): {@code GET /api/orgs/{id}/field-security?object=Contact}
 * lists the object's fields from describe with their label, whether they are hidden and whether the
 * reference suggests hiding them; {@code PUT /api/orgs/{id}/field-security/{object}} with {@code
 * {"hidden":["SSN__c"]}} makes exactly those fields hidden. Unknown org: 404; unknown object or
 * field: 400 and nothing changes.
 */
final class FieldSecurityHandler {
  private final FieldSecurityAdmin admin;
  private final JsonBodyReader reader;

  FieldSecurityHandler(FieldSecurityAdmin admin, JsonBodyReader reader) {
    this.admin = admin;
    this.reader = reader;
  }

  void register(Javalin app) {
    app.get("/api/orgs/{id}/field-security", this::show, Access.ADMIN);
    app.put("/api/orgs/{id}/field-security/{object}", this::replace, Access.ADMIN);
  }

  void show(Context ctx) {
    String name = ctx.queryParam("object");
    if (name == null || name.isBlank()) {
      throw ScopienException.invalid(
          "missing_object", "Say which object: /api/orgs/{id}/field-security?object=Contact.");
    }
    ctx.json(admin.view(ctx.pathParam("id"), name));
  }

  void replace(Context ctx) {
    List<String> hidden =
        reader
            .read(ctx)
            .optionalTextList("hidden")
            .orElseThrow(
                () ->
                    ScopienException.invalid(
                        "missing_hidden",
                        "Send {\"hidden\": [\"SSN__c\", ...]}; [] makes every field visible."));
    ctx.json(
        admin.replace(
            ApiKeyAuthHandler.user(ctx), ctx.pathParam("id"), ctx.pathParam("object"), hidden));
  }
}
