package com.scopien.store;

import com.scopien.config.Secret;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Fresh, migrated databases for tests, on either engine Scopien supports.
 *
 * <p>H2 gets a new file database in a new temporary folder. PostgreSQL is one embedded server
 * (zonky's {@link EmbeddedPostgres}) started lazily once per JVM and shared by every test; each
 * {@link #open} creates a new database in it, so test classes never see each other's rows. Both are
 * removed when the JVM exits.
 *
 * <p>Running as root: PostgreSQL's initdb refuses to run as root. zonky runs every PostgreSQL
 * binary through {@code unshare -U} when that works, which puts the process in a new user namespace
 * where it is not root, so no extra setup is needed on Linux with unprivileged user namespaces
 * enabled.
 */
public final class TestDatabases {

  /** The engines every store test runs on. */
  public enum Engine {
    H2,
    POSTGRES
  }

  private static final AtomicInteger counter = new AtomicInteger();
  private static final List<Path> h2Folders = new ArrayList<>();
  private static EmbeddedPostgres postgres;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::deleteH2Folders));
  }

  private TestDatabases() {}

  /** A new, empty, migrated database; the caller closes it. */
  public static Database open(Engine engine) {
    return switch (engine) {
      case H2 -> Database.open(Database.h2FileUrl(newH2Folder()), "sa", Secret.of(""));
      case POSTGRES -> Database.open(newPostgresDatabase(), "postgres", Secret.of(""));
    };
  }

  /** The shared embedded PostgreSQL server, started on first use. */
  public static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres =
            EmbeddedPostgres.builder()
                // Durability buys nothing in a throw-away test server and costs seconds.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "300")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
      }
    }
    return postgres;
  }

  private static String newPostgresDatabase() {
    EmbeddedPostgres server = postgres();
    String name = "scopien_test_" + counter.incrementAndGet();
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name, e);
    }
    return server.getJdbcUrl("postgres", name);
  }

  private static Path newH2Folder() {
    try {
      Path folder = Files.createTempDirectory("scopien-h2-");
      synchronized (h2Folders) {
        h2Folders.add(folder);
      }
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteH2Folders() {
    synchronized (h2Folders) {
      for (Path folder : h2Folders) {
        try (Stream<Path> files = Files.walk(folder)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
          // A leftover temporary folder is harmless.
        }
      }
    }
  }
}
