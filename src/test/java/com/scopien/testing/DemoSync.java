package com.scopien.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Runs a sync of one org through the REST API of a running Scopien and waits for it to succeed:
 * {@code POST /api/orgs/{id}/sync} until it is accepted (a 409 means another run of the org is
 * still going), then {@code GET /api/sync/runs/{runId}} until the run is no longer running. Fails
 * the test if the run does not succeed or the whole takes longer than the timeout.
 */
public final class DemoSync {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How a test sends a request to Scopien with its admin key; {@code body} null means none. */
  @FunctionalInterface
  public interface Sender {
    HttpResponse<String> send(String method, String path, String body) throws Exception;
  }

  private DemoSync() {}

  public static void syncAndWait(Sender send, String orgId, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String runId = null;
    while (runId == null) {
      HttpResponse<String> started = send.send("POST", "/api/orgs/" + orgId + "/sync", "{}");
      if (started.statusCode() == 202) {
        runId = JSON.readTree(started.body()).path("runId").asText();
      } else {
        assertThat(started.statusCode()).as(started.body()).isEqualTo(409);
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(500);
      }
    }
    while (true) {
      JsonNode run = JSON.readTree(send.send("GET", "/api/sync/runs/" + runId, null).body());
      if (!run.path("status").asText().equals("running")) {
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
        return;
      }
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(300);
    }
  }
}
