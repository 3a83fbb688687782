package com.scopien.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.agent.SoqlQueryService;
import com.scopien.agent.StreamingAssistant;
import com.scopien.orgs.OrgDirectory;
import com.scopien.web.PendingWrites;
import com.scopien.web.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Without Slack settings the /slack routes say so, and the rest of Scopien is unaffected. */
class SlackChannelOffTest {

  @Test
  void slackRoutesAnswer503WithAClearErrorWhenSlackIsNotSetUp() throws Exception {
    try (SlackChannel slack =
            SlackChannel.create(
                Optional.empty(),
                mock(StreamingAssistant.class),
                mock(PendingWrites.class),
                null,
                null,
                mock(SlackStore.class),
                HttpClient.newHttpClient(),
                Clock.systemUTC());
        WebServer web =
            new WebServer(
                    "127.0.0.1",
                    0,
                    mock(StreamingAssistant.class),
                    mock(PendingWrites.class),
                    mock(OrgDirectory.class),
                    mock(SoqlQueryService.class),
                    key -> Optional.empty(),
                    Clock.systemUTC(),
                    "test")
                .withRoutes(slack)
                .start()) {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + web.port();

      for (String path :
          new String[] {"/slack/events", "/slack/commands", "/slack/interactivity"}) {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(503);
        assertThat(new ObjectMapper().readTree(response.body()).path("error").path("code").asText())
            .isEqualTo("slack_not_configured");
        assertThat(response.body()).contains("SCOPIEN_SLACK_SIGNING_SECRET");
      }
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
    }
  }
}
