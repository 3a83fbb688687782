package com.scopien.store;

import com.scopien.ScopienException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data folder holds the embedded database (CRM records and chat transcripts) and the key files:
 * on a POSIX file system it is made owner-only (0700) and the files directly in it owner-only
 * (0600), so other accounts on the machine can read none of it. A folder or file that was more open
 * is tightened, with a log line saying so. Elsewhere (Windows) nothing is changed.
 */
public final class DataFolder {
  private static final Logger log = LoggerFactory.getLogger(DataFolder.class);
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> GROUP_OR_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private DataFolder() {}

  /**
   * Creates {@code dataDir} owner-only when it is missing, and takes group and other permissions
   * away from it and from the files directly in it.
   *
   * @throws ScopienException {@code INVALID_INPUT/data_dir_unusable} when the folder cannot be made
   *     or changed (not ours, not a folder)
   */
  public static void secure(Path dataDir) {
    try {
      Path folder = dataDir.toAbsolutePath().normalize();
      if (!Files.exists(folder)) {
        Path parent = existingAncestor(folder);
        if (posix(parent)) {
          Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
          Files.setPosixFilePermissions(folder, OWNER_ONLY_DIR); // whatever the umask did
        } else {
          Files.createDirectories(folder);
        }
      }
      if (!Files.isDirectory(folder)) {
        throw unusable(folder, "it is not a folder");
      }
      if (!posix(folder)) {
        return;
      }
      ownerOnly(folder);
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          ownerOnly(file);
        }
      }
    } catch (IOException e) {
      throw unusable(dataDir, e.getMessage());
    }
  }

  private static void ownerOnly(Path path) throws IOException {
    Set<PosixFilePermission> now = Files.getPosixFilePermissions(path);
    Set<PosixFilePermission> tight = EnumSet.noneOf(PosixFilePermission.class);
    tight.addAll(now);
    tight.removeAll(GROUP_OR_OTHERS);
    if (!tight.equals(now)) {
      log.warn(
          "{} was open to other accounts ({}); making it owner-only ({})",
          path,
          PosixFilePermissions.toString(now),
          PosixFilePermissions.toString(tight));
      Files.setPosixFilePermissions(path, tight);
    }
  }

  private static boolean posix(Path path) throws IOException {
    return Files.getFileStore(path).supportsFileAttributeView("posix");
  }

  private static Path existingAncestor(Path path) {
    Path p = path;
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    return p == null ? Path.of(".").toAbsolutePath() : p;
  }

  private static ScopienException unusable(Path folder, String why) {
    return ScopienException.invalid(
        "data_dir_unusable",
        "The data folder "
            + folder
            + " cannot be used ("
            + why
            + "); set SCOPIEN_DATA_DIR to a folder this account owns.");
  }
}
