package com.scopien.localorg;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How to start a {@link LocalOrg}. Start from {@link #production()} or {@link #sandbox()} and
 * change what a test needs with the {@code with*} methods; every option has a demo default.
 *
 * @param flavour production or sandbox of "Acme Corporation"
 * @param host interface to listen on (default {@code 127.0.0.1})
 * @param port TCP port; 0 picks a free one (default)
 * @param scale how many demo records to generate, relative to the full production org
 * @param seed seed of the demo data; the same seed and clock give the same records and Ids
 * @param dailyApiLimit the rolling 24-hour REST allocation ({@code DailyApiRequests.Max})
 * @param clientId OAuth consumer key of the demo connected app
 * @param clientSecret OAuth consumer secret of the demo connected app
 * @param username login of the demo user (John Doe)
 * @param password password of the demo user
 * @param clock source of "now" for records, sessions, limits and date literals
 * @param sessionIdleTimeout an access token dies after this long without use
 * @param redirectUris registered OAuth callbacks; empty accepts any {@code http://localhost} or
 *     {@code http://127.0.0.1} callback, which suits demo mode on any port
 * @param faults injected failures from the start (none by default); see {@link FaultPlan}
 * @param withoutChangeEvents objects (any case) whose writes publish no Change Data Capture event
 *     and whose channel cannot be subscribed to, as when an admin has not selected them for Change
 *     Data Capture; empty by default (every object publishes)
 * @param streamingTimeout how long the Streaming API holds a {@code /meta/connect} open when no
 *     event arrives (Salesforce holds it about 110 s)
 */
public record LocalOrgOptions(
    Flavour flavour,
    String host,
    int port,
    Scale scale,
    long seed,
    int dailyApiLimit,
    String clientId,
    String clientSecret,
    String username,
    String password,
    Clock clock,
    Duration sessionIdleTimeout,
    List<String> redirectUris,
    FaultPlan faults,
    Set<String> withoutChangeEvents,
    Duration streamingTimeout) {

  /** Which of Acme's two orgs this is. */
  public enum Flavour {
    PRODUCTION,
    SANDBOX
  }

  /**
   * Record counts as a multiple of the full production org (3,456 Accounts, 12,345 Contacts, 8,234
   * Opportunities, 15,678 Cases, 18,287 Leads and a few hundred of each other object): below 1 a
   * smaller org, above 1 (up to {@link #MAX}) a larger one for load tests and benchmarks, about
   * 1,000,000 records at 17.25. The named demo records exist at every scale.
   */
  public record Scale(double factor) {
    /** The largest factor: about 1.16 million records in the five big objects. */
    public static final double MAX = 20;

    public Scale {
      if (!(factor > 0 && factor <= MAX)) {
        throw new IllegalArgumentException("scale factor must be in (0, " + (int) MAX + "]");
      }
    }

    public static Scale full() {
      return new Scale(1.0);
    }

    /** About a twentieth of production, the default for a sandbox. */
    public static Scale sandboxSize() {
      return new Scale(0.05);
    }

    /** Count for an object whose full-size count is {@code fullCount}; at least 1. */
    int of(int fullCount) {
      return Math.max(1, (int) Math.round(fullCount * factor));
    }
  }

  public static final String DEMO_CLIENT_ID = "scopien-local";
  public static final String DEMO_CLIENT_SECRET = "scopien-local-secret";
  public static final String DEMO_USERNAME = "john.doe@acme.com";
  public static final String DEMO_PASSWORD = "demo1234";

  public LocalOrgOptions {
    Objects.requireNonNull(flavour, "flavour");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
    Objects.requireNonNull(faults, "faults");
    redirectUris = List.copyOf(redirectUris);
    withoutChangeEvents = Set.copyOf(withoutChangeEvents);
    if (streamingTimeout == null || streamingTimeout.isNegative() || streamingTimeout.isZero()) {
      throw new IllegalArgumentException("streamingTimeout must be positive");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535");
    }
    if (dailyApiLimit < 1) {
      throw new IllegalArgumentException("dailyApiLimit must be positive");
    }
  }

  /** The full-size production org with demo credentials on a free port. */
  public static LocalOrgOptions production() {
    return defaults(Flavour.PRODUCTION, Scale.full());
  }

  /** The sandbox: same shape, about a twentieth of the records. */
  public static LocalOrgOptions sandbox() {
    return defaults(Flavour.SANDBOX, Scale.sandboxSize());
  }

  private static LocalOrgOptions defaults(Flavour flavour, Scale scale) {
    return new LocalOrgOptions(
        flavour,
        "127.0.0.1",
        0,
        scale,
        42L,
        100_000,
        DEMO_CLIENT_ID,
        DEMO_CLIENT_SECRET,
        DEMO_USERNAME,
        DEMO_PASSWORD,
        Clock.systemUTC(),
        Duration.ofHours(2),
        List.of(),
        FaultPlan.none(),
        Set.of(),
        Duration.ofSeconds(110));
  }

  public LocalOrgOptions withHost(String value) {
    return copy(b -> b.host = value);
  }

  public LocalOrgOptions withPort(int value) {
    return copy(b -> b.port = value);
  }

  public LocalOrgOptions withScale(Scale value) {
    return copy(b -> b.scale = value);
  }

  public LocalOrgOptions withSeed(long value) {
    return copy(b -> b.seed = value);
  }

  public LocalOrgOptions withDailyApiLimit(int value) {
    return copy(b -> b.dailyApiLimit = value);
  }

  public LocalOrgOptions withClient(String id, String secret) {
    return copy(
        b -> {
          b.clientId = id;
          b.clientSecret = secret;
        });
  }

  public LocalOrgOptions withUser(String name, String secretPassword) {
    return copy(
        b -> {
          b.username = name;
          b.password = secretPassword;
        });
  }

  public LocalOrgOptions withClock(Clock value) {
    return copy(b -> b.clock = value);
  }

  public LocalOrgOptions withSessionIdleTimeout(Duration value) {
    return copy(b -> b.sessionIdleTimeout = value);
  }

  public LocalOrgOptions withRedirectUris(List<String> value) {
    return copy(b -> b.redirectUris = value);
  }

  public LocalOrgOptions withFaults(FaultPlan value) {
    return copy(b -> b.faults = value);
  }

  public LocalOrgOptions withoutChangeEvents(Set<String> objects) {
    return copy(b -> b.withoutChangeEvents = objects);
  }

  public LocalOrgOptions withStreamingTimeout(Duration value) {
    return copy(b -> b.streamingTimeout = value);
  }

  private LocalOrgOptions copy(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.build();
  }

  /** A mutable copy that the {@code with*} methods change one option of. */
  private static final class Draft {
    Flavour flavour;
    String host;
    int port;
    Scale scale;
    long seed;
    int dailyApiLimit;
    String clientId;
    String clientSecret;
    String username;
    String password;
    Clock clock;
    Duration sessionIdleTimeout;
    List<String> redirectUris;
    FaultPlan faults;
    Set<String> withoutChangeEvents;
    Duration streamingTimeout;

    Draft(LocalOrgOptions o) {
      flavour = o.flavour;
      host = o.host;
      port = o.port;
      scale = o.scale;
      seed = o.seed;
      dailyApiLimit = o.dailyApiLimit;
      clientId = o.clientId;
      clientSecret = o.clientSecret;
      username = o.username;
      password = o.password;
      clock = o.clock;
      sessionIdleTimeout = o.sessionIdleTimeout;
      redirectUris = o.redirectUris;
      faults = o.faults;
      withoutChangeEvents = o.withoutChangeEvents;
      streamingTimeout = o.streamingTimeout;
    }

    LocalOrgOptions build() {
      return new LocalOrgOptions(
          flavour,
          host,
          port,
          scale,
          seed,
          dailyApiLimit,
          clientId,
          clientSecret,
          username,
          password,
          clock,
          sessionIdleTimeout,
          redirectUris,
          faults,
          withoutChangeEvents,
          streamingTimeout);
    }
  }

  /** Never prints the client secret or the password. */
  @Override
  public String toString() {
    return "LocalOrgOptions[flavour="
        + flavour
        + ", host="
        + host
        + ", port="
        + port
        + ", scale="
        + scale.factor()
        + ", seed="
        + seed
        + ", dailyApiLimit="
        + dailyApiLimit
        + ", clientId="
        + clientId
        + ", username="
        + username
        + ", faults="
        + faults.rules().size()
        + "]";
  }
}
