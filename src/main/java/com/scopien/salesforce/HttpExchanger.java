package com.scopien.salesforce;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP round trip of a REST call with a given session: adds the bearer token and Salesforce's
 * headers, reads {@code Sforce-Limit-Info}, and turns a non-2xx reply into a {@link
 * SalesforceException}. Logs method, path (never the query string or any header), status and
 * duration at debug.
 */
final class HttpExchanger {
  private static final Logger log = LoggerFactory.getLogger(HttpExchanger.class);

  private final HttpClient http;
  private final ClientOptions options;
  private final ApiUsageTracker usage;
  private final SalesforceErrors errors;

  HttpExchanger(
      HttpClient http, ClientOptions options, ApiUsageTracker usage, SalesforceErrors errors) {
    this.http = http;
    this.options = options;
    this.usage = usage;
    this.errors = errors;
  }

  ApiResponse exchange(ApiRequest request, Session session) {
    String query = request.rawQuery() == null ? "" : "?" + request.rawQuery();
    URI uri = URI.create(session.instanceUrl() + request.path() + query);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(options.requestTimeout())
            .header("Authorization", "Bearer " + session.accessToken().reveal())
            .header("Accept", "application/json");
    request.headers().forEach(builder::header);
    if (request.write()) {
      builder.header("Sforce-Call-Options", "client=" + options.callOptionsClient());
    }
    if (request.jsonBody() != null) {
      builder
          .header("Content-Type", "application/json; charset=UTF-8")
          .method(
              request.method(),
              HttpRequest.BodyPublishers.ofString(request.jsonBody(), StandardCharsets.UTF_8));
    } else {
      builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
    }

    long start = System.nanoTime();
    HttpResponse<String> response;
    try {
      response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      log.debug(
          "{} {} failed after {} ms: {}",
          request.method(),
          request.path(),
          millisSince(start),
          e.getClass().getSimpleName());
      throw SalesforceErrors.unreachable("Salesforce at", uri.getHost(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SalesforceErrors.interrupted();
    }
    int status = response.statusCode();
    log.debug("{} {} -> {} in {} ms", request.method(), request.path(), status, millisSince(start));
    usage.record(response.headers().firstValue("Sforce-Limit-Info"));
    if (status >= 200 && status < 300) {
      return new ApiResponse(status, response.body() == null ? "" : response.body());
    }
    throw errors.fromResponse(status, response.body());
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
