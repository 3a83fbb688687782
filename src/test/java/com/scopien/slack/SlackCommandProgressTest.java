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
 * A slash command's answer shows progress through its response URL: the real Web API client against
 * the fake Slack server over HTTP, with the turn's tool activity played in real time.
 */
class SlackCommandProgressTest {
  private static final Duration GRACE = Duration.ofMillis(150);
  private static final Duration INTERVAL = Duration.ofMillis(300);
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final FakeSlackServer slack = new FakeSlackServer();
  private final HttpSlackClient client =
      new HttpSlackClient(
          HttpClient.newHttpClient(), URI.create(slack.apiUrl()), Secret.of("xoxb-command"));
  private final ScheduledExecutorService ticker = SlackWorkers.ticker();

  @AfterEach
  void stop() {
    ticker.shutdownNow();
    slack.close();
  }

  @Test
  void aQuickAnswerIsTheOnlyResponse() {
    SlackCommandProgress progress = start("quick", Duration.ofSeconds(5));
    progress.toolStarted("count_records", Map.of("object", "Lead"));
    progress.toolFinished(new ChatReply.ToolCallRecord("count_records", Map.of(), "ok"));
    progress.finish(SlackReplies.note("There are 12 leads."));

    assertThat(slack.hooks("quick"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.body().toString()).contains("There are 12 leads.");
              assertThat(c.body().path("replace_original").asBoolean()).isTrue();
            });
  }

  @Test
  void aLongAnswerShowsItsToolsInPlaceOfTheNoteThenTheAnswer() throws Exception {
    SlackCommandProgress progress = start("long", GRACE);
    progress.toolStarted("query_records", Map.of("object", "Opportunity", "org", "production"));

    List<FakeSlackServer.Call> shown = slack.await(() -> slack.hooks("long"), 1, WAIT);
    assertThat(shown.get(0).body().toString())
        .contains(SlackActivity.WORKING)
        .contains("Looking up Opportunity records in production…");
    assertThat(shown.get(0).body().path("replace_original").asBoolean()).isTrue();
    progress.toolFinished(new ChatReply.ToolCallRecord("query_records", Map.of(), "ok"));
    slack.await(() -> slack.hooks("long"), 2, WAIT);
    progress.finish(SlackReplies.note("12 open deals, 3 of them over 50k."));

    List<FakeSlackServer.Call> all = slack.hooks("long");
    assertThat(all.get(1).body().toString()).contains("production… done");
    assertThat(all.get(all.size() - 1).body().toString()).contains("12 open deals");
  }

  @Test
  void progressLeavesTheAnswerOneOfSlacksFiveResponses() throws Exception {
    SlackCommandProgress progress = start("busy", GRACE);
    for (int i = 0; i < 8; i++) {
      progress.toolStarted("count_records", Map.of("object", "Lead"));
      Thread.sleep(INTERVAL.toMillis() + 50);
    }
    progress.finish(SlackReplies.note("Done at last."));

    List<FakeSlackServer.Call> all = slack.hooks("busy");
    assertThat(all).hasSize(SlackCommandProgress.MAX_UPDATES + 1);
    assertThat(all.get(all.size() - 1).body().toString()).contains("Done at last.");
  }

  private SlackCommandProgress start(String hook, Duration grace) {
    return SlackCommandProgress.start(
        client, ticker, URI.create(slack.responseUrl(hook)), grace, INTERVAL);
  }
}
