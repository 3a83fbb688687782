package com.scopien.web;

import static com.scopien.web.FakeApiKeyAuthenticator.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every answer shares: JSON errors for routing failures, limits, and security headers. */
class HttpEdgeTest {

  private final WebServerFixture server = new WebServerFixture();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anUnknownRouteIsA404InJson() {
    server.assertError(server.get("/no/such/page", null), 404, "not_found", "/no/such/page");
  }

  @Test
  void aWrongMethodIsA405InJsonNamingTheAllowedOne() {
    HttpResponse<String> response = server.get("/api/chat", ADMIN_KEY);

    server.assertError(response, 405, "method_not_allowed", "POST");
    assertThat(response.headers().firstValue("Allow"))
        .hasValueSatisfying(v -> assertThat(v).contains("POST"));
  }

  @Test
  void aBodyOverTheLimitIsA413() {
    String big = "{\"message\":\"" + "x".repeat(WebServer.MAX_BODY_BYTES) + "\"}";

    server.assertError(server.post("/api/chat", ADMIN_KEY, big), 413, "body_too_large", "64 KB");
    assertThat(server.assistant.calls()).isEmpty();
  }

  @Test
  void aChunkedBodyOverTheLimitIsA413Too() {
    byte[] big =
        ("{\"message\":\"" + "x".repeat(WebServer.MAX_BODY_BYTES) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        server
            .request("/api/chat")
            .header("Authorization", "Bearer " + ADMIN_KEY)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
            .build();

    server.assertError(server.send(request), 413, "body_too_large", "64 KB");
    assertThat(server.assistant.calls()).isEmpty();
  }

  @Test
  void jsonAnswersCarryTheSecurityHeaders() {
    assertSecurityHeaders(server.get("/health", null));
    assertSecurityHeaders(server.get("/api/orgs", null));
    assertSecurityHeaders(server.get("/api/orgs", ADMIN_KEY));
  }

  @Test
  void aRequestJettyRefusesStillGetsTheJsonErrorShape() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.uri("/").getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);

      assertThat(response).startsWith("HTTP/1.1 400");
      assertThat(response).contains("{\"error\":{\"code\":\"bad_request\"").doesNotContain("<html");
    }
  }

  static void assertSecurityHeaders(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval", "*"));
  }
}
