package com.scopien.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import com.scopien.config.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Web API client against a fake Slack over HTTP: what it sends, and where it refuses to. */
class HttpSlackClientTest {
  private static final String TOKEN = "xoxb-unit-test-token";
  private final FakeSlackServer slack = new FakeSlackServer();
  private final HttpSlackClient client =
      new HttpSlackClient(HttpClient.newHttpClient(), URI.create(slack.apiUrl()), Secret.of(TOKEN));

  @AfterEach
  void stop() {
    slack.close();
  }

  @Test
  void postMessageSendsTheThreadTheBlocksAndTheBotToken() {
    client.postMessage("C1", "1.000100", SlackReplies.note("Café & <b>"));

    FakeSlackServer.Call call = slack.posts("C1", "1.000100").get(0);
    assertThat(call.authorization()).isEqualTo("Bearer " + TOKEN);
    assertThat(call.body().path("text").asText()).isEqualTo("Café &amp; &lt;b&gt;");
    assertThat(call.body().path("blocks").get(0).path("type").asText()).isEqualTo("section");
    assertThat(call.body().path("unfurl_links").asBoolean()).isFalse();
  }

  @Test
  void usersInfoGivesTheProfileEmailOrNothing() {
    slack.email("U1", "jane.roe@acme.com");

    assertThat(client.emailOf("U1")).contains("jane.roe@acme.com");
    assertThat(client.emailOf("U404")).isEmpty();
    assertThat(client.whoAmI().userId()).isEqualTo(FakeSlackServer.BOT_USER);
  }

  @Test
  void usersInfoGivesTheProfileTimeZoneOrNothing() {
    slack.email("U1", "jane.roe@acme.com");
    slack.timeZone("U1", "America/New_York");
    slack.email("U2", "john.doe@acme.com");

    assertThat(client.timeZoneOf("U1")).contains(java.time.ZoneId.of("America/New_York"));
    assertThat(client.timeZoneOf("U2")).isEmpty();
    assertThat(client.timeZoneOf("U404")).isEmpty();
  }

  @Test
  void slackSayingNoIsAnUpstreamErrorWithoutTheToken() {
    HttpSlackClient wrongBase =
        new HttpSlackClient(
            HttpClient.newHttpClient(), URI.create(slack.apiUrl() + "/nope"), Secret.of(TOKEN));

    assertThatThrownBy(() -> wrongBase.whoAmI())
        .isInstanceOfSatisfying(
            ScopienException.class,
            e -> {
              assertThat(e.code()).isEqualTo("slack_error");
              assertThat(e.kind()).isEqualTo(ScopienException.Kind.UPSTREAM);
            })
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void responsesGoOnlyToSlackWithoutTheBotToken() {
    client.respond(slack.uri("/hooks/r1"), SlackReplies.note("done"), true);

    FakeSlackServer.Call call = slack.hooks("r1").get(0);
    assertThat(call.authorization()).isNull();
    assertThat(call.body().path("replace_original").asBoolean()).isTrue();
    assertThat(call.body().path("response_type").asText()).isEqualTo("ephemeral");

    assertThat(client.followable(URI.create("https://hooks.slack.com/commands/T1/1/abc"))).isTrue();
    assertThat(client.followable(URI.create("https://hooks.slack.com.evil.test/x"))).isFalse();
    assertThat(client.followable(URI.create("http://169.254.169.254/latest/meta-data"))).isFalse();
    URI elsewhere = URI.create("http://localhost:1/hooks/x");
    assertThatThrownBy(() -> client.respond(elsewhere, SlackReplies.note("x"), false))
        .isInstanceOfSatisfying(
            ScopienException.class, e -> assertThat(e.code()).isEqualTo("untrusted_response_url"));
  }
}
