package com.scopien.config;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@link ScopienConfig} from {@code SCOPIEN_*} variables. Every problem is collected and
 * reported together in one {@link ConfigException}; secret values never appear in a message.
 */
public final class ConfigLoader {
  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  private ConfigLoader(Map<String, String> env) {
    this.env = env;
  }

  /** Loads from the given variables (usually {@code System.getenv()}). */
  public static ScopienConfig load(Map<String, String> env) {
    return new ConfigLoader(env).build();
  }

  private ScopienConfig build() {
    String host = text("SCOPIEN_HOST").orElse("127.0.0.1");
    int port = integer("SCOPIEN_PORT", 7070, 0, 65535);
    Path dataDir = path("SCOPIEN_DATA_DIR", "./data");
    Optional<String> dbUrl = text("SCOPIEN_DB_URL");
    dbUrl.ifPresent(
        url -> {
          if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            problems.add("SCOPIEN_DB_URL must start with jdbc:h2: or jdbc:postgresql:");
          }
        });
    Optional<Secret> encryptionKey = secret("SCOPIEN_ENCRYPTION_KEY");
    encryptionKey.ifPresent(this::checkEncryptionKey);
    Optional<Secret> adminKey = secret("SCOPIEN_ADMIN_API_KEY");
    adminKey.ifPresent(
        k -> {
          if (k.reveal().length() < 16) {
            problems.add("SCOPIEN_ADMIN_API_KEY must be at least 16 characters long");
          }
        });
    URI openAiBase = uri("SCOPIEN_OPENAI_BASE_URL", "https://api.openai.com/v1");
    String model = text("SCOPIEN_OPENAI_MODEL").orElse("gpt-4o-mini");
    ScopienConfig.DemoMode demo = demoMode();
    double scale = decimal("SCOPIEN_DEMO_SCALE", 1.0, 0.001, 1.0);
    String version = text("SCOPIEN_SALESFORCE_API_VERSION").orElse("62.0");
    if (!version.matches("\\d{2,3}\\.0")) {
      problems.add("SCOPIEN_SALESFORCE_API_VERSION must look like 62.0, got '" + version + "'");
    }
    Optional<ScopienConfig.Slack> slack = slack();
    int freshMinutes = integer("SCOPIEN_MIRROR_FRESHNESS_MINUTES", 15, 0, 1440);
    int bulkThreshold = integer("SCOPIEN_SYNC_BULK_THRESHOLD", 10_000, 0, Integer.MAX_VALUE);
    int pushLingerMs = integer("SCOPIEN_SYNC_PUSH_LINGER_MS", 250, 0, 5_000);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new ScopienConfig(
        host,
        port,
        dataDir,
        dbUrl,
        text("SCOPIEN_DB_USER"),
        secret("SCOPIEN_DB_PASSWORD"),
        adminKey,
        encryptionKey,
        secret("SCOPIEN_OPENAI_API_KEY"),
        openAiBase,
        model,
        demo,
        scale,
        version,
        slack,
        Duration.ofMinutes(freshMinutes),
        bulkThreshold,
        Duration.ofMillis(pushLingerMs));
  }

  private Optional<ScopienConfig.Slack> slack() {
    Optional<Secret> signingSecret = secret("SCOPIEN_SLACK_SIGNING_SECRET");
    Optional<Secret> botToken = secret("SCOPIEN_SLACK_BOT_TOKEN");
    URI apiUrl = uri("SCOPIEN_SLACK_API_URL", "https://slack.com/api");
    if (signingSecret.isPresent() != botToken.isPresent()) {
      problems.add(
          "SCOPIEN_SLACK_SIGNING_SECRET and SCOPIEN_SLACK_BOT_TOKEN go together: set both to turn"
              + " Slack on, or neither");
      return Optional.empty();
    }
    if (signingSecret.isEmpty()) {
      return Optional.empty();
    }
    String base = apiUrl.toString().replaceAll("/+$", "");
    return Optional.of(
        new ScopienConfig.Slack(signingSecret.get(), botToken.get(), URI.create(base)));
  }

  private Optional<String> text(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private Optional<Secret> secret(String name) {
    return text(name).map(Secret::of);
  }

  private int integer(String name, int fallback, int min, int max) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value < min || value > max) {
        problems.add(name + " must be between " + min + " and " + max + ", got " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(name + " must be a whole number, got '" + raw.get() + "'");
      return fallback;
    }
  }

  private double decimal(String name, double fallback, double min, double max) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      double value = Double.parseDouble(raw.get());
      if (!(value >= min && value <= max)) {
        problems.add(name + " must be between " + min + " and " + max + ", got " + raw.get());
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(name + " must be a number, got '" + raw.get() + "'");
      return fallback;
    }
  }

  private Path path(String name, String fallback) {
    String raw = text(name).orElse(fallback);
    try {
      return Path.of(raw).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      problems.add(name + " is not a valid path: '" + raw + "'");
      return Path.of(fallback).toAbsolutePath();
    }
  }

  private URI uri(String name, String fallback) {
    String raw = text(name).orElse(fallback);
    try {
      URI uri = URI.create(raw);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        problems.add(name + " must be an http(s) URL, got '" + raw + "'");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      problems.add(name + " is not a valid URL: '" + raw + "'");
      return URI.create(fallback);
    }
  }

  private ScopienConfig.DemoMode demoMode() {
    String raw = text("SCOPIEN_DEMO").orElse("auto").toUpperCase(Locale.ROOT);
    try {
      return ScopienConfig.DemoMode.valueOf(raw);
    } catch (IllegalArgumentException e) {
      problems.add(
          "SCOPIEN_DEMO must be auto, on or off, got '" + raw.toLowerCase(Locale.ROOT) + "'");
      return ScopienConfig.DemoMode.AUTO;
    }
  }

  private void checkEncryptionKey(Secret key) {
    try {
      if (Base64.getDecoder().decode(key.reveal()).length != 32) {
        problems.add("SCOPIEN_ENCRYPTION_KEY must be the base64 of exactly 32 bytes");
      }
    } catch (IllegalArgumentException e) {
      problems.add("SCOPIEN_ENCRYPTION_KEY is not valid base64 (expected 32 bytes)");
    }
  }
}
