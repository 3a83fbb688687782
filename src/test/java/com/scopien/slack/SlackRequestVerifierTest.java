package com.scopien.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.config.Secret;
import com.scopien.security.HmacVerifier;
import com.scopien.slack.SlackRequestVerifier.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlackRequestVerifierTest {
  private static final Secret SECRET = Secret.of("8f742231b10e8888abcd99yyyzzz85a5");
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final String BODY =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&command=%2Fscopien&text=show+deals";

  private final SlackRequestVerifier verifier =
      new SlackRequestVerifier(SECRET, new HmacVerifier(), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void slacksOwnSignatureIsAccepted() {
    String ts = seconds(NOW);

    assertThat(verifier.verify(ts, sign(ts, BODY), BODY)).isEqualTo(Verdict.OK);
    assertThat(
            verifier.verify(
                " " + ts + " ", sign(ts, BODY).toUpperCase().replace("V0=", "v0="), BODY))
        .isEqualTo(Verdict.OK);
  }

  @Test
  void theSignatureCoversTheRawUtf8Body() {
    String ts = seconds(NOW);
    String body = "{\"text\":\"Über 50k — café ☕\"}";

    assertThat(verifier.verify(ts, sign(ts, body), body)).isEqualTo(Verdict.OK);
    assertThat(verifier.verify(ts, sign(ts, body), body.replace("☕", "")))
        .isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void aTamperedBodyTimestampOrSecretIsRefused() {
    String ts = seconds(NOW);
    String other = seconds(NOW.minusSeconds(1));
    String wrongSecret =
        "v0=" + new HmacVerifier().sign(Secret.of("another-secret"), "v0:" + ts + ":" + BODY);

    assertThat(verifier.verify(ts, sign(ts, BODY), BODY + "&x=1")).isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(verifier.verify(other, sign(ts, BODY), BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(verifier.verify(ts, wrongSecret, BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(verifier.verify(ts, sign(ts, BODY).replace("v0=", "v1="), BODY))
        .isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(verifier.verify(ts, "v0=not-hex", BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void theWindowIsFiveMinutesEitherWay() {
    for (long offset : new long[] {-300, 300}) {
      String ts = seconds(NOW.plusSeconds(offset));
      assertThat(verifier.verify(ts, sign(ts, BODY), BODY))
          .as("%d s", offset)
          .isEqualTo(Verdict.OK);
    }
    for (long offset : new long[] {-301, 301, -360, 86_400}) {
      String ts = seconds(NOW.plusSeconds(offset));
      assertThat(verifier.verify(ts, sign(ts, BODY), BODY))
          .as("%d s", offset)
          .isEqualTo(Verdict.STALE_TIMESTAMP);
    }
  }

  @Test
  void missingOrMalformedHeadersAreRefused() {
    String ts = seconds(NOW);

    assertThat(verifier.verify(null, sign(ts, BODY), BODY)).isEqualTo(Verdict.MISSING_HEADERS);
    assertThat(verifier.verify(ts, null, BODY)).isEqualTo(Verdict.MISSING_HEADERS);
    assertThat(verifier.verify("12e3", sign(ts, BODY), BODY)).isEqualTo(Verdict.MISSING_HEADERS);
    assertThat(verifier.verify("-5", sign(ts, BODY), BODY)).isEqualTo(Verdict.MISSING_HEADERS);
  }

  private static String sign(String ts, String body) {
    return "v0=" + new HmacVerifier().sign(SECRET, "v0:" + ts + ":" + body);
  }

  private static String seconds(Instant instant) {
    return String.valueOf(instant.getEpochSecond());
  }
}
