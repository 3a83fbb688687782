package com.scopien.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import com.scopien.config.Secret;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

  private final KeyProvider keys =
      KeyProvider.fromBase64(Secret.of(KeyProvider.generateBase64Key()));
  private final TokenCipher cipher = new TokenCipher(keys);

  @Test
  void roundTripsUnicodeUnderTheSameAssociatedData() {
    String token = "00Dxx0000001gPL!AQ4AQ.refresh-token-é-ü";

    String encrypted = cipher.encrypt(token, "org-1");

    assertThat(encrypted).startsWith("v1:" + keys.currentKeyId() + ":").doesNotContain("AQ4AQ");
    assertThat(cipher.decrypt(encrypted, "org-1")).isEqualTo(token);
    assertThat(cipher.decrypt(cipher.encrypt("", ""), "")).isEmpty();
  }

  @Test
  void samePlaintextEncryptsDifferentlyEachTime() {
    String a = cipher.encrypt("secret", "org-1");
    String b = cipher.encrypt("secret", "org-1");

    assertThat(a).isNotEqualTo(b);
    byte[] nonceA = java.util.Arrays.copyOf(payload(a), 12);
    byte[] nonceB = java.util.Arrays.copyOf(payload(b), 12);
    assertThat(nonceA).isNotEqualTo(nonceB);
  }

  @Test
  void everyFlippedPayloadByteIsDetected() {
    String encrypted = cipher.encrypt("access-token", "org-1");
    String header = encrypted.substring(0, encrypted.lastIndexOf(':') + 1);
    byte[] payload = payload(encrypted);

    for (int i = 0; i < payload.length; i++) {
      byte[] tampered = payload.clone();
      tampered[i] ^= 0x01;
      String altered = header + Base64.getEncoder().encodeToString(tampered);
      assertThatThrownBy(() -> cipher.decrypt(altered, "org-1"))
          .as("flipped byte %d", i)
          .isInstanceOfSatisfying(
              ScopienException.class, e -> assertThat(e.code()).isEqualTo("decryption_failed"));
    }
  }

  @Test
  void everyChangedCharacterOfTheTextFailsWithAClearError() {
    String encrypted = cipher.encrypt("access-token", "org-1");

    for (int i = 0; i < encrypted.length(); i++) {
      char c = encrypted.charAt(i);
      String altered =
          encrypted.substring(0, i) + (char) (c == 'A' ? 'B' : 'A') + encrypted.substring(i + 1);
      if (altered.equals(encrypted)) {
        continue;
      }
      assertThatThrownBy(() -> cipher.decrypt(altered, "org-1"))
          .as("changed character %d", i)
          .isInstanceOf(ScopienException.class)
          .hasMessageNotContaining("access-token");
    }
  }

  @Test
  void wrongAssociatedDataFails() {
    String encrypted = cipher.encrypt("access-token", "org-1");

    assertThatThrownBy(() -> cipher.decrypt(encrypted, "org-2"))
        .isInstanceOfSatisfying(
            ScopienException.class,
            e -> {
              assertThat(e.code()).isEqualTo("decryption_failed");
              assertThat(e.kind()).isEqualTo(ScopienException.Kind.INTERNAL);
            });
  }

  @Test
  void malformedInputIsReportedAsSuch() {
    for (String bad : new String[] {"", "plain", "v2:abcd:AAAA", "v1:" + keys.currentKeyId()}) {
      assertThatThrownBy(() -> cipher.decrypt(bad, "org-1"))
          .isInstanceOfSatisfying(
              ScopienException.class, e -> assertThat(e.code()).isEqualTo("malformed_ciphertext"));
    }
    assertThatThrownBy(() -> cipher.decrypt("v1:" + keys.currentKeyId() + ":AAAA", "org-1"))
        .isInstanceOfSatisfying(
            ScopienException.class, e -> assertThat(e.code()).isEqualTo("malformed_ciphertext"));
  }

  @Test
  void anotherKeyCannotDecryptAndSaysWhichKeyIsMissing() {
    String encrypted = cipher.encrypt("access-token", "org-1");
    TokenCipher other =
        new TokenCipher(KeyProvider.fromBase64(Secret.of(KeyProvider.generateBase64Key())));

    assertThatThrownBy(() -> other.decrypt(encrypted, "org-1"))
        .isInstanceOfSatisfying(
            ScopienException.class,
            e -> {
              assertThat(e.code()).isEqualTo("unknown_encryption_key");
              assertThat(e.getMessage()).contains(keys.currentKeyId());
            });
  }

  @Test
  void rotationReEncryptsUnderTheNewKeyWhileTheOldOneStillDecrypts() {
    String old = cipher.encrypt("refresh-token", "org-9");
    KeyProvider newKeys =
        KeyProvider.fromBase64(Secret.of(KeyProvider.generateBase64Key())).withRetired(keys);
    TokenCipher rotating = new TokenCipher(newKeys);

    assertThat(rotating.isCurrent(old)).isFalse();
    assertThat(rotating.decrypt(old, "org-9")).isEqualTo("refresh-token");

    String rotated = rotating.rotate(old, "org-9");

    assertThat(rotating.isCurrent(rotated)).isTrue();
    assertThat(rotated).startsWith("v1:" + newKeys.currentKeyId() + ":");
    assertThat(newKeys.currentKeyId()).isNotEqualTo(keys.currentKeyId());
    TokenCipher newOnly = new TokenCipher(KeyProvider.fromBase64(Secret.of(base64Of(newKeys))));
    assertThat(newOnly.decrypt(rotated, "org-9")).isEqualTo("refresh-token");
    assertThatThrownBy(() -> rotating.rotate(old, "org-other"))
        .isInstanceOf(ScopienException.class);
  }

  private static String base64Of(KeyProvider provider) {
    return Base64.getEncoder().encodeToString(provider.current().secretKey().getEncoded());
  }

  private static byte[] payload(String encrypted) {
    return Base64.getDecoder().decode(encrypted.substring(encrypted.lastIndexOf(':') + 1));
  }
}
