package com.scopien.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException.Kind;
import com.scopien.salesforce.ScriptedSalesforceServer.Reply;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryTest {
  private static final String EMPTY = "{\"totalSize\": 0, \"done\": true, \"records\": []}";
  private static final Reply LOCKED =
      Reply.error(
          400,
          "UNABLE_TO_LOCK_ROW",
          "unable to obtain exclusive access to this record or 1 records: 00Q000000000001AAA");
  private static final Reply UNAVAILABLE =
      Reply.text(503, "text/html", "<html><body>Service Unavailable</body></html>");

  private ScriptedSalesforceServer server;
  private RecordingSleeper sleeper;
  private HttpSalesforceClient client;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedSalesforceServer();
    sleeper = new RecordingSleeper();
    RetryPolicy policy =
        RetryPolicy.defaults()
            .withDelays(Duration.ofSeconds(1), Duration.ofSeconds(60))
            .withRandom(() -> 0.5)
            .withSleeper(sleeper);
    client =
        SalesforceClients.create(
            SalesforceClients.newHttpClient(),
            new RecordingSessionProvider(server.url()),
            ClientOptions.defaults().withRetryPolicy(policy));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aQueryIsRetriedOn503AndLockErrorsWithGrowingWaits() {
    server.enqueue(UNAVAILABLE, LOCKED, Reply.json(200, EMPTY));

    assertThat(client.query("SELECT Id FROM Lead").done()).isTrue();

    assertThat(server.requests()).hasSize(3);
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void aDroppedConnectionIsRetriedForAnIdempotentCall() {
    server.enqueue(Reply.dropConnection(), Reply.empty(204));

    client.update("Lead", "00Q000000000001AAA", Map.of("Score__c", 5));

    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void retriesStopAtTheDeclaredNumberOfAttempts() {
    server.dispatch(request -> UNAVAILABLE);

    assertThatThrownBy(() -> client.limits())
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.RETRIABLE);
              assertThat(e.httpStatus()).isEqualTo(503);
              assertThat(e.errorCode()).isEqualTo("HTTP_503");
              assertThat(e.getMessage()).doesNotContain("<html>");
            });
    assertThat(server.requests()).hasSize(5);
    assertThat(sleeper.waits()).hasSize(4);
  }

  @Test
  void aCreateIsNeverRetriedAutomatically() {
    server.enqueue(UNAVAILABLE, Reply.json(201, "{\"id\":\"00Q000000000001AAA\"}"));

    assertThatThrownBy(() -> client.create("Lead", Map.of("LastName", "Roe")))
        .hasFieldOrPropertyWithValue("kind", Kind.RETRIABLE);

    assertThat(server.requests()).hasSize(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void aLockErrorOnCreateIsReportedAsRetriableButNotRetried() {
    server.enqueue(LOCKED);

    assertThatThrownBy(() -> client.create("Lead", Map.of("LastName", "Roe")))
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> {
              assertThat(e.retriable()).isTrue();
              assertThat(e.errorCode()).isEqualTo("UNABLE_TO_LOCK_ROW");
            });
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void requestLimitExceededIsNeverRetried() {
    server.dispatch(
        request -> Reply.error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."));

    assertThatThrownBy(() -> client.query("SELECT Id FROM Lead"))
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UPSTREAM);
              assertThat(e.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
              assertThat(e.getMessage()).isEqualTo("TotalRequests Limit exceeded.");
            });
    assertThat(server.requests()).hasSize(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void badRequestsFailAtOnceWithSalesforcesMessage() {
    server.enqueue(
        Reply.error(400, "INVALID_FIELD", "No such column 'Nope__c' on entity 'Lead'."),
        Reply.error(400, "INVALID_TYPE", "sObject type 'Nope__c' is not supported."),
        Reply.error(404, "NOT_FOUND", "The requested resource does not exist"),
        Reply.error(404, "ENTITY_IS_DELETED", "entity is deleted"));

    assertThatThrownBy(() -> client.query("SELECT Nope__c FROM Lead"))
        .hasFieldOrPropertyWithValue("kind", Kind.INVALID_INPUT)
        .hasMessage("No such column 'Nope__c' on entity 'Lead'.");
    assertThatThrownBy(() -> client.query("SELECT Id FROM Nope__c"))
        .hasFieldOrPropertyWithValue("kind", Kind.INVALID_INPUT)
        .hasFieldOrPropertyWithValue("errorCode", "INVALID_TYPE");
    assertThatThrownBy(() -> client.retrieve("Lead", "00Q000000000001AAA", java.util.List.of()))
        .hasFieldOrPropertyWithValue("kind", Kind.NOT_FOUND);
    assertThatThrownBy(() -> client.delete("Lead", "00Q000000000001AAA"))
        .hasFieldOrPropertyWithValue("kind", Kind.NOT_FOUND)
        .hasFieldOrPropertyWithValue("errorCode", "ENTITY_IS_DELETED");
    assertThat(server.requests()).hasSize(4);
  }

  @Test
  void aSlowReplyTimesOutAsRetriable() throws Exception {
    try (ScriptedSalesforceServer slow = new ScriptedSalesforceServer()) {
      slow.dispatch(
          request -> {
            try {
              Thread.sleep(2_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return Reply.json(200, EMPTY);
          });
      HttpSalesforceClient impatient =
          SalesforceClients.create(
              SalesforceClients.newHttpClient(),
              new RecordingSessionProvider(slow.url()),
              ClientOptions.defaults()
                  .withRequestTimeout(Duration.ofMillis(200))
                  .withRetryPolicy(RetryPolicy.none()));

      assertThatThrownBy(() -> impatient.query("SELECT Id FROM Lead"))
          .isInstanceOfSatisfying(
              SalesforceException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(Kind.RETRIABLE);
                assertThat(e.errorCode()).isEqualTo("TIMEOUT");
                assertThat(e.getMessage()).contains("127.0.0.1");
              });
    }
  }
}
