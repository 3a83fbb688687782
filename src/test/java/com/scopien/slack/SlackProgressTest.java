package com.scopien.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.agent.ChatReply;
import com.scopien.config.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Answers that take a while show progress in their thread: the real Web API client against the fake
 * Slack server over HTTP, with the turn's tool activity played in real time.
 */
class SlackProgressTest {
  private static final Duration GRACE = Duration.ofMillis(150);
  private static final Duration INTERVAL = Duration.ofMillis(500);
  private static final String CHANNEL = "C0PROG";

  private final FakeSlackServer slack = new FakeSlackServer();
  private final HttpSlackClient client =
      new HttpSlackClient(
          HttpClient.newHttpClient(), URI.create(slack.apiUrl()), Secret.of("xoxb-progress"));
  private final ScheduledExecutorService ticker = SlackWorkers.ticker();

  @AfterEach
  void stop() {
    ticker.shutdownNow();
    slack.close();
  }

  @Test
  void aQuickAnswerIsPostedOnceWithoutAPlaceholder() {
    SlackProgress progress = start("1.000001", Duration.ofSeconds(5));
    progress.toolStarted("count_records", Map.of("object", "Lead"));
    progress.toolFinished(new ChatReply.ToolCallRecord("count_records", Map.of(), "ok"));
    progress.finish(SlackReplies.note("There are 12 leads."));

    assertThat(slack.thread(CHANNEL, "1.000001"))
        .singleElement()
        .satisfies(m -> assertThat(m.text()).contains("There are 12 leads."));
    assertThat(slack.calls(c -> c.path().equals("/api/chat.update"))).isEmpty();
  }

  @Test
  void aLongAnswerShowsWorkingOnItThenItsToolsThenTheAnswerInTheSameMessage() throws Exception {
    SlackProgress progress = start("1.000002");
    FakeSlackServer.Message placeholder =
        slack.await(() -> slack.thread(CHANNEL, "1.000002"), 1, Duration.ofSeconds(5)).get(0);
    assertThat(placeholder.body().path("text").asText()).isEqualTo(SlackProgress.WORKING);

    progress.toolStarted("query_records", Map.of("object", "Opportunity", "org", "production"));
    Thread.sleep(50);
    progress.toolFinished(new ChatReply.ToolCallRecord("query_records", Map.of(), "ok"));
    progress.toolStarted("count_records", Map.of("object", "Lead"));
    progress.toolFinished(new ChatReply.ToolCallRecord("count_records", Map.of(), "error"));
    List<FakeSlackServer.Call> shown =
        slack.await(() -> slack.updates(CHANNEL, placeholder.ts()), 1, Duration.ofSeconds(5));
    assertThat(shown.get(0).body().toString())
        .contains("Looking up Opportunity records in production… done")
        .contains("Counting Lead records… failed");
    progress.toolStarted("describe_object", Map.of("object", "Lead"));
    progress.finish(SlackReplies.note("12 open deals, 3 of them over 50k."));

    assertThat(slack.thread(CHANNEL, "1.000002"))
        .singleElement()
        .satisfies(m -> assertThat(m.text()).contains("12 open deals"));
    assertThat(slack.calls(c -> c.path().equals("/api/chat.postMessage"))).hasSize(1);
    List<FakeSlackServer.Call> updates = slack.updates(CHANNEL, placeholder.ts());
    assertThat(updates.get(updates.size() - 1).body().toString()).contains("12 open deals");
    List<FakeSlackServer.Call> calls =
        slack.calls(c -> c.path().startsWith("/api/chat.") && c.body() != null);
    for (int i = 1; i < calls.size(); i++) {
      Duration gap = Duration.between(calls.get(i - 1).at(), calls.get(i).at());
      assertThat(gap).as("gap before call " + i).isGreaterThanOrEqualTo(INTERVAL.minusMillis(60));
    }
  }

  @Test
  void whenSlackRefusesTheUpdateTheAnswerIsPostedInstead() {
    slack.refuseUpdates(true);
    SlackProgress progress = start("1.000003");
    slack.await(() -> slack.thread(CHANNEL, "1.000003"), 1, Duration.ofSeconds(5));
    progress.toolStarted("sync_status", Map.of());

    progress.finish(SlackReplies.note("The last sync finished 2 minutes ago."));

    assertThat(slack.thread(CHANNEL, "1.000003"))
        .hasSize(2)
        .last()
        .satisfies(m -> assertThat(m.text()).contains("The last sync finished"));
    assertThat(slack.answers(CHANNEL, "1.000003")).hasSize(1);
  }

  private SlackProgress start(String threadTs) {
    return start(threadTs, GRACE);
  }

  private SlackProgress start(String threadTs, Duration grace) {
    return SlackProgress.start(client, ticker, CHANNEL, threadTs, grace, INTERVAL);
  }
}
