package com.scopien.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException.Kind;
import com.scopien.salesforce.ScriptedSalesforceServer.Reply;
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

class SessionRenewalTest {
  private static final String EMPTY = "{\"totalSize\": 0, \"done\": true, \"records\": []}";
  private static final Reply EXPIRED =
      Reply.error(401, "INVALID_SESSION_ID", "Session expired or invalid");

  private ScriptedSalesforceServer server;
  private RecordingSessionProvider sessions;
  private HttpSalesforceClient client;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedSalesforceServer();
    sessions = new RecordingSessionProvider(server.url());
    client =
        SalesforceClients.create(
            SalesforceClients.newHttpClient(),
            sessions,
            ClientOptions.defaults()
                .withRetryPolicy(RetryPolicy.defaults().withSleeper(new RecordingSleeper())));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anExpiredSessionIsRenewedOnceAndTheCallRetried() {
    server.enqueue(EXPIRED, Reply.json(200, EMPTY));

    client.query("SELECT Id FROM Lead");

    assertThat(sessions.refreshes()).isEqualTo(1);
    assertThat(server.requests())
        .extracting(r -> r.header("Authorization"))
        .containsExactly("Bearer token-0", "Bearer token-1");
  }

  @Test
  void aCreateIsRetriedAfterRenewalBecauseThe401MeansNothingWasWritten() {
    server.enqueue(EXPIRED, Reply.json(201, "{\"id\":\"00Q000000000001AAA\",\"success\":true}"));

    assertThat(client.create("Lead", java.util.Map.of("LastName", "Roe")))
        .isEqualTo("00Q000000000001AAA");
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void a401OnTheFreshSessionGivesUpInsteadOfLooping() {
    server.dispatch(request -> EXPIRED);

    assertThatThrownBy(() -> client.query("SELECT Id FROM Lead"))
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("INVALID_SESSION_ID");
              assertThat(e.kind()).isEqualTo(Kind.UPSTREAM);
              assertThat(e.getMessage()).contains("re-authorised");
            });
    assertThat(sessions.refreshes()).isEqualTo(1);
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void concurrent401sCauseExactlyOneRefresh() throws Exception {
    int callers = 6;
    AtomicInteger refused = new AtomicInteger();
    server.dispatch(
        request -> {
          if ("Bearer token-0".equals(request.header("Authorization"))) {
            refused.incrementAndGet();
            return EXPIRED;
          }
          return Reply.json(200, EMPTY);
        });
    // Hold the one refresh until every caller has been refused with the old token, so all of
    // them are waiting to renew at the same time.
    sessions.beforeRefresh(
        () -> {
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
          while (refused.get() < callers && System.nanoTime() < deadline) {
            Thread.onSpinWait();
          }
        });

    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<QueryPage>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(pool.submit(() -> client.query("SELECT Id FROM Lead")));
      }
      for (Future<QueryPage> result : results) {
        assertThat(result.get(20, TimeUnit.SECONDS).done()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(refused.get()).isEqualTo(callers);
    assertThat(sessions.refreshes()).isEqualTo(1);
    assertThat(
            server.requests().stream()
                .filter(r -> "Bearer token-1".equals(r.header("Authorization"))))
        .hasSize(callers);
  }

  @Test
  void aRenewalSalesforceRefusesForGoodReachesTheCaller() {
    server.enqueue(EXPIRED);
    sessions.beforeRefresh(
        () -> {
          throw OAuthException.of("invalid_grant", 400, "expired access/refresh token");
        });

    assertThatThrownBy(() -> client.query("SELECT Id FROM Lead"))
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.needsReauthorization()).isTrue());
    assertThat(server.requests()).hasSize(1);
  }
}
