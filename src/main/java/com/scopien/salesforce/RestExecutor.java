package com.scopien.salesforce;

import com.scopien.ScopienException.Kind;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a REST call to completion: attaches the current session, renews it once on a 401 (single
 * flight: concurrent 401s on the same session cause one renewal, the others reuse its result), and
 * retries idempotent calls on retriable failures as the {@link RetryPolicy} allows. A 401 on a
 * session that was just renewed ends the call instead of looping.
 */
final class RestExecutor {
  private static final Logger log = LoggerFactory.getLogger(RestExecutor.class);

  private final HttpExchanger exchanger;
  private final SessionProvider sessions;
  private final RetryPolicy retryPolicy;
  private final Object renewLock = new Object();

  RestExecutor(HttpExchanger exchanger, SessionProvider sessions, RetryPolicy retryPolicy) {
    this.exchanger = exchanger;
    this.sessions = sessions;
    this.retryPolicy = retryPolicy;
  }

  ApiResponse execute(ApiRequest request) {
    int failed = 0;
    while (true) {
      try {
        return executeWithSession(request);
      } catch (SalesforceException e) {
        failed++;
        if (!retryPolicy.allowsRetry(failed, request.idempotent(), e)) {
          throw e;
        }
        Duration wait = retryPolicy.backoff(failed);
        log.debug(
            "{} {} failed with {}; attempt {} of {} in {} ms",
            request.method(),
            request.path(),
            e.errorCode(),
            failed + 1,
            retryPolicy.maxAttempts(),
            wait.toMillis());
        pause(wait);
      }
    }
  }

  private ApiResponse executeWithSession(ApiRequest request) {
    Session session = sessions.current();
    try {
      return exchanger.exchange(request, session);
    } catch (SalesforceException e) {
      if (e.httpStatus() != 401) {
        throw e;
      }
      Session renewed = renew(session);
      try {
        return exchanger.exchange(request, renewed);
      } catch (SalesforceException again) {
        if (again.httpStatus() == 401) {
          throw new SalesforceException(
              Kind.UPSTREAM,
              "INVALID_SESSION_ID",
              401,
              "Salesforce refused the session even after renewing it; the org may need to be"
                  + " re-authorised.",
              again);
        }
        throw again;
      }
    }
  }

  private Session renew(Session stale) {
    synchronized (renewLock) {
      Session now = sessions.current();
      if (!now.equals(stale)) {
        return now;
      }
      log.debug("Salesforce refused the session; renewing it");
      return sessions.refresh(stale);
    }
  }

  private void pause(Duration wait) {
    try {
      retryPolicy.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SalesforceErrors.interrupted();
    }
  }
}
