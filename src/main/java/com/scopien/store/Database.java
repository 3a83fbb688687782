package com.scopien.store;

import com.scopien.ScopienException;
import com.scopien.config.Secret;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relational store: a pooled {@link DataSource} whose schema is brought up to date from {@code
 * classpath:db/migration} when it opens. The same migrations run on the embedded H2 file database
 * (the default) and on PostgreSQL.
 *
 * <p>Open one per process in the composition root and close it on shutdown. Thread-safe.
 */
public final class Database implements AutoCloseable {

  /** The database products Scopien runs on, for the rare statement that must differ. */
  public enum Vendor {
    H2,
    POSTGRESQL
  }

  private static final Logger log = LoggerFactory.getLogger(Database.class);
  private static final int DEFAULT_POOL_SIZE = 10;

  private final HikariDataSource pool;
  private final Vendor vendor;
  private final Jdbc jdbc;

  private Database(HikariDataSource pool, Vendor vendor) {
    this.pool = pool;
    this.vendor = vendor;
    this.jdbc = new Jdbc(pool);
  }

  /**
   * Connects to {@code jdbcUrl}, then applies every pending migration.
   *
   * @param user may be null or blank when the URL needs none
   * @param password may be null when the URL needs none
   * @throws ScopienException {@code INVALID_INPUT/unsupported_database} for a URL that is neither
   *     H2 nor PostgreSQL; {@code RETRIABLE/database_unavailable} when the database cannot be
   *     reached; {@code INTERNAL/migration_failed} when a migration fails (the pool is closed)
   */
  public static Database open(String jdbcUrl, String user, Secret password) {
    Vendor vendor = vendorOf(jdbcUrl);
    HikariConfig config = new HikariConfig();
    config.setPoolName("scopien-db");
    config.setJdbcUrl(jdbcUrl);
    if (user != null && !user.isBlank()) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password.reveal());
    }
    config.setMaximumPoolSize(DEFAULT_POOL_SIZE);
    // Grow on demand: a quiet instance holds two connections, not ten.
    config.setMinimumIdle(2);
    // Fail at start-up, not at the first request, when the database is unreachable.
    config.setInitializationFailTimeout(10_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new ScopienException(
          ScopienException.Kind.RETRIABLE,
          "database_unavailable",
          "Cannot connect to the " + vendor + " database: " + safeCause(e),
          e);
    }
    try {
      migrate(pool);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    log.info("Database ready ({})", vendor);
    return new Database(pool, vendor);
  }

  /**
   * The URL of the default embedded database, a file named {@code scopien} in {@code dataDir}, in
   * PostgreSQL compatibility mode so that the same SQL runs on both. {@code WRITE_DELAY=0}: a
   * commit is on disk when it returns, so a change Scopien acknowledged survives {@code kill -9}
   * (H2's default delays writes by half a second).
   */
  public static String h2FileUrl(Path dataDir) {
    Path file = dataDir.toAbsolutePath().normalize().resolve("scopien");
    return "jdbc:h2:file:"
        + file
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE"
        + ";WRITE_DELAY=0";
  }

  /** The pooled data source, for libraries that want one (db-scheduler). */
  public DataSource dataSource() {
    return pool;
  }

  /** Statement helper over this database; share the one instance. */
  public Jdbc jdbc() {
    return jdbc;
  }

  public Vendor vendor() {
    return vendor;
  }

  /** Closes the pool; idempotent. */
  @Override
  public void close() {
    pool.close();
  }

  private static void migrate(DataSource dataSource) {
    try {
      var result =
          Flyway.configure()
              .dataSource(dataSource)
              .locations("classpath:db/migration")
              .load()
              .migrate();
      if (result.migrationsExecuted > 0) {
        log.info(
            "Applied {} migration(s); schema now at version {}",
            result.migrationsExecuted,
            result.targetSchemaVersion);
      }
    } catch (FlywayException e) {
      throw new ScopienException(
          ScopienException.Kind.INTERNAL,
          "migration_failed",
          "The database schema could not be migrated: " + safeCause(e),
          e);
    }
  }

  static Vendor vendorOf(String jdbcUrl) {
    String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:h2:")) {
      return Vendor.H2;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return Vendor.POSTGRESQL;
    }
    throw ScopienException.invalid(
        "unsupported_database",
        "Only H2 (jdbc:h2:...) and PostgreSQL (jdbc:postgresql:...) databases are supported");
  }

  /** The first line of the cause, which names the problem without the password or the stack. */
  private static String safeCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
