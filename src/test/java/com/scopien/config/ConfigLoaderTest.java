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
}
