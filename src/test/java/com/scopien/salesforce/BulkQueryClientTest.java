package com.scopien.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException.Kind;
import com.scopien.salesforce.ScriptedSalesforceServer.Recorded;
import com.scopien.salesforce.ScriptedSalesforceServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bulk client against a scripted Bulk API 1.0, for faults the local org cannot stage. */
class BulkQueryClientTest {
  private static final String NS = "http://www.force.com/2009/06/asyncapi/dataload";
  private static final String JOB = "750000000000001AAA";
  private static final String BATCH = "751000000000001AAA";
  private static final String RESULT = "752000000000001AAA";

  private ScriptedSalesforceServer server;
  private RecordingSessionProvider sessions;
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private BulkQueryClient client;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedSalesforceServer();
    sessions = new RecordingSessionProvider(server.url());
    client =
        new BulkQueryClient(
                sessions,
                ClientOptions.defaults()
                    .withRetryPolicy(RetryPolicy.defaults().withSleeper(sleeper)))
            .withPolling(Duration.ofMillis(1), Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aBrokenResultDownloadResumesAfterTheRowsAlreadyDelivered() {
    AtomicInteger downloads = new AtomicInteger();
    server.dispatch(
        request -> {
          if (request.path().endsWith("/result/" + RESULT)) {
            String rows = "\"Id\",\"Name\"\n\"a\",\"A\"\n\"b\",\"B \"\"quoted\"\"\"\n";
            return downloads.getAndIncrement() == 0
                ? Reply.text(200, "text/csv", rows + "\"c\",\"unterminated")
                : Reply.text(200, "text/csv", rows + "\"c\",\"C\"\n\"d\",\"\"\n");
          }
          return scripted(request, "Completed");
        });
    List<Map<String, String>> rows = new ArrayList<>();

    BulkQueryClient.Summary summary =
        client.query(
            new BulkQueryClient.BulkQuery("Lead", "SELECT Id, Name FROM Lead", false, 0),
            rows::add);

    assertThat(summary).isEqualTo(new BulkQueryClient.Summary(JOB, 1, 4));
    assertThat(rows).extracting(r -> r.get("Id")).containsExactly("a", "b", "c", "d");
    assertThat(rows.get(1)).containsEntry("Name", "B \"quoted\"");
    assertThat(rows.get(3)).containsEntry("Name", null);
    assertThat(downloads.get()).isEqualTo(2);
    assertThat(server.requests()).allMatch(r -> "token-0".equals(r.header("X-SFDC-Session")));
    Recorded create = server.requests().get(0);
    assertThat(create.method()).isEqualTo("POST");
    assertThat(create.path()).isEqualTo("/services/async/62.0/job/");
  }

  @Test
  void anInvalidSessionIsRenewedOnceAndTheConnectionRebuilt() {
    AtomicInteger creates = new AtomicInteger();
    server.dispatch(
        request -> {
          if (request.path().endsWith("/job/") && creates.getAndIncrement() == 0) {
            return Reply.text(
                400, "application/xml", error("InvalidSessionId", "Invalid session id"));
          }
          if (request.path().endsWith("/result/" + RESULT)) {
            return Reply.text(200, "text/csv", "\"Id\"\n\"a\"\n");
          }
          return scripted(request, "Completed");
        });

    client.query(new BulkQueryClient.BulkQuery("Lead", "SELECT Id FROM Lead", false, 0), row -> {});

    assertThat(sessions.refreshes()).isEqualTo(1);
    List<Recorded> requests = server.requests();
    assertThat(requests.get(0).header("X-SFDC-Session")).isEqualTo("token-0");
    assertThat(requests.subList(1, requests.size()))
        .allMatch(r -> "token-1".equals(r.header("X-SFDC-Session")));
  }

  @Test
  void aFailedBatchIsInvalidInputWithSalesforcesCodeAndTheJobIsAborted() {
    server.dispatch(request -> scripted(request, "Failed"));

    assertThatThrownBy(
            () ->
                client.query(
                    new BulkQueryClient.BulkQuery("Lead", "SELECT Nope FROM Lead", false, 0),
                    row -> {}))
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
              assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
            });
    Recorded last = server.requests().get(server.requests().size() - 1);
    assertThat(last.method()).isEqualTo("POST");
    assertThat(last.path()).isEqualTo("/services/async/62.0/job/" + JOB);
  }

  @Test
  void creatingTheJobIsNeverRetried() {
    server.dispatch(
        request -> Reply.text(500, "application/xml", error("InternalServerError", "boom")));

    assertThatThrownBy(
            () ->
                client.query(
                    new BulkQueryClient.BulkQuery("Lead", "SELECT Id FROM Lead", false, 0),
                    row -> {}))
        .isInstanceOfSatisfying(
            SalesforceException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RETRIABLE));
    assertThat(server.requests()).hasSize(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  /** The happy path of a job whose one batch ends in {@code state}. */
  private static Reply scripted(Recorded request, String state) {
    String path = request.path();
    if (path.endsWith("/job/") || path.endsWith("/job/" + JOB)) {
      String jobState = path.endsWith("/job/") ? "Open" : "Closed";
      return xml(
          "<jobInfo xmlns=\""
              + NS
              + "\"><id>"
              + JOB
              + "</id><operation>query</operation>"
              + "<object>Lead</object><state>"
              + jobState
              + "</state>"
              + "<contentType>CSV</contentType><apiVersion>62.0</apiVersion></jobInfo>");
    }
    if (path.endsWith("/batch")) {
      return xml(batchInfo("Queued", null, true));
    }
    if (path.endsWith("/batch/")) {
      String message =
          state.equals("Failed")
              ? "InvalidBatch : Failed to process query: INVALID_FIELD: No such column 'Nope'"
              : null;
      return xml(
          "<batchInfoList xmlns=\""
              + NS
              + "\">"
              + batchInfo(state, message, false)
              + "</batchInfoList>");
    }
    if (path.endsWith("/result")) {
      return xml("<result-list xmlns=\"" + NS + "\"><result>" + RESULT + "</result></result-list>");
    }
    return Reply.error(404, "NOT_FOUND", path);
  }

  private static String batchInfo(String state, String message, boolean namespaced) {
    return "<batchInfo"
        + (namespaced ? " xmlns=\"" + NS + "\"" : "")
        + "><id>"
        + BATCH
        + "</id><jobId>"
        + JOB
        + "</jobId><state>"
        + state
        + "</state>"
        + (message == null ? "" : "<stateMessage>" + message + "</stateMessage>")
        + "<createdDate>2025-06-02T10:00:00.000Z</createdDate>"
        + "<numberRecordsProcessed>0</numberRecordsProcessed></batchInfo>";
  }

  private static String error(String code, String message) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><error xmlns=\""
        + NS
        + "\"><exceptionCode>"
        + code
        + "</exceptionCode><exceptionMessage>"
        + message
        + "</exceptionMessage></error>";
  }

  private static Reply xml(String body) {
    return Reply.text(200, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body);
  }
}
