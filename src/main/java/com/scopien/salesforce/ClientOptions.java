package com.scopien.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * How a {@link HttpSalesforceClient} behaves.
 *
 * @param apiVersion REST version such as {@code 62.0}
 * @param callOptionsClient sent as {@code Sforce-Call-Options: client=<id>} on every write, so our
 *     own changes can be recognised when they come back (echo suppression)
 * @param usageListener told of every {@code Sforce-Limit-Info} reading; must be quick and must not
 *     throw (a throwing listener is logged and ignored)
 * @param clock stamps usage readings
 * @param retryPolicy retries for idempotent calls
 * @param requestTimeout how long one HTTP exchange may take
 * @param queryBatchSize {@code Sforce-Query-Options: batchSize} (200 to 2000), or 0 for the
 *     server's default
 */
public record ClientOptions(
    String apiVersion,
    String callOptionsClient,
    Consumer<ApiUsage> usageListener,
    Clock clock,
    RetryPolicy retryPolicy,
    Duration requestTimeout,
    int queryBatchSize) {

  public static final String DEFAULT_API_VERSION = "62.0";
  private static final Pattern VERSION = Pattern.compile("\\d{2,3}\\.\\d");
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public ClientOptions {
    if (apiVersion == null || !VERSION.matcher(apiVersion).matches()) {
      throw new IllegalArgumentException("apiVersion must look like 62.0: " + apiVersion);
    }
    if (callOptionsClient == null || !CLIENT_ID.matcher(callOptionsClient).matches()) {
      throw new IllegalArgumentException(
          "callOptionsClient must be 1-64 letters, digits, '_', '.' or '-'");
    }
    Objects.requireNonNull(usageListener, "usageListener");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    if (requestTimeout == null || requestTimeout.isZero() || requestTimeout.isNegative()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
    if (queryBatchSize != 0 && (queryBatchSize < 200 || queryBatchSize > 2000)) {
      throw new IllegalArgumentException("queryBatchSize must be 0 or between 200 and 2000");
    }
  }

  /**
   * Version 62.0, client id {@code scopien}, no listener, UTC clock, default retries, 2 minutes.
   */
  public static ClientOptions defaults() {
    return new ClientOptions(
        DEFAULT_API_VERSION,
        "scopien",
        usage -> {},
        Clock.systemUTC(),
        RetryPolicy.defaults(),
        Duration.ofMinutes(2),
        0);
  }

  public ClientOptions withApiVersion(String version) {
    return new ClientOptions(
        version,
        callOptionsClient,
        usageListener,
        clock,
        retryPolicy,
        requestTimeout,
        queryBatchSize);
  }

  public ClientOptions withCallOptionsClient(String client) {
    return new ClientOptions(
        apiVersion, client, usageListener, clock, retryPolicy, requestTimeout, queryBatchSize);
  }

  public ClientOptions withUsageListener(Consumer<ApiUsage> listener) {
    return new ClientOptions(
        apiVersion,
        callOptionsClient,
        listener,
        clock,
        retryPolicy,
        requestTimeout,
        queryBatchSize);
  }

  public ClientOptions withClock(Clock newClock) {
    return new ClientOptions(
        apiVersion,
        callOptionsClient,
        usageListener,
        newClock,
        retryPolicy,
        requestTimeout,
        queryBatchSize);
  }

  public ClientOptions withRetryPolicy(RetryPolicy policy) {
    return new ClientOptions(
        apiVersion,
        callOptionsClient,
        usageListener,
        clock,
        policy,
        requestTimeout,
        queryBatchSize);
  }

  public ClientOptions withRequestTimeout(Duration timeout) {
    return new ClientOptions(
        apiVersion, callOptionsClient, usageListener, clock, retryPolicy, timeout, queryBatchSize);
  }

  public ClientOptions withQueryBatchSize(int batchSize) {
    return new ClientOptions(
        apiVersion,
        callOptionsClient,
        usageListener,
        clock,
        retryPolicy,
        requestTimeout,
        batchSize);
  }
}
