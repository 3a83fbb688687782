package com.scopien.agent;

import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import java.util.List;

/** describe_object: the object's visible fields with type, whether they can be set, picklists. */
final class DescribeTool {
  private static final int MAX_PICKLIST = 12;
  private final SchemaGuard guard;

  DescribeTool(SchemaGuard guard) {
    this.guard = guard;
  }

  ToolOutcome describe(ToolContext ctx, ToolArgs args) {
    ObjectDescribe object = guard.object(ctx, args.requiredText("object"));
    List<FieldDescribe> fields = guard.visibleFields(ctx.user().role(), object);
    StringBuilder text = new StringBuilder();
    text.append(object.label()).append(" (").append(object.name()).append(") in ");
    text.append(ctx.orgLabel()).append(": ").append(fields.size()).append(" fields.\n\n");
    text.append("| Field | Label | Type | Create | Update | Values |\n|---|---|---|---|---|---|");
    for (FieldDescribe f : fields) {
      text.append("\n| ").append(f.name()).append(" | ").append(RecordTable.cell(f.label()));
      text.append(" | ").append(type(f));
      text.append(" | ").append(f.createable() ? "yes" : "");
      text.append(" | ").append(f.updateable() ? "yes" : "");
      text.append(" | ").append(RecordTable.cell(picklist(f))).append(" |");
    }
    return ToolOutcome.ok(text.toString());
  }

  private static String type(FieldDescribe f) {
    if ("reference".equals(f.type()) && !f.referenceTo().isEmpty()) {
      return "reference to " + String.join("/", f.referenceTo());
    }
    return f.type();
  }

  private static String picklist(FieldDescribe f) {
    List<String> values =
        f.picklistValues().stream()
            .filter(FieldDescribe.PicklistValue::active)
            .map(FieldDescribe.PicklistValue::value)
            .toList();
    if (values.size() > MAX_PICKLIST) {
      return String.join(", ", values.subList(0, MAX_PICKLIST)) + ", …";
    }
    return String.join(", ", values);
  }
}
