package com.scopien.store;

import com.scopien.ScopienException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A consistent snapshot of the embedded H2 store, taken while it serves (H2's {@code BACKUP TO},
 * which copies the database file under its own lock), and its way back into a stopped data folder.
 * The snapshot is a zip holding {@code scopien.mv.db}; {@link com.scopien.security.BackupCipher}
 * seals it. PostgreSQL is backed up with its own tools ({@code pg_dump}).
 */
public final class StoreBackup {
  /** The database file of a data folder (see {@link Database#h2FileUrl}). */
  public static final String FILE = "scopien.mv.db";

  private StoreBackup() {}

  /** The snapshot of {@code database} as zip bytes. */
  public static byte[] snapshot(Database database) {
    if (database.vendor() != Database.Vendor.H2) {
      throw ScopienException.invalid(
          "backup_not_h2",
          "Scopien backs up its embedded H2 store only; back up PostgreSQL with pg_dump or your"
              + " provider's snapshots.");
    }
    try {
      Path dir = Files.createTempDirectory("scopien-backup");
      Path zip = dir.resolve("snapshot.zip");
      try {
        database.jdbc().update("BACKUP TO '" + zip.toString().replace("'", "''") + "'");
        return Files.readAllBytes(zip);
      } finally {
        Files.deleteIfExists(zip);
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * True when a running Scopien (this process or another) holds the store of {@code dataDir}. For
   * the command line, which runs in its own process: on POSIX, closing the probe's channel drops
   * every lock this process holds on the file, so a server must not probe its own store.
   */
  public static boolean inUse(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    if (!Files.exists(file)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      return true; // cannot tell: do not write under it
    }
  }

  /**
   * Puts the snapshot {@code zip} in place as the store of {@code dataDir}; a store already there
   * is kept beside it as {@code scopien.mv.db.before-restore}.
   *
   * @throws ScopienException CONFLICT {@code server_running} while a server holds the store, or
   *     INVALID_INPUT {@code backup_damaged} when the snapshot holds no database
   */
  public static void restore(byte[] zip, Path dataDir) {
    if (inUse(dataDir)) {
      throw new ScopienException(
          ScopienException.Kind.CONFLICT,
          "server_running",
          "A Scopien server is using " + dataDir + "; stop it, then restore. Nothing was changed.");
    }
    try {
      Files.createDirectories(dataDir);
      Path incoming = dataDir.resolve(FILE + ".restoring");
      boolean found = false;
      try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
        for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
          if (Path.of(entry.getName()).getFileName().toString().equals(FILE)) {
            Files.copy(in, incoming, StandardCopyOption.REPLACE_EXISTING);
            found = true;
          }
        }
      }
      if (!found) {
        Files.deleteIfExists(incoming);
        throw ScopienException.invalid(
            "backup_damaged", "The backup holds no " + FILE + "; nothing was restored.");
      }
      Path current = dataDir.resolve(FILE);
      if (Files.exists(current)) {
        Files.move(
            current,
            dataDir.resolve(FILE + ".before-restore"),
            StandardCopyOption.REPLACE_EXISTING);
      }
      Files.move(incoming, current, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
