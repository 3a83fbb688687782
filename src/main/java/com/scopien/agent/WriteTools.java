package com.scopien.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopien.orgs.Org;
import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.security.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * create_record and update_record. Every field is checked against describe (createable or
 * updateable, not hidden) and every value typed before anything is sent. Where the org's policy
 * asks for confirmation (production by default), or the person's message did not ask for this write
 * ({@link ToolContext#writeAsked()}, see {@link WriteRequests}), the write is parked as a {@link
 * PendingWrite} next to any other of the same turn and the call ends with {@code
 * needs_confirmation}; otherwise it is made at once.
 *
 * <p>Users change only records they own, managers their team's, admins any: a record outside the
 * caller's reach is "not found". A new record is owned by the caller's Salesforce user unless it
 * names an owner the caller may act for.
 */
final class WriteTools {
  private final SchemaGuard guard;
  private final RecordFinder finder;
  private final RecordWriter writer;
  private final PendingWrites pending;
  private final Predicate<Org> confirmWrites;
  private final RecordVisibility visibility;
  private final Clock clock;
  private final ReferenceNames references;

  WriteTools(
      SchemaGuard guard,
      RecordFinder finder,
      RecordWriter writer,
      PendingWrites pending,
      Predicate<Org> confirmWrites,
      RecordVisibility visibility,
      Clock clock) {
    this.guard = guard;
    this.finder = finder;
    this.writer = writer;
    this.pending = pending;
    this.confirmWrites = confirmWrites;
    this.visibility = visibility;
    this.clock = clock;
    this.references = new ReferenceNames(guard, finder, visibility);
  }

  ToolOutcome create(ToolContext ctx, ToolArgs args) {
    refuseGuests(ctx);
    ObjectDescribe object = guard.object(ctx, args.requiredText("object"));
    if (!object.createable()) {
      throw new ToolException(object.name() + " records cannot be created.");
    }
    Map<String, String> named = new LinkedHashMap<>();
    Map<String, Object> values = values(ctx, object, args.requiredObject("values"), true, named);
    VisibleOwners who = visibility.of(ctx.user(), ctx.org());
    if (who.restricts(object)) {
      if (!values.containsKey("OwnerId")) {
        if (!who.linked()) {
          throw new ToolException(ReadTools.notLinked(ctx, ReadTools.plural(object)));
        }
        values.put("OwnerId", who.orgUserId());
      } else {
        requireOwner(who, values.get("OwnerId"));
      }
    }
    List<String> missing = new ArrayList<>();
    for (FieldDescribe f : guard.visibleFields(ctx.user().role(), object)) {
      boolean required =
          f.createable() && !f.nillable() && !f.defaultedOnCreate() && !"boolean".equals(f.type());
      if (required && values.keySet().stream().noneMatch(f.name()::equalsIgnoreCase)) {
        missing.add(f.name());
      }
    }
    if (!missing.isEmpty()) {
      throw new ToolException(
          "A new " + object.label() + " also needs: " + String.join(", ", missing) + ".");
    }
    String summary =
        "create a new "
            + object.label()
            + " in "
            + ctx.orgLabel()
            + " with "
            + list(object, values, named);
    return park(ctx, args, object, null, null, values, Map.of(), summary);
  }

  ToolOutcome update(ToolContext ctx, ToolArgs args) {
    refuseGuests(ctx);
    ObjectDescribe object = guard.object(ctx, args.requiredText("object"));
    Map<String, Object> values =
        values(ctx, object, args.requiredObject("values"), false, new LinkedHashMap<>());
    VisibleOwners who = visibility.of(ctx.user(), ctx.org());
    SObjectRecord record = finder.find(ctx, object, args, who, false);
    if (who.restricts(object) && values.containsKey("OwnerId")) {
      requireOwner(who, values.get("OwnerId"));
    }
    SObjectRecord current =
        ctx.client().retrieve(object.name(), record.id(), new ArrayList<>(values.keySet()));
    Map<String, Object> before = new LinkedHashMap<>();
    StringBuilder changes = new StringBuilder();
    for (Map.Entry<String, Object> change : values.entrySet()) {
      Object old = current.get(change.getKey());
      before.put(change.getKey(), old);
      changes.append(changes.length() == 0 ? "" : "; ");
      changes.append(label(object, change.getKey())).append(": ");
      changes.append(old == null ? "(empty)" : RecordTable.cell(RecordTable.format(old)));
      changes.append(" → ").append(RecordTable.cell(RecordTable.format(change.getValue())));
    }
    String label = RecordFinder.describe(object, record);
    String summary =
        "update " + object.label() + " " + label + " in " + ctx.orgLabel() + ": " + changes;
    return park(ctx, args, object, record.id(), label, values, before, summary);
  }

  private ToolOutcome park(
      ToolContext ctx,
      ToolArgs args,
      ObjectDescribe object,
      String recordId,
      String recordLabel,
      Map<String, Object> values,
      Map<String, Object> before,
      String summary) {
    PendingWrite write =
        new PendingWrite(
            ctx.conversationId(),
            ctx.user().id(),
            ctx.org().id(),
            recordId == null ? "create_record" : "update_record",
            Json.toMap(args.raw()),
            object.name(),
            recordId,
            recordLabel,
            values,
            before,
            summary,
            clock.instant());
    boolean policy = confirmWrites.test(ctx.org());
    if (!policy && ctx.writeAsked()) {
      return writer.apply(write, ctx);
    }
    pending.put(write);
    return ToolOutcome.needsConfirmation(summary, !policy);
  }

  /**
   * The typed values to write; a lookup given by name is resolved to its record's Id, and {@code
   * named} keeps how replies name that record.
   */
  private Map<String, Object> values(
      ToolContext ctx,
      ObjectDescribe object,
      JsonNode given,
      boolean create,
      Map<String, String> named) {
    Map<String, Object> values = new LinkedHashMap<>();
    LocalDate today = LocalDate.now(clock);
    for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      FieldDescribe field = guard.fieldOf(ctx.user().role(), object, entry.getKey());
      if (create ? !field.createable() : !field.updateable()) {
        throw new ToolException(
            field.name()
                + " on "
                + object.name()
                + " cannot be "
                + (create ? "set on a new record." : "changed."));
      }
      Object value = FieldValues.forWrite(field, entry.getValue(), today);
      if (ReferenceNames.isName(field, value)) {
        ReferenceNames.Found found = references.resolve(ctx, field, value.toString());
        named.put(field.name(), found.label());
        value = found.id();
      }
      values.put(field.name(), value);
    }
    return values;
  }

  private static void requireOwner(VisibleOwners who, Object owner) {
    if (!who.allows(owner)) {
      throw new ToolException(
          "You can give records only to yourself"
              + (who.scope() == com.scopien.security.AccessPolicy.Scope.TEAM
                  ? " or someone in your team."
                  : "."));
    }
  }

  private static void refuseGuests(ToolContext ctx) {
    if (ctx.user().role() == Role.GUEST) {
      throw new ToolException("Guests can read records but never create or change them.");
    }
  }

  /**
   * The values as people read them: fields by their labels, a lookup found by name as the record
   * ("Name = contact Jane Roe").
   */
  private static String list(
      ObjectDescribe object, Map<String, Object> values, Map<String, String> named) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, Object> v : values.entrySet()) {
      text.append(text.length() == 0 ? "" : ", ").append(label(object, v.getKey())).append(" = ");
      text.append(
          named.containsKey(v.getKey())
              ? named.get(v.getKey())
              : RecordTable.cell(RecordTable.format(v.getValue())));
    }
    return text.toString();
  }

  /** A field as people know it: its label, a lookup's without the trailing "ID" (WhoId: Name). */
  private static String label(ObjectDescribe object, String field) {
    return object
        .field(field)
        .map(FieldDescribe::label)
        .orElse(field)
        .replaceAll("\\s+ID$", "")
        .replaceAll("^Due Date Only$", "Due Date");
  }
}
