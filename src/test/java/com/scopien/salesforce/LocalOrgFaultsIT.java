package com.scopien.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException.Kind;
import com.scopien.config.Secret;
import com.scopien.localorg.LocalOrg;
import com.scopien.localorg.LocalOrgOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults the local org can produce on cue (expired sessions, a spent allowance), met by the real
 * client over HTTP. Each test gets its own small sandbox org, since these faults change its state.
 */
class LocalOrgFaultsIT {
  private LocalOrg org;
  private OAuthClient oauth;
  private final AtomicInteger signIns = new AtomicInteger();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private HttpSalesforceClient client;

  @BeforeEach
  void start() {
    org = LocalOrg.start(LocalOrgOptions.sandbox().withDailyApiLimit(1_000));
    oauth = new OAuthClient(SalesforceClients.newHttpClient());
    OAuthSessionProvider sessions =
        OAuthSessionProvider.clientCredentials(
            oauth,
            org.baseUrl(),
            LocalOrgOptions.DEMO_CLIENT_ID,
            Secret.of(LocalOrgOptions.DEMO_CLIENT_SECRET),
            null,
            token -> signIns.incrementAndGet());
    client =
        SalesforceClients.create(
            SalesforceClients.newHttpClient(),
            sessions,
            ClientOptions.defaults().withRetryPolicy(RetryPolicy.defaults().withSleeper(sleeper)));
  }

  @AfterEach
  void stop() {
    org.close();
  }

  @Test
  void expiredSessionsAreRenewedOnceForManyConcurrentCallers() throws Exception {
    client.query("SELECT COUNT() FROM Lead");
    assertThat(signIns.get()).isEqualTo(1);
    org.expireSessions();

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<QueryPage>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> client.query("SELECT Id FROM Account LIMIT 5")));
      }
      for (Future<QueryPage> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS).records()).hasSize(5);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(signIns.get()).isEqualTo(2);
  }

  @Test
  void aSpentAllowanceIsUpstreamAndNeverRetried() {
    client.query("SELECT COUNT() FROM Lead");
    ApiUsage before = client.lastApiUsage().orElseThrow();
    org.spendApiCalls(before.max() * 2);

    assertThatThrownBy(() -> client.query("SELECT COUNT() FROM Lead"))
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
              assertThat(e.kind()).isEqualTo(Kind.UPSTREAM);
              assertThat(e.httpStatus()).isEqualTo(403);
            });
    assertThat(sleeper.waits()).isEmpty();
    assertThat(client.lastApiUsage().orElseThrow().used()).isGreaterThan(before.max());
  }
}
