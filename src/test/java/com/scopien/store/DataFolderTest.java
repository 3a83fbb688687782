package com.scopien.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.scopien.Core;
import com.scopien.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder and the files in it are owner-only on POSIX file systems. */
class DataFolderTest {
  @TempDir Path temp;

  @BeforeEach
  void posixOnly() throws IOException {
    assumeThat(Files.getFileStore(temp).supportsFileAttributeView("posix")).isTrue();
  }

  @Test
  void aNewDataFolderAndTheDatabaseFilesInItAreOwnerOnly() throws IOException {
    Path dataDir = temp.resolve("fresh").resolve("data");

    try (Core core = Core.open(ConfigLoader.load(Map.of("SCOPIEN_DATA_DIR", dataDir.toString())))) {
      assertThat(core.users().list()).isNotEmpty();
    }

    assertThat(mode(dataDir)).isEqualTo("rwx------");
    Path database = dataDir.resolve("scopien.mv.db");
    assertThat(database).exists();
    assertThat(mode(database)).isEqualTo("rw-------");
  }

  @Test
  void anExistingFolderOpenToOthersIsTightened() throws IOException {
    Path dataDir = Files.createDirectories(temp.resolve("open"));
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path file = Files.writeString(dataDir.resolve("scopien.mv.db"), "x");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    DataFolder.secure(dataDir);

    assertThat(mode(dataDir)).isEqualTo("rwx------");
    assertThat(mode(file)).isEqualTo("rw-------");
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
