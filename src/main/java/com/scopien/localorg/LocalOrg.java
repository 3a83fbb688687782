package com.scopien.localorg;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopien.ScopienException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Salesforce-compatible org served over HTTP on loopback: Acme Corporation's production or
 * sandbox org with deterministic demo data, OAuth (client credentials, web-server flow with PKCE,
 * refresh, revoke, identity URL) and the REST API (versions, limits, describe, sObject rows, query
 * and queryAll with paging), with Salesforce's headers, status codes and error bodies, and the
 * Streaming API with a Change Data Capture event for every write (see {@link
 * LocalOrgOptions#withoutChangeEvents}). Scopien talks to it only over HTTP, through the same
 * client it uses for real orgs.
 *
 * <p>Start one with {@link #start}; {@link #close} stops it. Tests change data "as a user in the
 * org" with {@link #asUser} (or the shortcuts {@link #create}, {@link #update}, {@link #delete},
 * which act as the demo user); those writes go through the same validation, defaults and audit
 * stamping as REST writes but cost no API calls. Thread-safe.
 */
public final class LocalOrg implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalOrg.class);

  private final LocalOrgOptions options;
  private final OrgIdentity identity;
  private final RecordStore store;
  private final RecordWriter writer;
  private final SessionStore sessions;
  private final JwtBearerGrant jwtBearer;
  private final ApiUsageMeter usage;
  private final FaultInjector faults;
  private final BulkService bulk;
  private final ChangeEventLog changeEvents;
  private final RestGate gate;
  private final LocalOrgServer server;
  private final Duration generationTime;
  private final CountDownLatch closed = new CountDownLatch(1);

  private LocalOrg(LocalOrgOptions options, OrgAssembly assembly) {
    this.options = options;
    this.identity = assembly.identity();
    this.store = assembly.store();
    this.writer = assembly.writer();
    this.sessions = assembly.sessions();
    this.jwtBearer = assembly.jwtBearer();
    this.usage = assembly.usage();
    this.faults = assembly.faults();
    this.bulk = assembly.bulk();
    this.changeEvents = assembly.changeEvents();
    this.gate = assembly.gate();
    this.server = assembly.server();
    this.generationTime = assembly.generationTime();
  }

  /**
   * Generates the org's data and starts listening.
   *
   * @throws IllegalStateException when the port cannot be bound
   */
  public static LocalOrg start(LocalOrgOptions options) {
    OrgAssembly assembly = OrgAssembly.build(options);
    int port;
    try {
      port = assembly.server().start(options.host(), options.port());
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot listen on " + options.host() + ":" + options.port(), e);
    }
    String host = options.host().equals("0.0.0.0") ? "localhost" : options.host();
    assembly.identity().listeningAt("http://" + host + ":" + port);
    LocalOrg org = new LocalOrg(options, assembly);
    LOG.info(
        "local org {} ({}) ready at {}; data generated in {} ms",
        options.flavour(),
        org.identity.orgId(),
        org.baseUrl(),
        org.generationTime.toMillis());
    return org;
  }

  /** {@code http://host:port}: the login host and the instance URL at once. */
  public String baseUrl() {
    return identity.baseUrl();
  }

  public LocalOrgOptions options() {
    return options;
  }

  /** The 18-character Organization Id ({@code 00D...}). */
  public String orgId() {
    return identity.orgId();
  }

  /** The 18-character Id of the demo user (John Doe). */
  public String userId() {
    return identity.userId();
  }

  /** How long generating the demo data took. */
  public Duration generationTime() {
    return generationTime;
  }

  /**
   * What a person running the org needs to connect: base URL, OAuth client id and secret, username
   * and password. These are demo credentials, printed on purpose.
   */
  public String connectionSummary() {
    return String.join(
        System.lineSeparator(),
        "Local Salesforce org: Acme Corporation (" + options.flavour().name().toLowerCase() + ")",
        "  Base URL (login and instance): " + baseUrl(),
        "  OAuth client id:     " + options.clientId(),
        "  OAuth client secret: " + options.clientSecret(),
        "  Username:            " + options.username(),
        "  Password:            " + options.password());
  }

  /** Acts as the demo user. */
  public OrgUser asDemoUser() {
    return asUser(options.username());
  }

  /**
   * Acts as one of the org's users (by username, any case): {@code john.doe@acme.com} (or the
   * configured username), {@code sarah.chen@acme.com}, {@code michael.brown@acme.com}, {@code
   * priya.patel@acme.com}, {@code david.kim@acme.com}.
   *
   * @throws ScopienException NOT_FOUND when there is no such user
   */
  public OrgUser asUser(String username) {
    ObjectDef user = store.schema().get("User");
    return store.rows(user).stream()
        .filter(row -> username.equalsIgnoreCase((String) row.get("Username")))
        .findFirst()
        .map(row -> new OrgUser(row.id()))
        .orElseThrow(() -> ScopienException.notFound("unknown_user", "no user " + username));
  }

  /** Creates a record as the demo user; see {@link OrgUser#create}. */
  public String create(String object, Map<String, ?> fields) {
    return asDemoUser().create(object, fields);
  }

  /** Updates a record as the demo user; see {@link OrgUser#update}. */
  public void update(String object, String id, Map<String, ?> fields) {
    asDemoUser().update(object, id, fields);
  }

  /** Deletes a record (to the recycle bin) as the demo user. */
  public void delete(String object, String id) {
    asDemoUser().delete(object, id);
  }

  /**
   * Restores a deleted record from the recycle bin as the demo user; see {@link OrgUser#undelete}.
   */
  public void undelete(String object, String id) {
    asDemoUser().undelete(object, id);
  }

  /**
   * A record's stored values by canonical field name (String, Boolean, Integer, Double, LocalDate,
   * Instant or null), deleted records included; empty when there is no such record.
   */
  public Optional<Map<String, Object>> record(String object, String id) {
    ObjectDef def = objectDef(object);
    return SalesforceIds.normalize(id)
        .flatMap(store::find)
        .filter(row -> row.object() == def)
        .map(StoredRecord::toMap);
  }

  /** How many records of the object are not deleted. */
  public int count(String object) {
    return store.count(objectDef(object), false);
  }

  /** API calls counted in the rolling 24 hours. */
  public long apiCallsUsed() {
    return usage.used();
  }

  /**
   * REST calls of the query resources ({@code query}, {@code queryAll}, their next pages, Bulk 2.0
   * query jobs) since the org started: what polling for changes costs.
   */
  public long queryCallsUsed() {
    return gate.queryCalls();
  }

  /** The replay id of the newest change event (0 before the first write). */
  public long lastReplayId() {
    return changeEvents.lastReplayId();
  }

  /** Counts calls as if another integration used the allocation (to test limits). */
  public void spendApiCalls(long calls) {
    usage.spend(calls);
  }

  /** Ends every access token, as an idle timeout would; refresh tokens stay valid. */
  public void expireSessions() {
    sessions.expireAllSessions();
  }

  /**
   * Registers a key for the JWT bearer flow, as uploading a certificate to the connected app does:
   * assertions signed by its private key, issued by the app's client id for the demo user, sign in.
   * Takes the PEM of an X.509 certificate ({@code BEGIN CERTIFICATE}) or of a public key ({@code
   * BEGIN PUBLIC KEY}); may be called more than once.
   *
   * @throws IllegalArgumentException when the text holds no RSA certificate or public key
   */
  public void trustJwtKey(String pem) {
    jwtBearer.trust(pem);
  }

  /**
   * Replaces the fault plan (see {@link FaultPlan}); its random source restarts from its seed.
   * {@code FaultPlan.none()} turns faults off. The same as POST {@code /_scopien/faults}.
   */
  public void injectFaults(FaultPlan plan) {
    faults.use(plan);
  }

  /** How many injected faults of each kind ({@code lock}, {@code drop} ...) have struck. */
  public Map<String, Long> faultsFired() {
    return faults.fired();
  }

  /** Blocks until {@link #close} is called; for the CLI's {@code local-org} command. */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  @Override
  public void close() {
    if (closed.getCount() > 0) {
      changeEvents.close();
      server.stop();
      bulk.close();
      closed.countDown();
    }
  }

  private ObjectDef objectDef(String object) {
    return store
        .schema()
        .find(object)
        .orElseThrow(() -> ScopienException.notFound("unknown_object", "no object " + object));
  }

  /**
   * Writes as one user of the org, through the same checks as the REST API. Failures are {@link
   * ScopienException}s whose code is Salesforce's errorCode (e.g. {@code REQUIRED_FIELD_MISSING})
   * and whose message is Salesforce's.
   */
  public final class OrgUser {
    private final String userId;

    private OrgUser(String userId) {
      this.userId = userId;
    }

    public String userId() {
      return userId;
    }

    /**
     * Creates a record from field values (Java values or their wire form: strings, numbers,
     * booleans, LocalDate, Instant) and returns its 18-character Id.
     */
    public String create(String object, Map<String, ?> fields) {
      return translated(() -> writer.create(objectDef(object), json(fields), userId));
    }

    public void update(String object, String id, Map<String, ?> fields) {
      translated(
          () -> {
            writer.update(live(object, id), json(fields), userId);
            return null;
          });
    }

    public void delete(String object, String id) {
      translated(
          () -> {
            writer.delete(live(object, id), userId);
            return null;
          });
    }

    /**
     * Restores a record from the recycle bin (Salesforce offers this through the SOAP API and Apex,
     * not REST, so the local org offers it here only); fails with {@code UNDELETE_FAILED} for a
     * record that is not deleted.
     */
    public void undelete(String object, String id) {
      translated(
          () -> {
            writer.undelete(SObjectHandler.find(store, objectDef(object), id), userId);
            return null;
          });
    }

    private StoredRecord live(String object, String id) {
      StoredRecord row = SObjectHandler.find(store, objectDef(object), id);
      if (row.deleted()) {
        throw ApiError.entityIsDeleted();
      }
      return row;
    }
  }

  private static JsonNode json(Map<String, ?> fields) {
    return WireFormat.JSON.valueToTree(fields);
  }

  private static <T> T translated(java.util.function.Supplier<T> write) {
    try {
      return write.get();
    } catch (ApiError e) {
      ScopienException.Kind kind =
          switch (e.status()) {
            case 400 -> ScopienException.Kind.INVALID_INPUT;
            case 404 -> ScopienException.Kind.NOT_FOUND;
            default -> ScopienException.Kind.CONFLICT;
          };
      throw new ScopienException(kind, e.errorCode(), e.getMessage(), e);
    }
  }
}
