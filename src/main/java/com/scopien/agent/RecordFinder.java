package com.scopien.agent;

import com.scopien.salesforce.ObjectDescribe;
import com.scopien.salesforce.SObjectRecord;
import java.util.List;

/**
 * Finds the one record a tool call means, by {@code id} or by {@code name}: an exact match on the
 * object's name field first, then a contains match. Several matches is an error that lists them, so
 * nothing is ever written to a guessed record.
 */
final class RecordFinder {
  private static final String ID_PATTERN = "[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?";

  SObjectRecord find(ToolContext ctx, ObjectDescribe object, ToolArgs args) {
    String nameField = DefaultFields.nameField(object);
    String select = "SELECT Id, " + (nameField.equals("Id") ? "" : nameField + ", ");
    select = select.replaceAll(", $", "") + " FROM " + object.name() + " WHERE ";
    String id = args.optionalText("id").orElse(null);
    if (id != null) {
      if (!id.matches(ID_PATTERN)) {
        throw new ToolException(
            "'" + id + "' is not a Salesforce Id (15 or 18 letters and digits).");
      }
      List<SObjectRecord> byId =
          ctx.client().query(select + "Id = " + SoqlText.quote(id) + " LIMIT 1").records();
      if (byId.isEmpty()) {
        throw new ToolException(
            "No " + object.label() + " with Id " + id + " in " + ctx.org().name() + ".");
      }
      return byId.get(0);
    }
    String name =
        args.optionalText("name")
            .orElseThrow(() -> new ToolException("Say which record: give its 'id' or its 'name'."));
    List<SObjectRecord> exact =
        ctx.client()
            .query(select + nameField + " = " + SoqlText.quote(name) + " LIMIT 6")
            .records();
    List<SObjectRecord> matches =
        exact.isEmpty()
            ? ctx.client()
                .query(select + nameField + " LIKE " + SoqlText.containsPattern(name) + " LIMIT 6")
                .records()
            : exact;
    if (matches.isEmpty()) {
      throw new ToolException(
          "No "
              + object.label()
              + " named '"
              + name
              + "' in "
              + ctx.org().name()
              + ". Try query_records with a 'like' filter on "
              + nameField
              + ".");
    }
    if (matches.size() > 1) {
      StringBuilder list = new StringBuilder();
      for (SObjectRecord r : matches.subList(0, Math.min(5, matches.size()))) {
        list.append("\n- ").append(describe(object, r));
      }
      throw new ToolException(
          "Several "
              + ReadTools.plural(object)
              + " match '"
              + name
              + "'; give the Id of the one you mean:"
              + list);
    }
    return matches.get(0);
  }

  /** "Acme Corp Deal" (006...), the way replies name one record. */
  static String describe(ObjectDescribe object, SObjectRecord record) {
    Object name = record.get(DefaultFields.nameField(object));
    String shown = name == null ? "" : "**" + RecordTable.cell(name.toString()) + "** ";
    return shown + "(" + record.id() + ")";
  }
}
