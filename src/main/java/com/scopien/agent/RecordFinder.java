package com.scopien.agent;

import com.scopien.salesforce.ObjectDescribe;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.soql.Condition;
import com.scopien.soql.Soql;
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
    String id = args.optionalText("id").orElse(null);
    if (id != null) {
      if (!id.matches(ID_PATTERN)) {
        throw new ToolException(
            "'" + id + "' is not a Salesforce Id (15 or 18 letters and digits).");
      }
      List<SObjectRecord> byId = lookup(ctx, object, nameField, Condition.eq("Id", id), 1);
      if (byId.isEmpty()) {
        throw new ToolException(
            "No " + object.label() + " with Id " + id + " in " + ctx.org().name() + ".");
      }
      return byId.get(0);
    }
    String name =
        args.optionalText("name")
            .orElseThrow(() -> new ToolException("Say which record: give its 'id' or its 'name'."));
    List<SObjectRecord> matches = lookup(ctx, object, nameField, Condition.eq(nameField, name), 6);
    if (matches.isEmpty()) {
      Condition like = Condition.like(nameField, "%" + Soql.escapeLike(name) + "%");
      matches = lookup(ctx, object, nameField, like, 6);
    }
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

  private static List<SObjectRecord> lookup(
      ToolContext ctx, ObjectDescribe object, String nameField, Condition where, int limit) {
    String[] fields = nameField.equals("Id") ? new String[] {"Id"} : new String[] {"Id", nameField};
    String soql = Soql.select(fields).from(object.name()).where(where).limit(limit).toSoql();
    return ctx.client().query(soql).records();
  }

  /** "Acme Corp Deal" (006...), the way replies name one record. */
  static String describe(ObjectDescribe object, SObjectRecord record) {
    Object name = record.get(DefaultFields.nameField(object));
    String shown = name == null ? "" : "**" + RecordTable.cell(name.toString()) + "** ";
    return shown + "(" + record.id() + ")";
  }
}
