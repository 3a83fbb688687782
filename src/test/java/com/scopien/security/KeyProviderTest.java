package com.scopien.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import com.scopien.config.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyProviderTest {

  @TempDir Path dataDir;

  @Test
  void createsAnOwnerOnlyKeyFileWhenAbsentAndReusesIt() throws Exception {
    KeyProvider first = KeyProvider.fromKeyFile(dataDir);
    Path file = dataDir.resolve("keys/token.key");

    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);

    KeyProvider again = KeyProvider.fromKeyFile(dataDir);
    assertThat(again.currentKeyId()).isEqualTo(first.currentKeyId());
    String encrypted = new TokenCipher(first).encrypt("token", "org");
    assertThat(new TokenCipher(again).decrypt(encrypted, "org")).isEqualTo("token");
  }

  @Test
  void tightensAKeyFileThatOthersCanRead() throws Exception {
    KeyProvider.fromKeyFile(dataDir);
    Path file = KeyProvider.keyFile(dataDir);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    KeyProvider.fromKeyFile(dataDir);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void configuredKeyWinsOverTheFileAndNoFileIsMade() {
    String base64 = KeyProvider.generateBase64Key();

    KeyProvider provider = KeyProvider.resolve(Optional.of(Secret.of(base64)), dataDir);

    assertThat(provider.currentKeyId())
        .isEqualTo(KeyProvider.fromBase64(Secret.of(base64)).currentKeyId());
    assertThat(KeyProvider.keyFile(dataDir)).doesNotExist();
    assertThat(KeyProvider.resolve(Optional.empty(), dataDir).currentKeyId())
        .isNotEqualTo(provider.currentKeyId());
  }

  @Test
  void rejectsAKeyThatIsNotBase64OfThirtyTwoBytes() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

    for (String bad : new String[] {"not base64 !!", shortKey}) {
      assertThatThrownBy(() -> KeyProvider.fromBase64(Secret.of(bad)))
          .isInstanceOfSatisfying(
              ScopienException.class,
              e -> {
                assertThat(e.code()).isEqualTo("bad_encryption_key");
                assertThat(e.getMessage()).doesNotContain(bad);
              });
    }
  }

  @Test
  void aCorruptKeyFileIsAClearError() throws Exception {
    Path file = KeyProvider.keyFile(dataDir);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "garbage");

    assertThatThrownBy(() -> KeyProvider.fromKeyFile(dataDir))
        .isInstanceOfSatisfying(
            ScopienException.class,
            e -> {
              assertThat(e.code()).isEqualTo("bad_encryption_key");
              assertThat(e.getMessage()).contains(file.toString());
            });
  }
}
