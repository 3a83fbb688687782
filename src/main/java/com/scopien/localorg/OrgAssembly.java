package com.scopien.localorg;

import java.time.Duration;
import java.time.Instant;

/**
 * Builds one org's object graph from its options: schema, store with generated data, sessions,
 * meter, writer, handlers and server. The only place that knows how the pieces fit.
 */
record OrgAssembly(
    OrgIdentity identity,
    RecordStore store,
    RecordWriter writer,
    SessionStore sessions,
    JwtBearerGrant jwtBearer,
    ApiUsageMeter usage,
    FaultInjector faults,
    BulkService bulk,
    ChangeEventLog changeEvents,
    RestGate gate,
    LocalOrgServer server,
    Duration generationTime) {

  /** Change events kept for replay (besides the 72-hour window), the oldest dropped first. */
  static final int CHANGE_EVENT_CAPACITY = 20_000;

  static OrgAssembly build(LocalOrgOptions options) {
    boolean sandbox = options.flavour() == LocalOrgOptions.Flavour.SANDBOX;
    OrgSchema schema = OrgSchema.demo();
    String pod = sandbox ? "1F" : "5e";
    RecordStore store = new RecordStore(schema, new IdGenerator(pod));
    long started = System.nanoTime();
    DemoContext demo =
        new DemoContext(options.seed(), options.clock().instant(), store, options.scale());
    String orgId = new DemoDataGenerator(demo, options).generate();
    Duration generationTime = Duration.ofNanos(System.nanoTime() - started);

    OrgIdentity identity = new OrgIdentity(orgId, demo.johnDoe(), options);
    ConnectedApp app =
        new ConnectedApp(options.clientId(), options.clientSecret(), options.redirectUris());
    SessionStore sessions = new SessionStore(orgId, options.clock(), options.sessionIdleTimeout());
    JwtBearerGrant jwtBearer = new JwtBearerGrant(identity, app, options.clock());
    ApiUsageMeter usage = new ApiUsageMeter(options.clock(), options.dailyApiLimit());
    ChangeEventLog changeEvents = new ChangeEventLog(options.clock(), CHANGE_EVENT_CAPACITY);
    ChangeEventPublisher publisher =
        new ChangeEventPublisher(changeEvents, options.withoutChangeEvents(), options.clock());
    RecordWriter writer = new RecordWriter(store, options.clock(), publisher);
    QueryExecutor executor = new QueryExecutor(store, options.clock());
    BulkService bulk =
        new BulkService(
            store,
            writer,
            executor,
            options.clock(),
            new IdGenerator(pod),
            options.flavour().name().toLowerCase());
    FaultInjector faults = new FaultInjector();
    faults.use(options.faults());
    RecycleBin recycleBin = new RecycleBin(store, writer, options.clock());
    Instant orgCreated = (Instant) store.rows(schema.get("Organization")).get(0).get("CreatedDate");
    RestGate gate = new RestGate(sessions, usage);
    LocalOrgServer.Handlers handlers =
        new LocalOrgServer.Handlers(
            gate,
            new OAuthTokenHandler(identity, app, sessions, jwtBearer, options.clock()),
            new AuthorizeHandler(identity, app, sessions, store, options.clock()),
            new IdentityHandler(identity, sessions, store),
            new DataRootHandler(identity, usage),
            new DescribeHandler(schema, options.clock().instant()),
            new SObjectHandler(store, writer),
            new ExternalIdHandler(store, writer),
            new CollectionsHandler(store, writer),
            new ReplicationHandler(store, recycleBin, options.clock(), orgCreated),
            new QueryHandler(
                store,
                executor,
                new QueryCursors(new IdGenerator(pod), options.clock()),
                recycleBin),
            new BulkJobHandler(bulk, sessions, usage),
            new BulkQueryHandler(bulk),
            new FaultHandler(faults, sessions),
            new StreamingHandler(
                sessions,
                changeEvents,
                publisher,
                schema,
                options.clock(),
                options.streamingTimeout()));
    LocalOrgServer server = new LocalOrgServer(options.flavour().name().toLowerCase(), handlers);
    return new OrgAssembly(
        identity,
        store,
        writer,
        sessions,
        jwtBearer,
        usage,
        faults,
        bulk,
        changeEvents,
        gate,
        server,
        generationTime);
  }
}
