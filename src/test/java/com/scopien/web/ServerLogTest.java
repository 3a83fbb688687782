package com.scopien.web;

import static com.scopien.web.FakeApiKeyAuthenticator.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The server logs what an operator needs to find a defect, and never a key. */
class ServerLogTest {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private WebServerFixture server;

  @BeforeEach
  void start() {
    logs.start();
    root.addAppender(logs);
    server = new WebServerFixture();
  }

  @AfterEach
  void stop() {
    server.close();
    root.detachAppender(logs);
  }

  @Test
  void anUnexpectedFailureIsLoggedWithItsDetailOnTheServerOnly() {
    server.assistant.failWith(new IllegalStateException("disk full on /var/data"));

    server.post("/api/chat", ADMIN_KEY, "{\"message\":\"hi\"}");

    assertThat(logText())
        .contains("POST /api/chat", "IllegalStateException", "disk full on /var/data");
  }

  @Test
  void noKeyGoodOrBadEverReachesTheLog() {
    server.assistant.failWith(new IllegalStateException("boom"));
    server.post("/api/chat", ADMIN_KEY, "{\"message\":\"hi\"}");
    server.get("/api/orgs", "sk-wrong-key-in-a-log-would-leak");
    server.get("/api/no-such-route", ADMIN_KEY);

    assertThat(logs.list).isNotEmpty();
    assertThat(logText()).doesNotContain(ADMIN_KEY, "sk-wrong-key-in-a-log-would-leak", "Bearer ");
  }

  private String logText() {
    return logs.list.stream()
        .map(
            e ->
                e.getFormattedMessage()
                    + (e.getThrowableProxy() == null
                        ? ""
                        : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
        .collect(Collectors.joining("\n"));
  }
}
