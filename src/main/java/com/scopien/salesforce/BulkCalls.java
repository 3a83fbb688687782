package com.scopien.salesforce;

import com.scopien.ScopienException.Kind;
import com.sforce.async.AsyncApiException;
import com.sforce.async.AsyncExceptionCode;
import com.sforce.async.BulkConnection;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.parser.PullParserException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs force-wsc {@link BulkConnection} calls on the current session: builds the connection ({@code
 * {instance}/services/async/{version}}, session id = access token), renews the session once on
 * {@code InvalidSessionId} (single flight, like {@link RestExecutor}) and rebuilds the connection
 * on the new one, retries idempotent calls as the {@link RetryPolicy} allows, and turns {@link
 * AsyncApiException}s into {@link SalesforceException}s.
 */
final class BulkCalls {
  private static final Logger log = LoggerFactory.getLogger(BulkCalls.class);

  /** One call on a connection. */
  @FunctionalInterface
  interface Call<T> {
    T on(BulkConnection connection) throws AsyncApiException;
  }

  private final SessionProvider sessions;
  private final ClientOptions options;
  private final Object renewLock = new Object();

  BulkCalls(SessionProvider sessions, ClientOptions options) {
    this.sessions = sessions;
    this.options = options;
  }

  /** Runs the call; {@code headers} go on every request of the connection it runs on. */
  <T> T run(String what, boolean idempotent, Map<String, String> headers, Call<T> call) {
    int failed = 0;
    boolean renewed = false;
    while (true) {
      Session session = sessions.current();
      try {
        return call.on(connection(session, headers));
      } catch (AsyncApiException e) {
        if (e.getExceptionCode() == AsyncExceptionCode.InvalidSessionId) {
          if (renewed) {
            throw new SalesforceException(
                Kind.UPSTREAM,
                "INVALID_SESSION_ID",
                401,
                "Salesforce refused the session even after renewing it; the org may need to be"
                    + " re-authorised.");
          }
          renew(session);
          renewed = true;
          continue;
        }
        SalesforceException mapped = map(e);
        failed++;
        if (!options.retryPolicy().allowsRetry(failed, idempotent, mapped)) {
          throw mapped;
        }
        Duration wait = options.retryPolicy().backoff(failed);
        log.debug(
            "bulk {} failed with {}; retrying in {} ms", what, mapped.errorCode(), wait.toMillis());
        pause(wait);
      }
    }
  }

  void pause(Duration wait) {
    try {
      options.retryPolicy().sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SalesforceErrors.interrupted();
    }
  }

  private BulkConnection connection(Session session, Map<String, String> headers)
      throws AsyncApiException {
    ConnectorConfig config = new ConnectorConfig();
    config.setSessionId(session.accessToken().reveal());
    config.setRestEndpoint(session.instanceUrl() + "/services/async/" + options.apiVersion());
    config.setConnectionTimeout(10_000);
    config.setReadTimeout((int) Math.min(Integer.MAX_VALUE, options.requestTimeout().toMillis()));
    BulkConnection connection = new BulkConnection(config);
    headers.forEach(connection::addHeader);
    return connection;
  }

  private void renew(Session stale) {
    synchronized (renewLock) {
      if (sessions.current().equals(stale)) {
        log.debug("Salesforce refused the session on a bulk call; renewing it");
        sessions.refresh(stale);
      }
    }
  }

  /** What the caller can do about a Bulk API error. */
  static SalesforceException map(AsyncApiException e) {
    AsyncExceptionCode code = e.getExceptionCode();
    String message = e.getExceptionMessage() == null ? e.getMessage() : e.getExceptionMessage();
    if (code == null || code == AsyncExceptionCode.ClientInputError) {
      boolean transport = hasCause(e, IOException.class) || hasCause(e, PullParserException.class);
      return new SalesforceException(
          transport ? Kind.RETRIABLE : Kind.UPSTREAM,
          transport ? "CONNECTION_FAILED" : "CLIENT_INPUT_ERROR",
          0,
          transport
              ? "The Bulk API call failed before a readable reply came."
              : "The Bulk API client refused the call: " + message,
          e);
    }
    Kind kind =
        switch (code) {
          case InternalServerError, Timeout, TooManyLockFailure -> Kind.RETRIABLE;
          case InvalidJob,
              InvalidBatch,
              InvalidOperation,
              InvalidXml,
              UnsupportedContentType,
              FeatureNotEnabled,
              InvalidUrl,
              InvalidVersion,
              InvalidJobState ->
              Kind.INVALID_INPUT;
          default -> Kind.UPSTREAM;
        };
    return new SalesforceException(kind, code.name(), 0, "Bulk API: " + message, e);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
