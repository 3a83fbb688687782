package com.scopien.web;

import com.scopien.ScopienException;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.security.FieldSecurityAdmin;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Settings → Field Security (admins): {@code GET /api/orgs/{id}/field-security?object=Contact}
 * lists the object's fields from describe with their label, whether they are hidden and whether the
 * reference suggests hiding them; {@code PUT /api/orgs/{id}/field-security/{object}} with {@code
 * {"hidden":["SSN__c"]}} makes exactly those fields hidden. Unknown org: 404; unknown object or
 * field: 400 and nothing changes.
 */
final class FieldSecurityHandler {
  private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}");

  private final FieldSecurityAdmin admin;
  private final OrgDirectory orgs;
  private final JsonBodyReader reader;

  FieldSecurityHandler(FieldSecurityAdmin admin, OrgDirectory orgs, JsonBodyReader reader) {
    this.admin = admin;
    this.orgs = orgs;
    this.reader = reader;
  }

  void register(Javalin app) {
    app.get("/api/orgs/{id}/field-security", this::show, Access.ADMIN);
    app.put("/api/orgs/{id}/field-security/{object}", this::replace, Access.ADMIN);
  }

  void show(Context ctx) {
    Org org = org(ctx);
    String name = ctx.queryParam("object");
    if (name == null || name.isBlank()) {
      throw ScopienException.invalid(
          "missing_object", "Say which object: /api/orgs/{id}/field-security?object=Contact.");
    }
    ObjectDescribe object = describe(org, name);
    ctx.json(answer(org, object, admin.fields(org.id(), object)));
  }

  void replace(Context ctx) {
    Org org = org(ctx);
    ObjectDescribe object = describe(org, ctx.pathParam("object"));
    List<String> hidden =
        reader
            .read(ctx)
            .optionalTextList("hidden")
            .orElseThrow(
                () ->
                    ScopienException.invalid(
                        "missing_hidden",
                        "Send {\"hidden\": [\"SSN__c\", ...]}; [] makes every field visible."));
    List<FieldSecurityAdmin.Field> fields =
        admin.replace(ApiKeyAuthHandler.user(ctx), org.id(), object, hidden);
    ctx.json(answer(org, object, fields));
  }

  private static Map<String, Object> answer(
      Org org, ObjectDescribe object, List<FieldSecurityAdmin.Field> fields) {
    return Map.of(
        "org", org.id(), "object", object.name(), "label", object.label(), "fields", fields);
  }

  private Org org(Context ctx) {
    String id = ctx.pathParam("id");
    return orgs.byId(id)
        .orElseThrow(
            () -> ScopienException.notFound("unknown_org", "There is no org with id " + id + "."));
  }

  private ObjectDescribe describe(Org org, String name) {
    if (!API_NAME.matcher(name).matches()) {
      throw ScopienException.invalid("unknown_object", "'" + name + "' is not an object API name.");
    }
    SalesforceClient client = orgs.client(org);
    boolean known =
        client.describeGlobal().stream()
            .anyMatch(o -> o.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
    if (!known) {
      throw ScopienException.invalid(
          "unknown_object", "There is no object '" + name + "' in this org.");
    }
    return client.describe(name);
  }
}
