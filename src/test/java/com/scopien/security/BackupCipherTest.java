package com.scopien.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import com.scopien.config.Secret;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BackupCipherTest {
  private static final byte[] PLAIN = "the store, snapshotted".getBytes(StandardCharsets.UTF_8);
  private final KeyProvider keys =
      KeyProvider.fromBase64(Secret.of(KeyProvider.generateBase64Key()));

  @Test
  void aKeySealedBackupOpensWithTheSameKeyOnlyAndHidesItsContent() {
    byte[] sealed = seal(BackupCipher.withKey(keys));
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("snapshotted");
    assertThat(BackupCipher.withKey(keys).decrypt(new ByteArrayInputStream(sealed)))
        .isEqualTo(PLAIN);

    KeyProvider other = KeyProvider.fromBase64(Secret.of(KeyProvider.generateBase64Key()));
    assertRefused(BackupCipher.withKey(other), sealed, "backup_wrong_key", keys.currentKeyId());
    assertRefused(
        BackupCipher.withPassphrase("a long passphrase"),
        sealed,
        "backup_wrong_key",
        "not a passphrase");
  }

  @Test
  void aPassphraseBackupRefusesAWrongPassphraseAndAnyChangedByte() {
    byte[] sealed = seal(BackupCipher.withPassphrase("a long passphrase"));
    assertThat(
            BackupCipher.withPassphrase("a long passphrase")
                .decrypt(new ByteArrayInputStream(sealed)))
        .isEqualTo(PLAIN);
    assertRefused(
        BackupCipher.withPassphrase("another passphrase"), sealed, "backup_damaged", "wrong");
    for (int at : new int[] {20, sealed.length - 1}) { // the salt (header) and the tag
      byte[] changed = sealed.clone();
      changed[at] ^= 1;
      assertRefused(
          BackupCipher.withPassphrase("a long passphrase"), changed, "backup_damaged", "nothing");
    }
    assertRefused(
        BackupCipher.withKey(keys),
        "not a backup".getBytes(StandardCharsets.UTF_8),
        "not_a_backup",
        "not a Scopien backup");
    assertThatThrownBy(() -> BackupCipher.withPassphrase("short"))
        .isInstanceOfSatisfying(
            ScopienException.class, e -> assertThat(e.code()).isEqualTo("weak_passphrase"));
  }

  private static byte[] seal(BackupCipher cipher) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    cipher.encrypt(PLAIN, out);
    return out.toByteArray();
  }

  private static void assertRefused(BackupCipher cipher, byte[] sealed, String code, String says) {
    assertThatThrownBy(() -> cipher.decrypt(new ByteArrayInputStream(sealed)))
        .isInstanceOfSatisfying(
            ScopienException.class,
            e -> {
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.getMessage()).contains(says);
            });
  }
}
