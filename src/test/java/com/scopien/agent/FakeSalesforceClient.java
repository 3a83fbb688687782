package com.scopien.agent;

import com.scopien.ScopienException;
import com.scopien.agent.offline.Vocabulary;
import com.scopien.salesforce.ApiUsage;
import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.GlobalObject;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.salesforce.OrgLimits;
import com.scopien.salesforce.QueryPage;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceException;
import com.scopien.soql.EvaluationContext;
import com.scopien.soql.RowAccessor;
import com.scopien.soql.SelectItem;
import com.scopien.soql.Soql;
import com.scopien.soql.SoqlEvaluator;
import com.scopien.soql.SoqlQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory org with the demo schema for unit tests: queries are parsed and evaluated by the
 * soql package (so the SOQL the agent sends must be valid), writes change the records, and every
 * call is recorded. End-to-end tests use the local org over HTTP instead.
 */
final class FakeSalesforceClient implements SalesforceClient {
  private final Map<String, ObjectDescribe> schema = new LinkedHashMap<>();
  private final Map<String, List<Map<String, Object>>> records = new LinkedHashMap<>();
  private final EvaluationContext evaluation;
  private final AtomicInteger ids = new AtomicInteger(100);
  final List<String> queries = new ArrayList<>();
  final List<String> writes = new ArrayList<>();
  long apiMax = 15_000;
  long apiRemaining = 14_000;

  FakeSalesforceClient(Clock clock) {
    this.evaluation = EvaluationContext.of(clock);
    for (ObjectDescribe d : Vocabulary.demoDescribes()) {
      schema.put(d.name(), d);
      records.put(d.name(), new ArrayList<>());
    }
    // Every org has users; record visibility reads them to find the Salesforce user of a person.
    schema.put("User", userDescribe());
    records.put("User", new ArrayList<>());
  }

  private static ObjectDescribe userDescribe() {
    List<FieldDescribe> fields = new ArrayList<>();
    for (String name : List.of("Id", "Name", "Email", "ManagerId")) {
      fields.add(
          new FieldDescribe(
              name,
              name,
              "string",
              80,
              false,
              false,
              false,
              true,
              false,
              false,
              name.equals("Name"),
              List.of(),
              List.of(),
              null));
    }
    fields.add(
        new FieldDescribe(
            "IsActive",
            "Active",
            "boolean",
            0,
            false,
            false,
            false,
            false,
            false,
            false,
            false,
            List.of(),
            List.of(),
            null));
    return new ObjectDescribe("User", "User", "Users", "005", false, true, false, false, fields);
  }

  String add(String object, Map<String, Object> fields) {
    Map<String, Object> row = new LinkedHashMap<>(fields);
    String id =
        schema.get(object).keyPrefix() + String.format("%012d", ids.incrementAndGet()) + "AAA";
    row.put("Id", id);
    row.putIfAbsent("CreatedDate", "2026-01-10T10:00:00.000+0000");
    if (object.equals("Contact") || object.equals("Lead")) {
      row.putIfAbsent(
          "Name", (row.getOrDefault("FirstName", "") + " " + row.get("LastName")).trim());
    }
    records.get(object).add(row);
    return id;
  }

  Map<String, Object> row(String object, String id) {
    return records.get(object).stream()
        .filter(r -> r.get("Id").equals(id))
        .findFirst()
        .orElseThrow();
  }

  int size(String object) {
    return records.get(object).size();
  }

  @Override
  public QueryPage query(String soql) {
    queries.add(soql);
    SoqlQuery query = Soql.parse(soql);
    List<Map<String, Object>> table = records.get(query.from());
    if (table == null) {
      throw new SalesforceException(
          ScopienException.Kind.INVALID_INPUT,
          "INVALID_TYPE",
          400,
          "sObject type '" + query.from() + "' is not supported.");
    }
    List<Map<String, Object>> matched = new ArrayList<>();
    for (Map<String, Object> row : table) {
      if (query.where() == null
          || SoqlEvaluator.matches(query.where(), accessor(query.from(), row), evaluation)) {
        matched.add(row);
      }
    }
    if (!query.orderBy().isEmpty()) {
      Comparator<RowAccessor> order = SoqlEvaluator.comparator(query.orderBy(), evaluation);
      matched.sort((a, b) -> order.compare(accessor(query.from(), a), accessor(query.from(), b)));
    }
    if (query.isCount()) {
      return new QueryPage(matched.size(), true, null, List.of());
    }
    int from = query.offset() == null ? 0 : Math.min(query.offset(), matched.size());
    int to =
        query.limit() == null ? matched.size() : Math.min(matched.size(), from + query.limit());
    List<SObjectRecord> page = new ArrayList<>();
    for (Map<String, Object> row : matched.subList(from, to)) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (SelectItem item : query.select()) {
        String path = ((SelectItem.Field) item).path();
        project(query.from(), row, path, out);
      }
      page.add(new SObjectRecord(query.from(), out));
    }
    return new QueryPage(matched.size(), true, null, page);
  }

  private void project(
      String object, Map<String, Object> row, String path, Map<String, Object> out) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      out.put(canonical(object, path), row.get(canonical(object, path)));
      return;
    }
    String relationship = path.substring(0, dot);
    Object parentId = row.get(relationship + "Id");
    Map<String, Object> parent = parentId == null ? null : row(relationship, parentId.toString());
    Map<String, Object> nested = new LinkedHashMap<>();
    if (parent != null) {
      nested.put(path.substring(dot + 1), parent.get(path.substring(dot + 1)));
    }
    out.put(relationship, parent == null ? null : new SObjectRecord(relationship, nested));
  }

  private String canonical(String object, String field) {
    return schema.get(object).field(field).map(FieldDescribe::name).orElse(field);
  }

  private RowAccessor accessor(String object, Map<String, Object> row) {
    return path -> {
      int dot = path.indexOf('.');
      if (dot >= 0) {
        Object parentId = row.get(path.substring(0, dot) + "Id");
        if (parentId == null) {
          return null;
        }
        String parentObject = path.substring(0, dot);
        return accessor(parentObject, row(parentObject, parentId.toString()))
            .get(path.substring(dot + 1));
      }
      Optional<FieldDescribe> field = schema.get(object).field(path);
      Object value = row.get(field.map(FieldDescribe::name).orElse(path));
      if (value instanceof String s && field.isPresent()) {
        if (field.get().type().equals("date")) {
          return LocalDate.parse(s);
        }
        if (field.get().type().equals("datetime")) {
          return OffsetDateTime.parse(s.replace("+0000", "Z")).toInstant();
        }
      }
      return value;
    };
  }

  @Override
  public QueryPage queryAll(String soql) {
    return query(soql);
  }

  @Override
  public QueryPage queryMore(String nextRecordsUrl) {
    throw new UnsupportedOperationException();
  }

  @Override
  public SObjectRecord retrieve(String object, String id, List<String> fields) {
    Map<String, Object> row = row(object, id);
    Map<String, Object> out = new LinkedHashMap<>();
    for (String f : fields.isEmpty() ? new ArrayList<>(row.keySet()) : fields) {
      out.put(canonical(object, f), row.get(canonical(object, f)));
    }
    return new SObjectRecord(object, out);
  }

  @Override
  public String create(String object, Map<String, Object> fields) {
    writes.add("create " + object + " " + fields);
    return add(object, fields);
  }

  @Override
  public void update(String object, String id, Map<String, Object> fields) {
    writes.add("update " + object + " " + id + " " + fields);
    row(object, id).putAll(fields);
  }

  @Override
  public void delete(String object, String id) {
    writes.add("delete " + object + " " + id);
    records.get(object).removeIf(r -> r.get("Id").equals(id));
  }

  @Override
  public List<GlobalObject> describeGlobal() {
    List<GlobalObject> all = new ArrayList<>();
    for (ObjectDescribe d : schema.values()) {
      all.add(
          new GlobalObject(
              d.name(),
              d.label(),
              d.labelPlural(),
              d.keyPrefix(),
              d.custom(),
              true,
              true,
              true,
              true));
    }
    return all;
  }

  @Override
  public ObjectDescribe describe(String object) {
    ObjectDescribe d = schema.get(object);
    if (d == null) {
      throw new SalesforceException(
          ScopienException.Kind.NOT_FOUND,
          "NOT_FOUND",
          404,
          "The requested resource does not exist");
    }
    return d;
  }

  @Override
  public OrgLimits limits() {
    return new OrgLimits(Map.of("DailyApiRequests", new OrgLimits.Limit(apiMax, apiRemaining)));
  }

  @Override
  public Optional<ApiUsage> lastApiUsage() {
    return Optional.of(
        new ApiUsage(apiMax - apiRemaining, apiMax, Instant.parse("2026-01-22T10:00:00Z")));
  }
}
