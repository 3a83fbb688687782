package com.scopien.slack;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door of every {@code /slack} route: reads the raw body once, as UTF-8 bytes, and lets the
 * request through only when {@link SlackRequestVerifier} accepts it. A refused request gets 401
 * before anything is parsed, queued or stored.
 */
final class SlackGate {
  private static final Logger LOG = LoggerFactory.getLogger(SlackGate.class);

  private final SlackRequestVerifier verifier;

  SlackGate(SlackRequestVerifier verifier) {
    this.verifier = verifier;
  }

  /** The verified raw body, or null when the request was refused (the answer is then set). */
  String verifiedBody(Context ctx) {
    // Bytes, not ctx.body() or form parameters: the signature covers exactly what was sent.
    String body = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
    SlackRequestVerifier.Verdict verdict =
        verifier.verify(
            ctx.header(SlackRequestVerifier.TIMESTAMP_HEADER),
            ctx.header(SlackRequestVerifier.SIGNATURE_HEADER),
            body);
    if (verdict == SlackRequestVerifier.Verdict.OK) {
      return body;
    }
    LOG.warn("Refused {} {}: {}", ctx.method(), ctx.path(), verdict);
    String message =
        verdict == SlackRequestVerifier.Verdict.STALE_TIMESTAMP
            ? "The request's timestamp is more than 5 minutes away from now."
            : "The request's Slack signature could not be verified.";
    reject(ctx, 401, "invalid_slack_signature", message);
    return null;
  }

  static void reject(Context ctx, int status, String code, String message) {
    ctx.status(status).json(Map.of("error", Map.of("code", code, "message", message)));
  }

  /** An {@code application/x-www-form-urlencoded} body, decoded as UTF-8; later keys win. */
  static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        fields.put(
            URLDecoder.decode(key, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException malformed) {
        // A broken escape in one field leaves that field out; the handler reports what is missing.
      }
    }
    return fields;
  }
}
