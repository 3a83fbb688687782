package com.scopien.web;

import com.scopien.ScopienException;
import com.scopien.security.AuditLog;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/audit} (admins) with the filters {@code actor}, {@code action} ({@code user.*}
 * for a family), {@code since}, {@code until}, {@code org} and {@code limit} (default 100, at most
 * 1,000), newest first. Bad filters are one 400 listing every problem.
 */
final class AuditHandler {
  private final AuditLog audit;

  AuditHandler(AuditLog audit) {
    this.audit = audit;
  }

  void register(Javalin app) {
    app.get("/api/audit", this::search, Access.ADMIN);
  }

  void search(Context ctx) {
    List<String> problems = new ArrayList<>();
    Instant since = instant(ctx.queryParam("since"), "since", problems);
    Instant until = instant(ctx.queryParam("until"), "until", problems);
    int limit = 100;
    String limitText = ctx.queryParam("limit");
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText.trim());
      } catch (NumberFormatException e) {
        problems.add("'limit' must be a whole number from 1 to 1000");
      }
    }
    if (!problems.isEmpty()) {
      throw ScopienException.invalid("invalid_filter", String.join("; ", problems) + ".");
    }
    List<AuditLog.Entry> entries =
        audit.search(
            new AuditLog.Filter(
                blankToNull(ctx.queryParam("actor")),
                blankToNull(ctx.queryParam("action")),
                since,
                until,
                blankToNull(ctx.queryParam("org")),
                limit));
    ctx.json(entries.stream().map(AuditHandler::entry).toList());
  }

  private static Map<String, Object> entry(AuditLog.Entry e) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", e.id());
    out.put("at", e.at());
    out.put("actor", e.actorUserId());
    out.put("action", e.action());
    out.put("targetType", e.targetType());
    out.put("targetId", e.targetId());
    out.put("org", e.orgId());
    out.put("before", e.before());
    out.put("after", e.after());
    return out;
  }

  private static Instant instant(String text, String name, List<String> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      problems.add("'" + name + "' must be a time such as 2026-12-01T00:00:00Z");
      return null;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
