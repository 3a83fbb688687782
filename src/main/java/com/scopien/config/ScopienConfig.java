package com.scopien.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Scopien's validated configuration. Built once at start-up by {@link ConfigLoader}; everything
 * else receives what it needs from here through constructors.
 *
 * @param syncBulkThreshold a full sync reads objects above this many records with the Bulk API; 0
 *     means never
 * @param syncPushLinger how long a sync run waits for more Scopien changes while they keep arriving
 */
public record ScopienConfig(
    String host,
    int port,
    Path dataDir,
    Optional<String> dbUrl,
    Optional<String> dbUser,
    Optional<Secret> dbPassword,
    Optional<Secret> adminApiKey,
    Optional<Secret> encryptionKey,
    Optional<Secret> openAiApiKey,
    URI openAiBaseUrl,
    String openAiModel,
    DemoMode demo,
    double demoScale,
    String salesforceApiVersion,
    Optional<Slack> slack,
    Duration mirrorFreshness,
    long syncBulkThreshold,
    Duration syncPushLinger) {

  /**
   * The Slack app's settings; present only when both the signing secret and the bot token are set.
   *
   * @param apiUrl the Web API base, such as {@code https://slack.com/api}, without a trailing slash
   */
  public record Slack(Secret signingSecret, Secret botToken, URI apiUrl) {}

  /** When to start the built-in local orgs. */
  public enum DemoMode {
    AUTO,
    ON,
    OFF
  }

  /** True when an OpenAI-compatible model is configured; otherwise the offline model answers. */
  public boolean usesOpenAi() {
    return openAiApiKey.isPresent();
  }
}
