package com.scopien.sync;

import com.scopien.ScopienException.Kind;
import com.scopien.salesforce.ApiUsage;
import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.GlobalObject;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.salesforce.OrgLimits;
import com.scopien.salesforce.QueryPage;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceException;
import com.scopien.salesforce.SalesforceTime;
import com.scopien.soql.EvaluationContext;
import com.scopien.soql.RowAccessor;
import com.scopien.soql.SelectItem;
import com.scopien.soql.Soql;
import com.scopien.soql.SoqlEvaluator;
import com.scopien.soql.SoqlQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An in-memory org for the engine's unit tests: a few objects, SOQL evaluated with the soql
 * package, snapshot paging with {@code nextRecordsUrl}, soft deletes, {@code Sforce-Limit-Info}
 * readings, and hooks to fail calls. Every write stamps a distinct, increasing SystemModstamp. The
 * real wire is tested against the local org in the *IT tests.
 */
final class FakeSalesforceClient implements SalesforceClient {
  static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  private final Map<String, ObjectDescribe> schema = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, Map<String, Map<String, Object>>> data =
      new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, List<SObjectRecord>> cursors = new ConcurrentHashMap<>();
  private final AtomicInteger cursorIds = new AtomicInteger();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicLong calls = new AtomicLong();
  private final List<String> queries = Collections.synchronizedList(new ArrayList<>());
  private Instant now = EPOCH;
  private int pageSize = 2000;
  private long dailyMax = 1_000_000;
  private long usedBefore = 0;

  /** Decides, per call number (1-based) and kind, whether to fail it. */
  private volatile Function<String, RuntimeException> fault = call -> null;

  /** Alters records on their way out of a query (not retrieve). */
  private volatile Function<SObjectRecord, SObjectRecord> corrupt = r -> r;

  FakeSalesforceClient() {
    addObject("Account", "001", "Name", "AnnualRevenue", "Industry");
    addObject("Contact", "003", "LastName", "Email", "SSN__c");
    addObject(
        "Lead", "00Q", "LastName", "Company", "Custom_Field__c", "External_ID__c", "Score__c");
    addObject("Opportunity", "006", "Name", "Amount", "StageName");
    addObject("Campaign", "701", "Name");
  }

  void addObject(String name, String prefix, String... fields) {
    List<FieldDescribe> list = new ArrayList<>();
    list.add(field("Id", "id"));
    list.add(field("IsDeleted", "boolean"));
    for (String f : fields) {
      list.add(field(f, typeOf(f)));
    }
    list.add(field("SystemModstamp", "datetime"));
    list.add(field("BillingAddress", "address"));
    schema.put(
        name,
        new ObjectDescribe(
            name, name, name + "s", prefix, name.endsWith("__c"), true, true, true, list));
    data.put(name, new LinkedHashMap<>());
  }

  void removeField(String object, String field) {
    ObjectDescribe d = schema.get(object);
    schema.put(
        object,
        new ObjectDescribe(
            d.name(),
            d.label(),
            d.labelPlural(),
            d.keyPrefix(),
            d.custom(),
            true,
            true,
            true,
            d.fields().stream().filter(f -> !f.name().equalsIgnoreCase(field)).toList()));
  }

  void pageSize(int size) {
    this.pageSize = size;
  }

  void usage(long used, long max) {
    this.usedBefore = used;
    this.dailyMax = max;
  }

  void fault(Function<String, RuntimeException> fault) {
    this.fault = fault;
  }

  void corrupt(Function<SObjectRecord, SObjectRecord> corrupt) {
    this.corrupt = corrupt;
  }

  long calls() {
    return calls.get();
  }

  List<String> queries() {
    return List.copyOf(queries);
  }

  /** Creates {@code n} records with the given name prefix; returns their ids. */
  synchronized List<String> seed(String object, int n) {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      created.add(insert(object, Map.of(nameField(object), object + " " + i)));
    }
    return created;
  }

  /** Removes a record for good, as when the recycle bin is emptied: no tombstone is left. */
  synchronized void purge(String object, String id) {
    data.get(object).remove(id);
  }

  synchronized Map<String, Object> stored(String object, String id) {
    return data.get(object).get(id);
  }

  synchronized int liveCount(String object) {
    return (int)
        data.get(object).values().stream()
            .filter(r -> !Boolean.TRUE.equals(r.get("IsDeleted")))
            .count();
  }

  @Override
  public QueryPage query(String soql) {
    call("query");
    return run(soql, false);
  }

  @Override
  public QueryPage queryAll(String soql) {
    call("queryAll");
    return run(soql, true);
  }

  @Override
  public QueryPage queryMore(String nextRecordsUrl) {
    call("queryMore");
    return more(nextRecordsUrl);
  }

  private synchronized QueryPage more(String nextRecordsUrl) {
    String locator = nextRecordsUrl.substring(nextRecordsUrl.lastIndexOf('/') + 1);
    int dash = locator.lastIndexOf('-');
    String cursor = locator.substring(0, dash);
    int from = Integer.parseInt(locator.substring(dash + 1));
    return page(cursor, cursors.get(cursor), from);
  }

  @Override
  public SObjectRecord retrieve(String object, String id, List<String> fields) {
    call("retrieve");
    return fetch(object, id, fields);
  }

  private synchronized SObjectRecord fetch(String object, String id, List<String> fields) {
    Map<String, Object> row = data.get(object).get(id);
    if (row == null || Boolean.TRUE.equals(row.get("IsDeleted"))) {
      throw new SalesforceException(
          Kind.NOT_FOUND, "NOT_FOUND", 404, "The requested resource" + " does not exist");
    }
    return output(object, row, fields);
  }

  @Override
  public String create(String object, Map<String, Object> fields) {
    call("create");
    synchronized (this) {
      return insert(object, fields);
    }
  }

  @Override
  public void update(String object, String id, Map<String, Object> fields) {
    call("update");
    write(object, id, fields);
  }

  private synchronized void write(String object, String id, Map<String, Object> fields) {
    Map<String, Object> row = data.get(object).get(id);
    if (row == null || Boolean.TRUE.equals(row.get("IsDeleted"))) {
      throw new SalesforceException(Kind.NOT_FOUND, "ENTITY_IS_DELETED", 404, "entity is deleted");
    }
    row.putAll(fields);
    row.put("SystemModstamp", tick());
  }

  @Override
  public void delete(String object, String id) {
    call("delete");
    remove(object, id);
  }

  private synchronized void remove(String object, String id) {
    Map<String, Object> row = data.get(object).get(id);
    row.put("IsDeleted", true);
    row.put("SystemModstamp", tick());
  }

  @Override
  public List<GlobalObject> describeGlobal() {
    call("describeGlobal");
    return globals();
  }

  private synchronized List<GlobalObject> globals() {
    return schema.values().stream()
        .map(
            d ->
                new GlobalObject(
                    d.name(),
                    d.label(),
                    d.labelPlural(),
                    d.keyPrefix(),
                    d.custom(),
                    true,
                    true,
                    true,
                    true))
        .toList();
  }

  @Override
  public ObjectDescribe describe(String object) {
    call("describe");
    return describeNow(object);
  }

  private synchronized ObjectDescribe describeNow(String object) {
    ObjectDescribe d = schema.get(object);
    if (d == null) {
      throw new SalesforceException(Kind.NOT_FOUND, "NOT_FOUND", 404, "No such object");
    }
    return d;
  }

  @Override
  public OrgLimits limits() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<ApiUsage> lastApiUsage() {
    long n = calls.get();
    return n == 0
        ? Optional.empty()
        : Optional.of(new ApiUsage(usedBefore + n, dailyMax, Instant.now()));
  }

  private synchronized QueryPage run(String soql, boolean all) {
    queries.add(soql);
    SoqlQuery q = Soql.parse(soql);
    EvaluationContext ctx = EvaluationContext.of(Clock.fixed(now, ZoneOffset.UTC));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> row : data.get(q.from()).values()) {
      if ((all || !Boolean.TRUE.equals(row.get("IsDeleted")))
          && SoqlEvaluator.matches(q, accessor(row), ctx)) {
        rows.add(row);
      }
    }
    rows.sort(
        (a, b) -> SoqlEvaluator.comparator(q.orderBy(), ctx).compare(accessor(a), accessor(b)));
    if (q.select().get(0) instanceof SelectItem.Aggregate) {
      return new QueryPage(rows.size(), true, null, List.of());
    }
    List<String> fields = q.select().stream().map(s -> ((SelectItem.Field) s).path()).toList();
    List<SObjectRecord> out =
        rows.stream().map(r -> corrupt.apply(output(q.from(), r, fields))).toList();
    String cursor = "01gFAKE" + cursorIds.incrementAndGet();
    cursors.put(cursor, out);
    return page(cursor, out, 0);
  }

  private QueryPage page(String cursor, List<SObjectRecord> all, int from) {
    int to = Math.min(all.size(), from + pageSize);
    boolean done = to >= all.size();
    return new QueryPage(
        all.size(),
        done,
        done ? null : "/services/data/v62.0/query/" + cursor + "-" + to,
        all.subList(from, to));
  }

  private SObjectRecord output(String object, Map<String, Object> row, List<String> fields) {
    Map<String, Object> out = new LinkedHashMap<>();
    ObjectDescribe d = schema.get(object);
    List<String> names =
        fields == null || fields.isEmpty()
            ? d.fields().stream().map(FieldDescribe::name).toList()
            : fields;
    for (String f : names) {
      String canonical =
          d.field(f)
              .orElseThrow(
                  () ->
                      new SalesforceException(
                          Kind.INVALID_INPUT, "INVALID_FIELD", 400, "No such column '" + f + "'"))
              .name();
      Object v = row.get(canonical);
      out.put(canonical, v instanceof Instant i ? SalesforceTime.formatDateTime(i) : v);
    }
    return new SObjectRecord(d.name(), out);
  }

  private String insert(String object, Map<String, Object> fields) {
    ObjectDescribe d = schema.get(object);
    String id = String.format(Locale.ROOT, "%s%012dAAA", d.keyPrefix(), ids.incrementAndGet());
    Map<String, Object> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    row.putAll(fields);
    row.put("Id", id);
    row.put("IsDeleted", false);
    row.put("SystemModstamp", tick());
    data.get(object).put(id, row);
    return id;
  }

  private Instant tick() {
    now = now.plus(Duration.ofMillis(1));
    return now;
  }

  private void call(String kind) {
    long n = calls.incrementAndGet();
    RuntimeException failure = fault.apply(kind + "#" + n);
    if (failure != null) {
      throw failure;
    }
  }

  private static RowAccessor accessor(Map<String, Object> row) {
    return path -> row.get(path);
  }

  /** Money fields are typed as Salesforce types them; the rest are text. */
  private static String typeOf(String field) {
    return Set.of("Amount", "AnnualRevenue").contains(field) ? "currency" : "string";
  }

  private static String nameField(String object) {
    return Set.of("Contact", "Lead").contains(object) ? "LastName" : "Name";
  }

  private static FieldDescribe field(String name, String type) {
    boolean system = Set.of("Id", "IsDeleted", "SystemModstamp").contains(name);
    return new FieldDescribe(
        name,
        name,
        type,
        255,
        name.endsWith("__c"),
        !system,
        !system,
        true,
        false,
        false,
        false,
        List.of(),
        List.of(),
        null);
  }
}
