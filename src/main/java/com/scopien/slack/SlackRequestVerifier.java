package com.scopien.slack;

import com.scopien.config.Secret;
import com.scopien.security.HmacVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks that a request comes from Slack: {@code X-Slack-Signature} must be {@code v0=} and the
 * HMAC-SHA256 of {@code v0:{X-Slack-Request-Timestamp}:{raw body}} under the signing secret
 * (compared in constant time by {@link HmacVerifier}), and the timestamp must lie within five
 * minutes of now, before or after, so a captured request cannot be replayed later. Stateless and
 * thread-safe.
 */
final class SlackRequestVerifier {
  static final Duration WINDOW = Duration.ofMinutes(5);
  static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
  static final String SIGNATURE_HEADER = "X-Slack-Signature";

  /** Why a request was or was not accepted; only {@link #OK} lets it through. */
  enum Verdict {
    OK,
    MISSING_HEADERS,
    STALE_TIMESTAMP,
    BAD_SIGNATURE
  }

  private final Secret signingSecret;
  private final HmacVerifier hmac;
  private final Clock clock;

  SlackRequestVerifier(Secret signingSecret, HmacVerifier hmac, Clock clock) {
    this.signingSecret = signingSecret;
    this.hmac = hmac;
    this.clock = clock;
  }

  /**
   * @param rawBody the body exactly as received, decoded as UTF-8
   */
  Verdict verify(String timestamp, String signature, String rawBody) {
    if (timestamp == null || signature == null || rawBody == null) {
      return Verdict.MISSING_HEADERS;
    }
    String ts = timestamp.trim();
    if (!ts.matches("\\d{1,12}")) {
      return Verdict.MISSING_HEADERS;
    }
    Instant sent = Instant.ofEpochSecond(Long.parseLong(ts));
    Duration age = Duration.between(sent, clock.instant()).abs();
    if (age.compareTo(WINDOW) > 0) {
      return Verdict.STALE_TIMESTAMP;
    }
    String sig = signature.trim();
    if (!sig.startsWith("v0=")) {
      return Verdict.BAD_SIGNATURE;
    }
    boolean valid = hmac.verify(signingSecret, "v0:" + ts + ":" + rawBody, sig.substring(3));
    return valid ? Verdict.OK : Verdict.BAD_SIGNATURE;
  }
}
