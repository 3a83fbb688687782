package com.scopien.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

  @Test
  void defaultsApplyWhenNothingIsSet() {
    ScopienConfig config = ConfigLoader.load(Map.of());

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(7070);
    assertThat(config.dataDir().toString()).endsWith("data");
    assertThat(config.dbUrl()).isEmpty();
    assertThat(config.usesOpenAi()).isFalse();
    assertThat(config.demo()).isEqualTo(ScopienConfig.DemoMode.AUTO);
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    Map<String, String> env =
        Map.of(
            "SCOPIEN_PORT", "seventy",
            "SCOPIEN_DB_URL", "mysql://x",
            "SCOPIEN_ENCRYPTION_KEY", "not-base64!!",
            "SCOPIEN_OPENAI_BASE_URL", "ftp://models",
            "SCOPIEN_DEMO", "maybe");

    assertThatThrownBy(() -> ConfigLoader.load(env))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(5)
                    .anySatisfy(p -> assertThat(p).startsWith("SCOPIEN_PORT"))
                    .anySatisfy(p -> assertThat(p).startsWith("SCOPIEN_DB_URL"))
                    .anySatisfy(p -> assertThat(p).startsWith("SCOPIEN_ENCRYPTION_KEY"))
                    .anySatisfy(p -> assertThat(p).startsWith("SCOPIEN_OPENAI_BASE_URL"))
                    .anySatisfy(p -> assertThat(p).startsWith("SCOPIEN_DEMO")));
  }

  @Test
  void secretValuesNeverAppearInErrorsOrToString() {
    String shortKey = "tooShortSecret1";
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("SCOPIEN_ADMIN_API_KEY", shortKey)))
        .hasMessageContaining("SCOPIEN_ADMIN_API_KEY")
        .hasMessageNotContaining(shortKey);

    ScopienConfig config =
        ConfigLoader.load(Map.of("SCOPIEN_OPENAI_API_KEY", "sk-very-secret-value-123"));
    assertThat(config.toString()).doesNotContain("sk-very-secret-value-123");
    assertThat(config.openAiApiKey().orElseThrow().reveal()).isEqualTo("sk-very-secret-value-123");
  }

  @Test
  void portOutOfRangeIsRejected() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("SCOPIEN_PORT", "70000")))
        .hasMessageContaining("between 0 and 65535");
  }

  @Test
  void slackIsOffUntilBothItsSecretsAreSet() {
    assertThat(ConfigLoader.load(Map.of()).slack()).isEmpty();

    ScopienConfig config =
        ConfigLoader.load(
            Map.of(
                "SCOPIEN_SLACK_SIGNING_SECRET", "signing-secret-value",
                "SCOPIEN_SLACK_BOT_TOKEN", "xoxb-token-value",
                "SCOPIEN_SLACK_API_URL", "http://127.0.0.1:9999/api/"));

    ScopienConfig.Slack slack = config.slack().orElseThrow();
    assertThat(slack.apiUrl()).hasToString("http://127.0.0.1:9999/api");
    assertThat(slack.botToken().reveal()).isEqualTo("xoxb-token-value");
    assertThat(config.toString()).doesNotContain("signing-secret-value", "xoxb-token-value");
    assertThat(
            ConfigLoader.load(
                    Map.of(
                        "SCOPIEN_SLACK_SIGNING_SECRET", "s",
                        "SCOPIEN_SLACK_BOT_TOKEN", "xoxb-t"))
                .slack()
                .orElseThrow()
                .apiUrl())
        .hasToString("https://slack.com/api");
  }

  @Test
  void halfASlackSetupIsRejectedWithoutShowingTheSecret() {
    assertThatThrownBy(
            () -> ConfigLoader.load(Map.of("SCOPIEN_SLACK_SIGNING_SECRET", "half-set-secret")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .contains("SCOPIEN_SLACK_BOT_TOKEN")
                    .doesNotContain("half-set-secret"));
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Map.of(
                        "SCOPIEN_SLACK_SIGNING_SECRET", "s",
                        "SCOPIEN_SLACK_BOT_TOKEN", "xoxb-t",
                        "SCOPIEN_SLACK_API_URL", "ftp://slack")))
        .hasMessageContaining("SCOPIEN_SLACK_API_URL");
  }

  @Test
  void theBulkThresholdDefaultsTo10000AndZeroTurnsBulkOff() {
    assertThat(ConfigLoader.load(Map.of()).syncBulkThreshold()).isEqualTo(10_000);
    assertThat(ConfigLoader.load(Map.of("SCOPIEN_SYNC_BULK_THRESHOLD", "0")).syncBulkThreshold())
        .isZero();
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("SCOPIEN_SYNC_BULK_THRESHOLD", "-5")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SCOPIEN_SYNC_BULK_THRESHOLD");
  }
}
