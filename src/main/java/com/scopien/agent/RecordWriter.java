package com.scopien.agent;

import com.scopien.salesforce.SObjectRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Makes a write, at once or after confirmation, and records it in the audit log. Before applying a
 * confirmed update it checks the record still holds the values shown to the person; if someone
 * changed it meanwhile, nothing is written.
 */
final class RecordWriter {
  private final WriteAudit audit;
  private final Clock clock;

  RecordWriter(WriteAudit audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  ToolOutcome apply(PendingWrite write, ToolContext ctx) {
    if (write.isCreate()) {
      String id = ctx.client().create(write.object(), write.values());
      audit.record(
          new WriteAudit.Entry(
              ctx.user(),
              ctx.org(),
              "create",
              write.object(),
              id,
              Map.of(),
              write.values(),
              clock.instant()));
      return ToolOutcome.ok("Done: " + capitalise(write.summary()) + ". New record Id: " + id + ".")
          .showing(List.of(new ShownRecord(id, createdName(write.values()), write.object())));
    }
    SObjectRecord now =
        ctx.client()
            .retrieve(write.object(), write.recordId(), new ArrayList<>(write.values().keySet()));
    for (Map.Entry<String, Object> old : write.before().entrySet()) {
      if (!sameValue(old.getValue(), now.get(old.getKey()))) {
        throw new ToolException(
            write.recordLabel()
                + " changed since the change was proposed ("
                + old.getKey()
                + " is now "
                + RecordTable.format(now.get(old.getKey()))
                + "); nothing was written. Ask again to see the current values.");
      }
    }
    ctx.client().update(write.object(), write.recordId(), write.values());
    audit.record(
        new WriteAudit.Entry(
            ctx.user(),
            ctx.org(),
            "update",
            write.object(),
            write.recordId(),
            write.before(),
            write.values(),
            clock.instant()));
    return ToolOutcome.ok("Done: " + capitalise(write.summary()) + ".")
        .showing(
            List.of(
                new ShownRecord(write.recordId(), shownName(write.recordLabel()), write.object())));
  }

  /** The name a new record goes by, from the values it was created with. */
  private static String createdName(Map<String, Object> values) {
    for (String field : List.of("Name", "Subject", "CaseNumber")) {
      if (values.get(field) != null) {
        return values.get(field).toString();
      }
    }
    Object first = values.get("FirstName");
    Object last = values.get("LastName");
    String name = ((first == null ? "" : first + " ") + (last == null ? "" : last)).trim();
    return name.isEmpty() ? null : name;
  }

  /** "Acme Corp Deal" from the label "**Acme Corp Deal** (006...)". */
  private static String shownName(String label) {
    if (label == null) {
      return null;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\*\\*(.+?)\\*\\*").matcher(label);
    return m.find() ? m.group(1).replace("\\", "") : null;
  }

  private static boolean sameValue(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new java.math.BigDecimal(x.toString())
              .compareTo(new java.math.BigDecimal(y.toString()))
          == 0;
    }
    return Objects.equals(a == null ? null : a.toString(), b == null ? null : b.toString());
  }

  private static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
