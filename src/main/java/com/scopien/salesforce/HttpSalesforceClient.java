package com.scopien.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.ScopienException.Kind;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * {@link SalesforceClient} over the REST API ({@code {instance_url}/services/data/v{version}/...}).
 * Object names, Ids and field names are checked before they go into a path, so no argument can
 * change which resource is called. Describes are cached per object until {@link #refreshDescribe}
 * or {@link #invalidateDescribes}. Thread-safe; build it with {@link SalesforceClients}.
 */
public final class HttpSalesforceClient implements SalesforceClient {
  static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");
  static final Pattern FIELD_PATH =
      Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");
  static final Pattern ID = Pattern.compile("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?");
  private static final Pattern NEXT_RECORDS =
      Pattern.compile("/services/data/v\\d+\\.\\d/query(All)?/[A-Za-z0-9_-]+");

  private final RestExecutor executor;
  private final ObjectMapper mapper;
  private final ApiUsageTracker usage;
  private final String base;
  private final int queryBatchSize;
  private final ConcurrentMap<String, ObjectDescribe> describes = new ConcurrentHashMap<>();
  private final HttpCollections collections;
  private final HttpReplication replication;
  private final StreamingClient streaming;
  private final SessionProvider sessions;
  private final ClientOptions options;

  HttpSalesforceClient(HttpClient http, SessionProvider sessions, ClientOptions options) {
    this.mapper = SalesforceJson.newMapper();
    this.usage = new ApiUsageTracker(options.clock(), options.usageListener());
    HttpExchanger exchanger = new HttpExchanger(http, options, usage, new SalesforceErrors(mapper));
    this.executor = new RestExecutor(exchanger, sessions, options.retryPolicy());
    this.base = "/services/data/v" + options.apiVersion();
    this.queryBatchSize = options.queryBatchSize();
    this.collections = new HttpCollections(executor, mapper, base);
    this.replication = new HttpReplication(executor, mapper, base);
    this.sessions = sessions;
    this.options = options;
    this.streaming = new StreamingClient(http, sessions, options.apiVersion());
  }

  /** The Streaming API (Change Data Capture) on this client's session and its renewal. */
  public StreamingClient streaming() {
    return streaming;
  }

  /** sObject Collections and upsert by External Id on this client's session and retries. */
  public SObjectCollections collections() {
    return collections;
  }

  /** The updated and deleted resources on this client's session and retries. */
  public ReplicationClient replication() {
    return replication;
  }

  /**
   * Bulk API 1.0 queries on this client's session and retries; {@code onRequest} is told of every
   * request sent (retries included), so a caller can count the API calls a bulk read spends. It
   * runs on the calling thread and must not throw.
   */
  public BulkQueryClient bulk(Runnable onRequest) {
    SessionProvider counted =
        new SessionProvider() {
          @Override
          public Session current() {
            // BulkCalls takes the session once per request it sends (and once more to renew one).
            onRequest.run();
            return sessions.current();
          }

          @Override
          public Session refresh(Session stale) {
            return sessions.refresh(stale);
          }
        };
    return new BulkQueryClient(counted, options);
  }

  @Override
  public QueryPage query(String soql) {
    return runQuery("/query", soql);
  }

  @Override
  public QueryPage queryAll(String soql) {
    return runQuery("/queryAll", soql);
  }

  @Override
  public QueryPage queryMore(String nextRecordsUrl) {
    // Only a locator path is followed: the token must never go to a URL a reply could choose.
    if (nextRecordsUrl == null || !NEXT_RECORDS.matcher(nextRecordsUrl).matches()) {
      throw invalid("INVALID_QUERY_LOCATOR", "Not the nextRecordsUrl of a query page.");
    }
    return page(withBatchSize(ApiRequest.get(nextRecordsUrl, null)));
  }

  @Override
  public SObjectRecord retrieve(String object, String id, List<String> fields) {
    String rawQuery = null;
    if (fields != null && !fields.isEmpty()) {
      fields.forEach(f -> check(FIELD_PATH, f, "INVALID_FIELD", "field name"));
      rawQuery = "fields=" + encode(String.join(",", fields));
    }
    JsonNode root = json(executor.execute(ApiRequest.get(recordPath(object, id), rawQuery)));
    return SalesforceJson.record(root);
  }

  @Override
  public String create(String object, Map<String, Object> fields) {
    String path = base + "/sobjects/" + check(NAME, object, "INVALID_TYPE", "object name");
    ApiResponse response = executor.execute(ApiRequest.post(path, toJson(fields)));
    JsonNode id = json(response).get("id");
    if (id == null || id.isNull() || id.asText().isEmpty()) {
      throw SalesforceErrors.unexpected(response.status(), "reply to a create (no id)");
    }
    return id.asText();
  }

  @Override
  public void update(String object, String id, Map<String, Object> fields) {
    executor.execute(ApiRequest.patch(recordPath(object, id), toJson(fields)));
  }

  @Override
  public void delete(String object, String id) {
    executor.execute(ApiRequest.delete(recordPath(object, id)));
  }

  @Override
  public List<GlobalObject> describeGlobal() {
    return DescribeJson.globalObjects(
        json(executor.execute(ApiRequest.get(base + "/sobjects", null))));
  }

  @Override
  public ObjectDescribe describe(String object) {
    String key = check(NAME, object, "INVALID_TYPE", "object name").toLowerCase(Locale.ROOT);
    ObjectDescribe cached = describes.get(key);
    return cached != null ? cached : refreshDescribe(object);
  }

  /** Fetches the describe of {@code object} again and replaces the cached one. */
  public ObjectDescribe refreshDescribe(String object) {
    String name = check(NAME, object, "INVALID_TYPE", "object name");
    String path = base + "/sobjects/" + name + "/describe";
    ObjectDescribe fresh =
        DescribeJson.objectDescribe(json(executor.execute(ApiRequest.get(path, null))));
    describes.put(name.toLowerCase(Locale.ROOT), fresh);
    return fresh;
  }

  /** Forgets the cached describe of one object; the next {@link #describe} fetches it. */
  public void invalidateDescribe(String object) {
    describes.remove(object.toLowerCase(Locale.ROOT));
  }

  /** Forgets every cached describe (after a schema change in the org). */
  public void invalidateDescribes() {
    describes.clear();
  }

  @Override
  public OrgLimits limits() {
    return DescribeJson.limits(json(executor.execute(ApiRequest.get(base + "/limits", null))));
  }

  @Override
  public Optional<ApiUsage> lastApiUsage() {
    return usage.last();
  }

  private QueryPage runQuery(String resource, String soql) {
    if (soql == null || soql.isBlank()) {
      throw invalid("MALFORMED_QUERY", "The SOQL query is empty.");
    }
    return page(withBatchSize(ApiRequest.get(base + resource, "q=" + encode(soql))));
  }

  private QueryPage page(ApiRequest request) {
    return SalesforceJson.page(json(executor.execute(request)));
  }

  private ApiRequest withBatchSize(ApiRequest request) {
    return queryBatchSize == 0
        ? request
        : request.withHeader("Sforce-Query-Options", "batchSize=" + queryBatchSize);
  }

  private String recordPath(String object, String id) {
    return base
        + "/sobjects/"
        + check(NAME, object, "INVALID_TYPE", "object name")
        + "/"
        + check(ID, id, "MALFORMED_ID", "record Id");
  }

  private JsonNode json(ApiResponse response) {
    try {
      return mapper.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw SalesforceErrors.unexpected(response.status(), "reply (not JSON)");
    }
  }

  private String toJson(Map<String, Object> fields) {
    try {
      return mapper.writeValueAsString(fields == null ? Map.of() : fields);
    } catch (JsonProcessingException e) {
      throw invalid("JSON_PARSER_ERROR", "A field value cannot be sent as JSON.");
    }
  }

  static String check(Pattern pattern, String value, String code, String what) {
    if (value == null || !pattern.matcher(value).matches()) {
      String shown =
          value == null || value.length() <= 100 ? value : value.substring(0, 100) + "...";
      throw invalid(code, "Not a valid " + what + ": " + shown);
    }
    return value;
  }

  /** Form-style encoding, but spaces as {@code %20} so every server reads them the same way. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static SalesforceException invalid(String code, String message) {
    return new SalesforceException(Kind.INVALID_INPUT, code, 0, message);
  }
}
