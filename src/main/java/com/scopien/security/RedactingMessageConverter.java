package com.scopien.security;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %msg} with every secret masked by {@link Redactor#standard()}. Register it in
 * {@code logback.xml} so that it replaces the built-in converter for every line:
 *
 * <pre>{@code
 * <conversionRule conversionWord="msg"
 *     class="com.scopien.security.RedactingMessageConverter"/>
 * }</pre>
 */
public class RedactingMessageConverter extends MessageConverter {

  private final Redactor redactor = Redactor.standard();

  @Override
  public String convert(ILoggingEvent event) {
    return redactor.redact(super.convert(event));
  }
}
