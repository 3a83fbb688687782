package com.scopien;

import com.scopien.agent.AgentService;
import com.scopien.agent.SoqlQueryService;
import com.scopien.config.ScopienConfig;
import com.scopien.config.Secret;
import com.scopien.localorg.FaultPlan;
import com.scopien.localorg.LocalOrg;
import com.scopien.localorg.LocalOrgOptions;
import com.scopien.orgs.Environment;
import com.scopien.orgs.NewOrg;
import com.scopien.orgs.ObjectDescriber;
import com.scopien.orgs.OrgService;
import com.scopien.orgs.SalesforceSignIn;
import com.scopien.privacy.PersonalData;
import com.scopien.security.FieldSecurityAdmin;
import com.scopien.security.KeyProvider;
import com.scopien.security.SignInAccounts;
import com.scopien.security.SignInSettings;
import com.scopien.security.StoreBackups;
import com.scopien.security.UserAdmin;
import com.scopien.security.UserService;
import com.scopien.security.WebSessions;
import com.scopien.slack.SlackChannel;
import com.scopien.sync.MappedFieldNames;
import com.scopien.sync.MirrorReader;
import com.scopien.sync.RealtimeSync;
import com.scopien.sync.SyncChatTools;
import com.scopien.sync.SyncOptions;
import com.scopien.sync.SyncScheduler;
import com.scopien.web.PendingWrites;
import com.scopien.web.WebServer;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part once from the validated config, in dependency order, and
 * closes them in reverse. Nothing else in Scopien knows both the product and the local org.
 */
public final class App implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(App.class);
  private static final String VERSION = "0.1.0";

  /** Names of the two demo orgs, as people see them in the org switcher. */
  public static final String DEMO_PRODUCTION = "Acme Production";

  public static final String DEMO_SANDBOX = "Acme Sandbox";

  private final Core core;
  private final List<LocalOrg> localOrgs;
  private final SlackChannel slack;
  private final SyncScheduler scheduler;
  private final RealtimeSync realtime;
  private final WebServer web;

  /** How often background sync looks for due orgs; also the real-time fallback poll interval. */
  private static final Duration SYNC_TICK = Duration.ofSeconds(30);

  private App(
      Core core,
      List<LocalOrg> localOrgs,
      SlackChannel slack,
      SyncScheduler scheduler,
      RealtimeSync realtime,
      WebServer web) {
    this.core = core;
    this.localOrgs = localOrgs;
    this.slack = slack;
    this.scheduler = scheduler;
    this.realtime = realtime;
    this.web = web;
  }

  /**
   * Builds and starts Scopien: the store, the services, the demo orgs when demo mode applies, and
   * the web server. Prints the chat panel's URL and, when one was generated, the admin key.
   */
  public static App start(ScopienConfig config, PrintStream out) {
    Core core = Core.open(config);
    List<LocalOrg> localOrgs = new ArrayList<>();
    SlackChannel slack = null;
    SyncScheduler scheduler = null;
    RealtimeSync realtime = null;
    try {
      if (demoWanted(config, core.orgs())) {
        localOrgs.addAll(startDemoOrgs(config, core.orgs(), out));
      } else {
        core.orgs().retireDemoOrgs();
      }
      realtime =
          new RealtimeSync(
              core.database().jdbc(),
              core.orgs(),
              core.syncSettings(),
              core.sync(),
              SyncOptions.defaults(),
              core.clock(),
              SYNC_TICK,
              Duration.ofSeconds(5));
      // Objects streaming their change events are fresh now, whatever their last run's age.
      MirrorReader mirror = core.mirror().withRealTime(realtime);
      AgentService agent = buildAgent(config, core, mirror, realtime);
      scheduler =
          new SyncScheduler(
              core.database().dataSource(),
              core.sync(),
              core.orgs(),
              core.syncSettings(),
              SyncOptions.defaults(),
              core.clock(),
              SYNC_TICK,
              realtime::manages);
      scheduler.start();
      realtime.start();
      PendingWrites pendingWrites = pendingWrites(agent);
      slack =
          SlackChannel.create(
              config.slack(),
              agent,
              pendingWrites,
              core.users(),
              core.audit(),
              new JdbcSlackStore(core.database().jdbc()),
              HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
              core.clock());
      SignInSettings signInSettings =
          new SignInSettings(core.database().jdbc(), core.audit(), core.clock());
      WebServer web =
          new WebServer(
                  config.host(),
                  config.port(),
                  agent,
                  pendingWrites,
                  core.orgs(),
                  new SoqlQueryService(
                      core.orgs(), core.fieldSecurity(), core.visibility(), mirror),
                  core.users(),
                  core.sync(),
                  core.syncSettings(),
                  core.localChanges(),
                  core.clock(),
                  VERSION)
              .withRoutes(slack)
              .withOrgAdmin(core.connections())
              .withUsage(core.usage())
              .withUserLinks(core.visibility(), id -> core.users().find(id).isPresent())
              .withUserAdmin(
                  new UserAdmin(core.database().jdbc(), core.users(), core.audit(), core.clock()),
                  core.audit(),
                  core.fieldSecurity().guestAccess())
              .withSignIn(
                  new SalesforceSignIn(core.orgs(), new SecureRandom(), core.clock()),
                  new SignInAccounts(
                      core.database().jdbc(),
                      core.users(),
                      signInSettings,
                      core.audit(),
                      core.clock()),
                  signInSettings,
                  new WebSessions(core.database().jdbc(), core.users(), core.clock()),
                  core.audit(),
                  WebSessions.DEFAULT_ABSOLUTE)
              .withFieldSecurity(
                  new FieldSecurityAdmin(
                      core.fieldSecurity(),
                      core.audit(),
                      new ObjectDescriber(core.orgs())::describe))
              .withPrivacy(
                  new PersonalData(core.database().jdbc(), core.fieldSecurity(), core.audit()))
              .withBackup(
                  new StoreBackups(
                      core.database(),
                      KeyProvider.resolve(config.encryptionKey(), config.dataDir()),
                      core.audit()))
              .start();
      App app = new App(core, localOrgs, slack, scheduler, realtime, web);
      if (config.slack().isPresent()) {
        out.println("Slack: events, commands and buttons at /slack/*");
      }
      out.println("Scopien is running: http://" + displayHost(config.host()) + ":" + web.port());
      core.generatedAdminKey()
          .ifPresent(
              key -> {
                out.println("Admin API key (shown once, stored hashed): " + key.reveal());
              });
      return app;
    } catch (RuntimeException e) {
      if (slack != null) {
        slack.close();
      }
      if (realtime != null) {
        realtime.close();
      }
      if (scheduler != null) {
        scheduler.close();
      }
      localOrgs.forEach(LocalOrg::close);
      core.close();
      throw e;
    }
  }

  /** What {@code scopien local-org} asks for. */
  public record LocalOrgRequest(
      int port,
      boolean sandbox,
      double scale,
      long seed,
      List<String> jwtKeys,
      List<String> faults,
      long faultSeed) {}

  /**
   * Starts one local org on its own and prints how to reach it; {@link LocalOrg#close} stops it.
   * {@code jwtKeys} are PEM certificates or public keys trusted for the JWT bearer flow; {@code
   * faults} are {@link FaultPlan#parse} specs such as {@code lock:0.05}, drawn from {@code
   * faultSeed}.
   *
   * @throws ScopienException invalid_fault or invalid_jwt_key for unusable options
   */
  public static AutoCloseable startLocalOrg(LocalOrgRequest request, PrintStream out) {
    FaultPlan plan;
    try {
      plan = FaultPlan.parse(request.faultSeed(), request.faults());
    } catch (IllegalArgumentException e) {
      throw ScopienException.invalid("invalid_fault", e.getMessage());
    }
    LocalOrgOptions options =
        (request.sandbox() ? LocalOrgOptions.sandbox() : LocalOrgOptions.production())
            .withPort(request.port())
            .withSeed(request.seed())
            .withFaults(plan);
    if (!request.sandbox() || request.scale() != 1.0) {
      options = options.withScale(new LocalOrgOptions.Scale(request.scale()));
    }
    LocalOrg org = LocalOrg.start(options);
    try {
      request.jwtKeys().forEach(org::trustJwtKey);
    } catch (IllegalArgumentException e) {
      org.close();
      throw ScopienException.invalid(
          "invalid_jwt_key", "The JWT key is not usable: " + e.getMessage());
    }
    out.println(org.connectionSummary());
    if (!request.jwtKeys().isEmpty()) {
      out.println(
          "  JWT bearer:          "
              + request.jwtKeys().size()
              + " key(s) trusted; sign in as "
              + org.options().username()
              + " with iss="
              + org.options().clientId()
              + ", aud="
              + org.baseUrl());
    }
    if (!plan.isEmpty()) {
      out.println(
          "  Injected faults:     "
              + String.join(", ", request.faults())
              + " (seed "
              + request.faultSeed()
              + ")");
    }
    return org;
  }

  /** The port the web server listens on. */
  public int port() {
    return web.port();
  }

  /** Base URLs of the demo orgs started by this instance (production first), empty otherwise. */
  public List<String> demoOrgUrls() {
    return localOrgs.stream().map(LocalOrg::baseUrl).toList();
  }

  /** The users of this instance, for tests and tools that run beside the server. */
  public UserService users() {
    return core.users();
  }

  @Override
  public void close() {
    web.stop();
    realtime.close();
    scheduler.close();
    slack.close();
    localOrgs.forEach(LocalOrg::close);
    core.close();
  }

  private static boolean demoWanted(ScopienConfig config, OrgService orgs) {
    return switch (config.demo()) {
      case ON -> true;
      case OFF -> false;
      case AUTO -> !orgs.hasRealOrgs();
    };
  }

  private static List<LocalOrg> startDemoOrgs(
      ScopienConfig config, OrgService orgs, PrintStream out) {
    long started = System.nanoTime();
    LocalOrg production =
        LocalOrg.start(
            LocalOrgOptions.production().withScale(new LocalOrgOptions.Scale(config.demoScale())));
    LocalOrg sandbox = LocalOrg.start(LocalOrgOptions.sandbox());
    try {
      connectDemo(orgs, DEMO_PRODUCTION, Environment.PRODUCTION, production);
      connectDemo(orgs, DEMO_SANDBOX, Environment.SANDBOX, sandbox);
    } catch (RuntimeException e) {
      production.close();
      sandbox.close();
      throw e;
    }
    out.printf(
        "Demo mode: local orgs '%s' (%s) and '%s' (%s) ready in %.1f s%n",
        DEMO_PRODUCTION,
        production.baseUrl(),
        DEMO_SANDBOX,
        sandbox.baseUrl(),
        (System.nanoTime() - started) / 1e9);
    return List.of(production, sandbox);
  }

  private static void connectDemo(
      OrgService orgs, String name, Environment environment, LocalOrg org) {
    orgs.connectDemo(
        new NewOrg(
            name,
            environment,
            org.baseUrl(),
            org.options().clientId(),
            Secret.of(org.options().clientSecret()),
            true));
  }

  private static AgentService buildAgent(
      ScopienConfig config, Core core, MirrorReader mirror, RealtimeSync realtime) {
    var builder =
        AgentService.builder()
            .orgs(core.orgs())
            .store(core.database().jdbc())
            .fieldSecurity(core.fieldSecurity())
            .auditLog(core.audit())
            .syncTools(new SyncChatTools(core.sync(), core.clock(), realtime::status))
            .localMirror(mirror)
            .fieldNames(new MappedFieldNames(core.syncSettings()))
            .visibility(core.visibility())
            .clock(core.clock());
    if (config.usesOpenAi()) {
      builder.openAi(
          config.openAiBaseUrl().toString(),
          config.openAiApiKey().orElseThrow(),
          config.openAiModel());
      log.info("Model: {} at {}", config.openAiModel(), config.openAiBaseUrl());
    } else {
      builder.embeddingModel(new AllMiniLmL6V2QuantizedEmbeddingModel());
    }
    long started = System.nanoTime();
    AgentService agent = builder.build();
    if (!config.usesOpenAi()) {
      log.info(
          "Model: the built-in offline model (examples embedded in {} ms)",
          (System.nanoTime() - started) / 1_000_000);
    }
    return agent;
  }

  private static PendingWrites pendingWrites(AgentService agent) {
    return new PendingWrites() {
      @Override
      public com.scopien.agent.ChatReply confirm(
          com.scopien.security.User user, String conversationId) {
        return agent.confirmPending(user, conversationId);
      }

      @Override
      public com.scopien.agent.ChatReply cancel(
          com.scopien.security.User user, String conversationId) {
        return agent.cancelPending(user, conversationId);
      }
    };
  }

  private static String displayHost(String host) {
    return "0.0.0.0".equals(host) ? "127.0.0.1" : host;
  }
}
