package com.scopien.agent;

import com.scopien.salesforce.ObjectDescribe;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.soql.Condition;
import com.scopien.soql.Soql;
import com.scopien.soql.SoqlQuery;
import java.util.List;

/**
 * Finds the one record a tool call means, by {@code id} or by {@code name}: an exact match on the
 * object's name field first, then a contains match. Several matches is an error that lists them, so
 * nothing is ever written to a guessed record. Only records the caller may see are found: one they
 * may not see reads exactly like one that does not exist.
 */
final class RecordFinder {
  private static final String ID_PATTERN = "[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?";

  private final RecordReads reads;

  RecordFinder(RecordReads reads) {
    this.reads = reads;
  }

  /**
   * @param mirrorAllowed whether the local mirror may answer (reads); writes look live
   */
  SObjectRecord find(
      ToolContext ctx,
      ObjectDescribe object,
      ToolArgs args,
      VisibleOwners who,
      boolean mirrorAllowed) {
    Lookup lookup = new Lookup(ctx, object, who, mirrorAllowed);
    String nameField = DefaultFields.nameField(object);
    String id = args.optionalText("id").orElse(null);
    if (id != null) {
      if (!id.matches(ID_PATTERN)) {
        throw new ToolException(
            "'" + id + "' is not a Salesforce Id (15 or 18 letters and digits).");
      }
      List<SObjectRecord> byId = lookup.run(nameField, Condition.eq("Id", id), 1);
      if (byId.isEmpty()) {
        throw new ToolException(
            "No " + object.label() + " with Id " + id + " in " + ctx.org().name() + ".");
      }
      return byId.get(0);
    }
    String name =
        args.optionalText("name")
            .orElseThrow(() -> new ToolException("Say which record: give its 'id' or its 'name'."));
    List<SObjectRecord> matches = lookup.run(nameField, Condition.eq(nameField, name), 6);
    if (matches.isEmpty()) {
      Condition like = Condition.like(nameField, "%" + Soql.escapeLike(name) + "%");
      matches = lookup.run(nameField, like, 6);
    }
    if (matches.isEmpty()) {
      throw new ToolException(
          "No "
              + object.label()
              + " named '"
              + name
              + "' in "
              + ctx.org().name()
              + ", not even in part. Check the spelling, or say which kind of record it is"
              + " (an account, contact, lead or opportunity).");
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
              + "' ("
              + (matches.size() < 6 ? matches.size() : "6 or more")
              + "); give the Id of the one you mean:"
              + list);
    }
    return matches.get(0);
  }

  /** One find's queries: the caller's visibility added to each. */
  private final class Lookup {
    private final ToolContext ctx;
    private final ObjectDescribe object;
    private final Condition visibility;
    private final boolean mirrorAllowed;

    Lookup(ToolContext ctx, ObjectDescribe object, VisibleOwners who, boolean mirrorAllowed) {
      this.ctx = ctx;
      this.object = object;
      this.visibility = who.condition(object).orElse(null);
      this.mirrorAllowed = mirrorAllowed;
    }

    List<SObjectRecord> run(String nameField, Condition where, int limit) {
      String[] fields =
          nameField.equals("Id") ? new String[] {"Id"} : new String[] {"Id", nameField};
      SoqlQuery query =
          Soql.select(fields)
              .from(object.name())
              .where(visibility == null ? where : Condition.and(where, visibility))
              .limit(limit)
              .build();
      return reads.query(ctx, query, mirrorAllowed).records();
    }
  }

  /** "Acme Corp Deal" (006...), the way replies name one record. */
  static String describe(ObjectDescribe object, SObjectRecord record) {
    Object name = record.get(DefaultFields.nameField(object));
    String shown = name == null ? "" : "**" + RecordTable.cell(name.toString()) + "** ";
    return shown + "(" + record.id() + ")";
  }
}
