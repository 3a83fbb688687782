package com.scopien.web;

import com.scopien.privacy.PersonalData;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Personal-data requests (admins): {@code GET /api/privacy/export?email=} (or {@code ?recordId=})
 * answers what Scopien holds about the person; {@code POST /api/privacy/erase} with {@code
 * {"email"}} or {@code {"recordId"}} removes it from Scopien (never from Salesforce) and answers
 * what was removed. Both audited.
 */
final class PrivacyHandler {
  private static final String SALESFORCE =
      "Only Scopien's copy is affected; Salesforce is untouched, and a later sync brings the"
          + " records back unless they are erased in Salesforce too.";

  private final PersonalData data;
  private final JsonBodyReader reader;

  PrivacyHandler(PersonalData data, JsonBodyReader reader) {
    this.data = data;
    this.reader = reader;
  }

  void register(Javalin app) {
    app.get("/api/privacy/export", this::export, Access.ADMIN);
    app.post("/api/privacy/erase", this::erase, Access.ADMIN);
  }

  void export(Context ctx) {
    PersonalData.Subject subject =
        new PersonalData.Subject(ctx.queryParam("email"), ctx.queryParam("recordId"));
    PersonalData.Found found = data.export(ApiKeyAuthHandler.user(ctx), subject);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("subject", subject);
    out.put("counts", found.counts());
    out.put("names", found.names());
    out.put("mirrorRows", found.mirrorRows());
    out.put("messages", found.messages());
    out.put("pending", found.pending());
    out.put("note", SALESFORCE);
    ctx.json(out);
  }

  void erase(Context ctx) {
    JsonBodyReader.Body body = reader.read(ctx);
    PersonalData.Subject subject =
        new PersonalData.Subject(
            body.optionalText("email").orElse(null), body.optionalText("recordId").orElse(null));
    PersonalData.Found found = data.erase(ApiKeyAuthHandler.user(ctx), subject);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("subject", subject);
    out.put("removed", found.counts());
    out.put("names", found.names());
    out.put(
        "records",
        found.mirrorRows().stream()
            .map(r -> Map.of("org", r.org(), "object", r.object(), "id", r.id()))
            .toList());
    out.put("note", SALESFORCE);
    ctx.json(out);
  }
}
