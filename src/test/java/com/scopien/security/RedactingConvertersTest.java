package com.scopien.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the converters through a real logback configuration, as {@code logback.xml} will. */
class RedactingConvertersTest {

  private static final String CONFIG =
      """
      <configuration>
        <conversionRule conversionWord="msg"
            class="com.scopien.security.RedactingMessageConverter"/>
        <conversionRule conversionWord="ex"
            class="com.scopien.security.RedactingThrowableConverter"/>
        <appender name="OUT" class="com.scopien.security.RedactingConvertersTest$RecordingAppender">
          <encoder><pattern>%level %msg%n%ex</pattern></encoder>
        </appender>
        <root level="INFO"><appender-ref ref="OUT"/></root>
      </configuration>
      """;

  /** Keeps what the configured encoder writes, as a file appender would write it. */
  public static final class RecordingAppender extends AppenderBase<ILoggingEvent> {
    private final StringBuilder written = new StringBuilder();
    private Encoder<ILoggingEvent> encoder;

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
      this.encoder = encoder;
    }

    @Override
    protected void append(ILoggingEvent event) {
      written.append(new String(encoder.encode(event), StandardCharsets.UTF_8));
    }
  }

  private final LoggerContext context = new LoggerContext();
  private RecordingAppender appender;

  @BeforeEach
  void configure() throws Exception {
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(new ByteArrayInputStream(CONFIG.getBytes(StandardCharsets.UTF_8)));
    appender = (RecordingAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("OUT");
  }

  @Test
  void everyMessageIsRedactedIncludingItsArguments() {
    Logger log = context.getLogger("test");

    log.info("calling {} with Authorization: Bearer {}", "/services/data", "00Dxx!tok.en");
    log.warn("refresh failed: {\"refresh_token\":\"5Aep861\",\"error\":\"invalid_grant\"}");

    String written = appender.written.toString();
    assertThat(written)
        .contains("INFO calling /services/data with Authorization: Bearer [REDACTED]")
        .contains("\"refresh_token\":\"[REDACTED]\"")
        .contains("invalid_grant")
        .doesNotContain("tok.en", "5Aep861");
  }

  @Test
  void exceptionMessagesAreRedactedToo() {
    Logger log = context.getLogger("test");

    log.error(
        "request failed",
        new IllegalStateException("POST body client_secret=abc123&code=x rejected"));

    String written = appender.written.toString();
    List<String> lines = written.lines().toList();
    assertThat(lines.get(0)).isEqualTo("ERROR request failed");
    assertThat(written)
        .contains("IllegalStateException: POST body client_secret=[REDACTED]&code=x rejected")
        .contains("at com.scopien.security.RedactingConvertersTest")
        .doesNotContain("abc123");
  }
}
