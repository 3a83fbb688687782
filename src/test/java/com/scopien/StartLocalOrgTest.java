package com.scopien;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What {@code scopien local-org} starts: a lone org, with the faults its flags ask for. */
class StartLocalOrgTest {

  @Test
  void faultFlagsReachTheOrg() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (AutoCloseable org =
        App.startLocalOrg(
            new App.LocalOrgRequest(
                0, true, 0.01, 42, List.of(), List.of("limit:1.0:paths=/limits$"), 7),
            new PrintStream(printed, true, StandardCharsets.UTF_8))) {
      String summary = printed.toString(StandardCharsets.UTF_8);
      assertThat(summary).contains("Injected faults:     limit:1.0:paths=/limits$ (seed 7)");
      Matcher url = Pattern.compile("Base URL \\(login and instance\\): (\\S+)").matcher(summary);
      assertThat(url.find()).isTrue();
      HttpClient http = HttpClient.newHttpClient();
      String token =
          http.send(
                  HttpRequest.newBuilder(URI.create(url.group(1) + "/services/oauth2/token"))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "grant_type=client_credentials&client_id=scopien-local"
                                  + "&client_secret=scopien-local-secret"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body()
              .replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
      HttpResponse<String> limits =
          http.send(
              HttpRequest.newBuilder(URI.create(url.group(1) + "/services/data/v62.0/limits"))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(limits.statusCode()).isEqualTo(403);
      assertThat(limits.body()).contains("REQUEST_LIMIT_EXCEEDED");
    }
  }

  @Test
  void aBadFaultSpecIsAClearError() {
    assertThatThrownBy(
            () ->
                App.startLocalOrg(
                    new App.LocalOrgRequest(0, true, 0.01, 42, List.of(), List.of("meteor:0.5"), 1),
                    System.out))
        .isInstanceOfSatisfying(
            ScopienException.class,
            e -> {
              assertThat(e.code()).isEqualTo("invalid_fault");
              assertThat(e.getMessage()).contains("unknown fault kind 'meteor'");
            });
  }
}
