package com.scopien.agent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.salesforce.SObjectRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A lookup field given a record's name instead of its Id ("WhoId": "Jane Roe"): the name is looked
 * up on each object the field may point to, in describe order (a task's Name: contacts, then
 * leads), with the caller's visibility, and must match exactly one record. Nothing is guessed:
 * several matches or none are an error that says so.
 */
final class ReferenceNames {
  private static final String ID = "[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?";

  private final SchemaGuard guard;
  private final RecordFinder finder;
  private final RecordVisibility visibility;

  ReferenceNames(SchemaGuard guard, RecordFinder finder, RecordVisibility visibility) {
    this.guard = guard;
    this.finder = finder;
    this.visibility = visibility;
  }

  /** Whether the value is a name to look up rather than an Id. */
  static boolean isName(FieldDescribe field, Object value) {
    return "reference".equals(field.type())
        && value instanceof String text
        && !text.isBlank()
        && !text.matches(ID);
  }

  /** The record the name means, as its Id and how replies name it. */
  record Found(String id, String label) {}

  Found resolve(ToolContext ctx, FieldDescribe field, String name) {
    VisibleOwners who = visibility.of(ctx.user(), ctx.org());
    List<String> tried = new ArrayList<>();
    for (String target : field.referenceTo()) {
      ObjectDescribe object;
      try {
        object = guard.object(ctx, target);
      } catch (ToolException notInThisOrg) {
        continue;
      }
      ObjectNode args = JsonNodeFactory.instance.objectNode().put("name", name);
      try {
        SObjectRecord record = finder.find(ctx, object, new ToolArgs("lookup", args), who, true);
        Object shown = record.get(DefaultFields.nameField(object));
        return new Found(
            record.id(),
            object.label().toLowerCase(Locale.ROOT)
                + " "
                + RecordTable.cell(shown == null ? name : shown.toString()));
      } catch (ToolException e) {
        if (e.getMessage().startsWith("Several")) {
          throw e;
        }
        tried.add(ReadTools.plural(object));
      }
    }
    throw new ToolException(
        "I found no "
            + String.join(" or ", tried.isEmpty() ? List.of("record") : tried)
            + " named '"
            + name
            + "' in "
            + ctx.org().name()
            + " to link it to.");
  }
}
