package com.scopien.security;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Logback's {@code %ex} (stack traces) with every secret masked, since exception messages quote
 * URLs, bodies and headers too. Register it and name it in the pattern explicitly; a pattern
 * without a throwable word gets logback's plain converter added behind it:
 *
 * <pre>{@code
 * <conversionRule conversionWord="ex"
 *     class="com.scopien.security.RedactingThrowableConverter"/>
 * <pattern>%d %-5level %logger{36} - %msg%n%ex</pattern>
 * }</pre>
 */
public class RedactingThrowableConverter extends ThrowableProxyConverter {

  private final Redactor redactor = Redactor.standard();

  @Override
  protected String throwableProxyToString(IThrowableProxy throwable) {
    return redactor.redact(super.throwableProxyToString(throwable));
  }
}
