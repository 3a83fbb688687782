package com.scopien.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.scopien.ScopienException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scopien chat "..."}: one request to a running server through {@code POST /api/chat}, its
 * reply printed with the org it came from. Exit code 0 on an answer, 1 when the server refuses
 * (wrong key, bad request) or cannot be reached, with one clear line on stderr.
 */
@Command(name = "chat", description = "Send one chat message to a running Scopien server.")
final class ChatCommand implements Callable<Integer>, EnvFactory.NeedsEnvironment {
  private static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MESSAGE", description = "What to ask.")
  String message;

  @Option(
      names = "--url",
      description = "Server URL (default: SCOPIEN_URL or http://127.0.0.1:7070).")
  String url;

  @Option(names = "--key", description = "API key (default: SCOPIEN_API_KEY).")
  String key;

  @Option(names = "--conversation", description = "Continue this conversation.")
  String conversationId;

  private Map<String, String> env = Map.of();

  @Override
  public void environment(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    String base = url != null ? url : env.getOrDefault("SCOPIEN_URL", "http://127.0.0.1:7070");
    String apiKey = key != null ? key : env.get("SCOPIEN_API_KEY");
    if (apiKey == null || apiKey.isBlank()) {
      throw ScopienException.invalid(
          "missing_key", "Give an API key with --key or SCOPIEN_API_KEY.");
    }
    ObjectNode body = JSON.createObjectNode().put("message", message);
    if (conversationId != null) {
      body.put("conversationId", conversationId);
    }
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + "/api/chat"))
              .timeout(Duration.ofSeconds(120))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + apiKey)
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
              .build();
    } catch (IllegalArgumentException e) {
      throw ScopienException.invalid("invalid_url", "Not a server URL: " + base);
    }
    HttpResponse<String> response;
    try {
      response =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .build()
              .send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ScopienException(
          ScopienException.Kind.RETRIABLE,
          "server_unreachable",
          "Cannot reach Scopien at " + base + " (is `scopien serve` running?)");
    }
    JsonNode json = parse(response.body());
    if (response.statusCode() != 200) {
      String reason = json.path("error").path("message").asText("");
      spec.commandLine()
          .getErr()
          .println(
              "error: "
                  + (reason.isBlank()
                      ? "the server answered HTTP " + response.statusCode()
                      : reason));
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(json.path("reply").asText());
    JsonNode org = json.path("org");
    out.printf(
        "%n[org: %s (%s) · conversation: %s]%n",
        org.path("name").asText(),
        org.path("environment").asText(),
        json.path("conversationId").asText());
    out.flush();
    return 0;
  }

  /** The body as JSON; anything else (a proxy's HTML page) as a bare text node. */
  private static JsonNode parse(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node == null ? TextNode.valueOf("") : node;
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(body);
    }
  }
}
