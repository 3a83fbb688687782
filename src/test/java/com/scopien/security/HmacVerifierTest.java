package com.scopien.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.config.Secret;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HmacVerifierTest {

  private final HmacVerifier hmac = new HmacVerifier();
  private final Secret jefe = Secret.of("Jefe");

  @Test
  void signsLikeRfc4231TestCaseTwo() {
    assertThat(hmac.sign(jefe, "what do ya want for nothing?"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void verifiesItsOwnSignatureInEitherCase() {
    String base = "v0:1531420618:token=abc&team_id=T1";
    String signature = hmac.sign(jefe, base);

    assertThat(hmac.verify(jefe, base, signature)).isTrue();
    assertThat(hmac.verify(jefe, base, signature.toUpperCase())).isTrue();
  }

  @Test
  void rejectsAChangedBodyAWrongSecretOrAChangedSignature() {
    String base = "v0:1531420618:{\"text\":\"hi\"}";
    String signature = hmac.sign(jefe, base);
    char last = signature.charAt(signature.length() - 1);
    String flipped = signature.substring(0, signature.length() - 1) + (last == '0' ? '1' : '0');

    assertThat(hmac.verify(jefe, base + " ", signature)).isFalse();
    assertThat(hmac.verify(Secret.of("Jefa"), base, signature)).isFalse();
    assertThat(hmac.verify(jefe, base, flipped)).isFalse();
  }

  @Test
  void malformedSignaturesAreFalseNotErrors() {
    String base = "body";

    assertThat(hmac.verify(jefe, base, null)).isFalse();
    assertThat(hmac.verify(jefe, base, "")).isFalse();
    assertThat(hmac.verify(jefe, base, "not hex at all")).isFalse();
    assertThat(hmac.verify(jefe, base, "abc")).isFalse();
    assertThat(hmac.verify(jefe, base, hmac.sign(jefe, base).substring(2))).isFalse();
    assertThat(hmac.verify(null, base, hmac.sign(jefe, base))).isFalse();
    assertThat(hmac.verify(Secret.of(""), base, hmac.sign(jefe, base))).isFalse();
  }

  @Test
  void base64VariantRoundTripsAndRejectsTampering() {
    byte[] key = "whsec-test-key-bytes".getBytes(StandardCharsets.UTF_8);
    String signed = "msg_1.1700000000.{\"event\":\"record.updated\"}";
    String signature = hmac.signBase64(key, signed);

    assertThat(hmac.verifyBase64(key, signed, signature)).isTrue();
    assertThat(hmac.verifyBase64(key, signed.replace("updated", "deleted"), signature)).isFalse();
    assertThat(hmac.verifyBase64(key, signed, "%%%")).isFalse();
    assertThat(hmac.verifyBase64(new byte[0], signed, signature)).isFalse();
  }
}
