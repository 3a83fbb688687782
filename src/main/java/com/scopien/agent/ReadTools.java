package com.scopien.agent;

import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.soql.Condition;
import com.scopien.soql.Soql;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The read tools: query_records, count_records and get_record. Results are one page, never a whole
 * object, and always say which org they came from and how fresh they are: from the local mirror
 * when it can answer and is fresh, else live. Hidden fields are never selected, and only records
 * the caller's role may see are read.
 */
final class ReadTools {
  private static final Set<String> SKIPPED_TYPES = Set.of("address", "location", "base64");
  private static final int MAX_DETAIL_FIELDS = 40;

  private final SchemaGuard guard;
  private final QueryPlanner planner;
  private final RecordFinder finder;
  private final RecordReads reads;
  private final RecordVisibility visibility;

  ReadTools(
      SchemaGuard guard, RecordFinder finder, RecordReads reads, RecordVisibility visibility) {
    this.guard = guard;
    this.planner = new QueryPlanner(guard);
    this.finder = finder;
    this.reads = reads;
    this.visibility = visibility;
  }

  ToolOutcome query(ToolContext ctx, ToolArgs args) {
    ObjectDescribe object = guard.object(ctx, args.requiredText("object"));
    VisibleOwners who = visibility.of(ctx.user(), ctx.org());
    QueryPlanner.Plan plan = planner.plan(ctx, object, args, who.condition(object).orElse(null));
    String plural = plural(object);
    if (who.restricts(object) && !who.linked()) {
      return ToolOutcome.ok(notLinked(ctx, plural));
    }
    RecordReads.Page page = reads.query(ctx, plan.select(), true);
    List<SObjectRecord> records = page.records();
    if (records.size() > plan.limit()) {
      records = records.subList(0, plan.limit());
    }
    String whose = who.restricts(object) ? " " + who.whose() : "";
    StringBuilder text = new StringBuilder(reads.from(ctx, page.source())).append(": ");
    if (records.isEmpty()) {
      text.append("no ").append(plural).append(whose).append(" match").append(filters(plan));
      return ToolOutcome.ok(text.append('.').toString()).readFrom(page.source());
    }
    long first = plan.offset() + 1L;
    text.append(
        plan.offset() == 0
            ? RecordTable.count(records.size())
            : RecordTable.count(first) + "–" + RecordTable.count(plan.offset() + records.size()));
    long total = page.matched() >= 0 ? page.matched() : total(ctx, plan, records.size());
    text.append(" of ").append(RecordTable.count(total)).append(' ').append(plural).append(whose);
    text.append(filters(plan)).append(".\n\n");
    text.append(RecordTable.render(withId(plan.columns()), records, ctx.org().instanceUrl()));
    long shown = plan.offset() + records.size();
    if (total > shown) {
      text.append("\n\nMore records match; ask for the next page (offset ").append(shown);
      text.append(").");
    }
    return ToolOutcome.ok(text.toString()).readFrom(page.source()).showing(shown(object, records));
  }

  /** The records a reply shows, as the conversation state remembers them. */
  static List<ShownRecord> shown(ObjectDescribe object, List<SObjectRecord> records) {
    String nameField = DefaultFields.nameField(object);
    List<ShownRecord> shown = new ArrayList<>();
    for (SObjectRecord r : records) {
      Object name = r.get(nameField);
      shown.add(new ShownRecord(r.id(), name == null ? null : name.toString(), object.name()));
    }
    return shown;
  }

  /**
   * How many records match in all, live. Salesforce's totalSize counts only up to the LIMIT, so a
   * full page costs one COUNT() query to say "10 of 8,234".
   */
  private static long total(ToolContext ctx, QueryPlanner.Plan plan, int shown) {
    if (shown < plan.limit()) {
      return plan.offset() + (long) shown;
    }
    return ctx.client().query(Soql.print(plan.count())).totalSize();
  }

  ToolOutcome count(ToolContext ctx, ToolArgs args) {
    ObjectDescribe object = guard.object(ctx, args.requiredText("object"));
    VisibleOwners who = visibility.of(ctx.user(), ctx.org());
    List<Condition> conditions = planner.conditions(ctx, object, args.objectList("filters"));
    QueryPlanner.Plan plan =
        new QueryPlanner.Plan(
            object, List.of(), conditions, who.condition(object).orElse(null), List.of(), 1, 0);
    if (who.restricts(object) && !who.linked()) {
      return ToolOutcome.ok(notLinked(ctx, plural(object)));
    }
    RecordReads.Page page = reads.query(ctx, plan.count(), true);
    long total = page.matched();
    return ToolOutcome.ok(
            reads.in(ctx, page.source())
                + ": "
                + RecordTable.count(total)
                + " "
                + (total == 1 ? object.label().toLowerCase(Locale.ROOT) : plural(object))
                + (who.restricts(object) ? " " + who.whose() : "")
                + filters(plan)
                + ".")
        .readFrom(page.source());
  }

  ToolOutcome get(ToolContext ctx, ToolArgs args) {
    ObjectDescribe object = guard.object(ctx, args.requiredText("object"));
    List<String> asked = args.textList("fields");
    if (!asked.isEmpty() && asked.size() <= FieldAnswers.MAX_FIELDS) {
      return answer(ctx, object, args, asked);
    }
    List<String> fields = new ArrayList<>();
    if (asked.isEmpty()) {
      for (FieldDescribe f : guard.visibleFields(ctx.user().role(), object)) {
        if (!SKIPPED_TYPES.contains(f.type()) && fields.size() < MAX_DETAIL_FIELDS) {
          fields.add(f.name());
        }
      }
    } else {
      for (String name : asked) {
        fields.add(guard.fieldOf(ctx.user().role(), object, name).name());
      }
    }
    VisibleOwners who = visibility.of(ctx.user(), ctx.org());
    SObjectRecord found = finder.find(ctx, object, args, who, true);
    List<String> selected = new ArrayList<>(fields);
    if (selected.stream().noneMatch("Id"::equals)) {
      selected.add(0, "Id");
    }
    Optional<RecordReads.Page> local =
        reads
            .fromMirror(
                ctx,
                Soql.select(selected.toArray(String[]::new))
                    .from(object.name())
                    .where(Condition.eq("Id", found.id()))
                    .limit(1)
                    .build())
            .filter(p -> !p.records().isEmpty());
    RecordReads.Source source = local.map(RecordReads.Page::source).orElse(RecordReads.Source.LIVE);
    SObjectRecord record =
        local.isPresent()
            ? local.get().records().get(0)
            : ctx.client().retrieve(object.name(), found.id(), fields);
    StringBuilder table = new StringBuilder("| Field | Value |\n|---|---|");
    for (String name : fields) {
      Object value = record.get(name);
      if (value != null) {
        String label = object.field(name).map(FieldDescribe::label).orElse(name);
        table.append("\n| ").append(RecordTable.cell(label)).append(" | ");
        table.append(RecordTable.cell(RecordTable.format(value))).append(" |");
      }
    }
    return ToolOutcome.ok(
            reads.from(ctx, source)
                + ": "
                + object.label()
                + " "
                + RecordFinder.describe(object, found)
                + ".\n\n"
                + table
                + "\n\n"
                + RecordTable.link(found.id(), ctx.org().instanceUrl())
                + " opens it in Salesforce.")
        .readFrom(source)
        .showing(shown(object, List.of(found)));
  }

  /**
   * A question about a few fields of one record ("what is Jane Roe's email?", "who owns it?"),
   * answered in sentences; parent fields such as Owner.Name are read in the same query.
   */
  private ToolOutcome answer(
      ToolContext ctx, ObjectDescribe object, ToolArgs args, List<String> asked) {
    List<RecordTable.Column> columns = planner.columns(ctx, object, asked);
    VisibleOwners who = visibility.of(ctx.user(), ctx.org());
    SObjectRecord found = finder.find(ctx, object, args, who, true);
    String nameField = DefaultFields.nameField(object);
    List<String> selected = new ArrayList<>(List.of("Id"));
    if (!nameField.equals("Id")) {
      selected.add(nameField);
    }
    columns.stream()
        .map(RecordTable.Column::path)
        .filter(p -> !selected.contains(p))
        .forEach(selected::add);
    RecordReads.Page page =
        reads.query(
            ctx,
            Soql.select(selected.toArray(String[]::new))
                .from(object.name())
                .where(Condition.eq("Id", found.id()))
                .limit(1)
                .build(),
            true);
    if (page.records().isEmpty()) {
      throw new ToolException("That " + object.label() + " could not be read just now.");
    }
    SObjectRecord record = page.records().get(0);
    Object name = record.get(nameField);
    String recordName = name == null ? found.id() : name.toString();
    return ToolOutcome.ok(
            FieldAnswers.sentences(recordName, found.id(), ctx.org().instanceUrl(), columns, record)
                + "\n\n"
                + reads.from(ctx, page.source())
                + ".")
        .readFrom(page.source())
        .showing(List.of(new ShownRecord(found.id(), recordName, object.name())));
  }

  /** The reply for a user whose role limits them to owned records but who owns none here. */
  static String notLinked(ToolContext ctx, String plural) {
    return "You are not linked to a Salesforce user in "
        + ctx.orgLabel()
        + ", so no "
        + plural
        + " are visible to you there. An admin can link your Scopien user to your Salesforce"
        + " user (matching is by email otherwise).";
  }

  private static List<RecordTable.Column> withId(List<RecordTable.Column> columns) {
    List<RecordTable.Column> all = new ArrayList<>(columns);
    if (all.stream().noneMatch(c -> c.path().equals("Id"))) {
      all.add(new RecordTable.Column("Id", "Id"));
    }
    return all;
  }

  private static String filters(QueryPlanner.Plan plan) {
    return plan.conditions().isEmpty() ? "" : " where " + plan.describeFilters();
  }

  static String plural(ObjectDescribe object) {
    String plural = object.labelPlural() == null ? object.label() + "s" : object.labelPlural();
    return plural.toLowerCase(Locale.ROOT);
  }
}
