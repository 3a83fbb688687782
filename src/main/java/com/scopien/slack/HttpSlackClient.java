package com.scopien.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.ScopienException;
import com.scopien.config.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SlackClient} over the JDK's HTTP client: JSON bodies in UTF-8, the bot token as a Bearer
 * header (never logged), and a bounded wait when Slack rate-limits (HTTP 429 with {@code
 * Retry-After}), the one answer Slack guarantees was not acted on.
 *
 * <p>{@code response_url}s come inside signed requests, but are still only followed to Slack's own
 * hooks host ({@code https://hooks.slack.com/}) or to the configured Web API's origin (a fake Slack
 * server in tests), so a leaked signing secret alone cannot turn Scopien into a proxy.
 */
final class HttpSlackClient implements SlackClient {
  static final String SLACK_HOOKS = "https://hooks.slack.com/";
  private static final Logger LOG = LoggerFactory.getLogger(HttpSlackClient.class);
  private static final String AUTHORIZATION = "Authorization";
  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final int MAX_ATTEMPTS = 3;
  private static final long MAX_WAIT_MILLIS = 5_000;

  private final HttpClient http;
  private final URI apiUrl;
  private final Secret botToken;
  private final ObjectMapper json = new ObjectMapper();

  HttpSlackClient(HttpClient http, URI apiUrl, Secret botToken) {
    this.http = http;
    this.apiUrl = apiUrl;
    this.botToken = botToken;
  }

  @Override
  public String postMessage(String channel, String threadTs, SlackMessage message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channel", channel);
    if (threadTs != null) {
      body.put("thread_ts", threadTs);
    }
    body.put("text", message.text());
    body.put("blocks", message.blocks());
    body.put("unfurl_links", false);
    body.put("unfurl_media", false);
    JsonNode answer =
        call(
            "chat.postMessage",
            jsonPost(method("chat.postMessage"), body).header(AUTHORIZATION, bearer()));
    return answer.path("ts").asText(null);
  }

  @Override
  public void update(String channel, String ts, SlackMessage message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channel", channel);
    body.put("ts", ts);
    body.put("text", message.text());
    body.put("blocks", message.blocks());
    call("chat.update", jsonPost(method("chat.update"), body).header(AUTHORIZATION, bearer()));
  }

  @Override
  public Optional<String> emailOf(String slackUserId) {
    return userInfo(slackUserId)
        .map(user -> user.path("profile").path("email").asText(""))
        .filter(email -> !email.isBlank());
  }

  @Override
  public Optional<java.time.ZoneId> timeZoneOf(String slackUserId) {
    Optional<String> tz =
        userInfo(slackUserId).map(user -> user.path("tz").asText("")).filter(t -> !t.isBlank());
    try {
      return tz.map(java.time.ZoneId::of);
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The {@code user} of {@code users.info}; empty for an unknown user, a bot or a deleted one. */
  private Optional<JsonNode> userInfo(String slackUserId) {
    URI uri =
        URI.create(
            method("users.info")
                + "?user="
                + URLEncoder.encode(slackUserId, StandardCharsets.UTF_8));
    JsonNode answer;
    try {
      answer =
          call("users.info", HttpRequest.newBuilder(uri).GET().header(AUTHORIZATION, bearer()));
    } catch (ScopienException e) {
      if ("slack_error".equals(e.code())) {
        // user_not_found, missing_scope ...: no email means "not matched", which is safe.
        LOG.warn("Slack users.info for {} failed: {}", slackUserId, e.getMessage());
        return Optional.empty();
      }
      throw e;
    }
    JsonNode user = answer.path("user");
    if (user.path("is_bot").asBoolean(false) || user.path("deleted").asBoolean(false)) {
      return Optional.empty();
    }
    return Optional.of(user);
  }

  @Override
  public BotIdentity whoAmI() {
    JsonNode answer =
        call(
            "auth.test",
            HttpRequest.newBuilder(method("auth.test"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header(AUTHORIZATION, bearer()));
    return new BotIdentity(
        answer.path("user_id").asText(null),
        answer.path("bot_id").asText(null),
        answer.path("team_id").asText(null));
  }

  @Override
  public void respond(URI responseUrl, SlackMessage message, boolean replaceOriginal) {
    if (!followable(responseUrl)) {
      throw ScopienException.invalid(
          "untrusted_response_url", "The response_url does not point at Slack.");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("response_type", "ephemeral");
    body.put("replace_original", replaceOriginal);
    body.put("text", message.text());
    body.put("blocks", message.blocks());
    // A response_url carries its own authority; the bot token is not sent there.
    HttpResponse<String> response = send("response_url", jsonPost(responseUrl, body));
    if (response.statusCode() / 100 != 2) {
      throw new ScopienException(
          ScopienException.Kind.UPSTREAM,
          "slack_error",
          "Slack refused the response (HTTP " + response.statusCode() + ").");
    }
  }

  boolean followable(URI url) {
    if (url == null || url.getScheme() == null || url.getHost() == null) {
      return false;
    }
    if (url.toString().startsWith(SLACK_HOOKS)) {
      return true;
    }
    return url.getScheme().equalsIgnoreCase(apiUrl.getScheme())
        && url.getHost().equalsIgnoreCase(apiUrl.getHost())
        && url.getPort() == apiUrl.getPort();
  }

  private JsonNode call(String name, HttpRequest.Builder request) {
    HttpResponse<String> response = send(name, request);
    if (response.statusCode() / 100 != 2) {
      throw new ScopienException(
          ScopienException.Kind.UPSTREAM,
          "slack_error",
          "Slack " + name + " answered HTTP " + response.statusCode() + ".");
    }
    JsonNode answer;
    try {
      answer = json.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new ScopienException(
          ScopienException.Kind.UPSTREAM, "slack_error", "Slack " + name + " did not answer JSON.");
    }
    if (!answer.path("ok").asBoolean(false)) {
      String error = answer.path("error").asText("unknown_error").replaceAll("[^a-z_]", "");
      throw new ScopienException(
          ScopienException.Kind.UPSTREAM, "slack_error", "Slack " + name + " failed: " + error);
    }
    return answer;
  }

  private HttpResponse<String> send(String name, HttpRequest.Builder request) {
    HttpRequest built = request.timeout(TIMEOUT).build();
    try {
      for (int attempt = 1; ; attempt++) {
        HttpResponse<String> response =
            http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 429 || attempt == MAX_ATTEMPTS) {
          return response;
        }
        long wait = retryAfterMillis(response);
        LOG.info("Slack rate-limited {}; retrying in {} ms", name, wait);
        Thread.sleep(wait);
      }
    } catch (IOException e) {
      throw new ScopienException(
          ScopienException.Kind.RETRIABLE,
          "slack_unreachable",
          "Slack could not be reached for " + name + ".",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ScopienException(
          ScopienException.Kind.RETRIABLE, "slack_unreachable", "Interrupted calling Slack.", e);
    }
  }

  private static long retryAfterMillis(HttpResponse<?> response) {
    try {
      long seconds = Long.parseLong(response.headers().firstValue("Retry-After").orElse("1"));
      return Math.min(Math.max(seconds, 0) * 1000, MAX_WAIT_MILLIS);
    } catch (NumberFormatException e) {
      return 1000;
    }
  }

  private HttpRequest.Builder jsonPost(URI uri, Map<String, Object> body) {
    String text;
    try {
      text = json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A Slack message could not be written as JSON", e);
    }
    return HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
  }

  private URI method(String name) {
    return URI.create(apiUrl + "/" + name);
  }

  private String bearer() {
    return "Bearer " + botToken.reveal();
  }
}
