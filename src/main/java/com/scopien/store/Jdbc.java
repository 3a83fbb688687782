package com.scopien.store;

import com.scopien.ScopienException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A thin, explicit layer over JDBC for the repositories of every package: run a statement with
 * positional {@code ?} parameters, map rows, and group statements into a transaction.
 *
 * <p><b>Transactions.</b> {@link #inTransaction(Supplier)} binds one connection to the calling
 * thread; every call of this helper made on that thread inside the block uses it. A nested {@code
 * inTransaction} joins the outer transaction (there are no savepoints). If an exception leaves a
 * nested block, the whole transaction is marked for rollback: the outer block then rolls back even
 * when it caught that exception, and reports {@code INTERNAL/transaction_rolled_back}. Work handed
 * to another thread does not join.
 *
 * <p><b>Parameters.</b> {@link Instant}s are bound as UTC {@code TIMESTAMP WITH TIME ZONE}, enums
 * by {@code name()}, null as SQL NULL, everything else with {@code setObject}.
 *
 * <p><b>Errors.</b> Every {@link SQLException} becomes a {@link ScopienException}: integrity
 * violations are {@code CONFLICT} ({@code duplicate_key}, {@code foreign_key_violation}) or {@code
 * INVALID_INPUT} ({@code not_null_violation}, {@code check_violation}); lost connections, deadlocks
 * and serialization failures are {@code RETRIABLE}; anything else is {@code
 * INTERNAL/database_error}. The driver's message, which may quote row values, stays in the cause.
 *
 * <p>Thread-safe; share the instance that {@link Database#jdbc()} returns.
 */
public final class Jdbc {

  /** Maps the current row of a result set; must not move the cursor. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Work on a raw connection, for what this helper does not cover. */
  @FunctionalInterface
  public interface ConnectionWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private static final class Transaction {
    final Connection connection;
    boolean rollbackOnly;

    Transaction(Connection connection) {
      this.connection = connection;
    }
  }

  private final DataSource dataSource;
  private final ThreadLocal<Transaction> current = new ThreadLocal<>();

  Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** All rows the query returns, mapped in order. */
  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
    return withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
              List<T> rows = new ArrayList<>();
              while (rs.next()) {
                rows.add(mapper.map(rs));
              }
              return rows;
            }
          }
        });
  }

  /**
   * The single row the query returns, or empty.
   *
   * @throws ScopienException {@code INTERNAL/too_many_rows} when it returns more than one
   */
  public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
    List<T> rows = query(sql, mapper, params);
    if (rows.size() > 1) {
      throw new ScopienException(
          ScopienException.Kind.INTERNAL,
          "too_many_rows",
          "Expected at most one row but the query returned " + rows.size());
    }
    return rows.stream().findFirst();
  }

  /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it changed. */
  public int update(String sql, Object... params) {
    return withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
          }
        });
  }

  /** Runs an INSERT into a table whose {@code id} column is an identity, and returns the new id. */
  public long insertReturningId(String sql, Object... params) {
    return withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            bind(ps, params);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              if (!keys.next()) {
                throw new SQLException("The insert returned no generated id");
              }
              return keys.getLong(1);
            }
          }
        });
  }

  /** Runs one statement once per parameter row, as a JDBC batch; returns the update counts. */
  public int[] batch(String sql, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return new int[0];
    }
    return withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
              bind(ps, row);
              ps.addBatch();
            }
            return ps.executeBatch();
          }
        });
  }

  /**
   * Runs {@code work} in one transaction and returns its result: commits when it returns, rolls
   * back when it throws (and rethrows). Joins a transaction already open on this thread.
   */
  public <T> T inTransaction(Supplier<T> work) {
    Transaction outer = current.get();
    if (outer != null) {
      try {
        return work.get();
      } catch (RuntimeException | Error e) {
        outer.rollbackOnly = true;
        throw e;
      }
    }
    Connection connection = open();
    try {
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw SqlErrors.translate(e);
    }
    Transaction tx = new Transaction(connection);
    current.set(tx);
    try {
      T result;
      try {
        result = work.get();
      } catch (RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      }
      if (tx.rollbackOnly) {
        rollbackQuietly(connection, null);
        throw new ScopienException(
            ScopienException.Kind.INTERNAL,
            "transaction_rolled_back",
            "A step inside the transaction failed, so the whole transaction was rolled back");
      }
      try {
        connection.commit();
      } catch (SQLException e) {
        rollbackQuietly(connection, e);
        throw SqlErrors.translate(e);
      }
      return result;
    } finally {
      current.remove();
      try {
        connection.setAutoCommit(true);
      } catch (SQLException ignored) {
        // The pool resets or evicts a connection it cannot restore.
      }
      closeQuietly(connection);
    }
  }

  /** Like {@link #inTransaction(Supplier)}, for work without a result. */
  public void inTransaction(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }

  /** True when this thread is inside {@link #inTransaction(Supplier)}. */
  public boolean isInTransaction() {
    return current.get() != null;
  }

  /**
   * Runs {@code work} on the current transaction's connection, or on a pooled connection in
   * auto-commit mode when there is none. The connection must not be closed or kept by the work.
   */
  public <T> T withConnection(ConnectionWork<T> work) {
    Transaction tx = current.get();
    if (tx != null) {
      try {
        return work.run(tx.connection);
      } catch (SQLException e) {
        throw SqlErrors.translate(e);
      }
    }
    try (Connection c = open()) {
      return work.run(c);
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    }
  }

  /** A new random id for a row whose key the application makes. */
  public static String newId() {
    return UUID.randomUUID().toString();
  }

  /** Reads a {@code TIMESTAMP WITH TIME ZONE} column as an instant, or null. */
  public static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private Connection open() {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    }
  }

  private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object value = params[i];
      int index = i + 1;
      if (value == null) {
        ps.setNull(index, Types.NULL);
      } else if (value instanceof Instant instant) {
        ps.setObject(index, instant.atOffset(ZoneOffset.UTC));
      } else if (value instanceof Enum<?> e) {
        ps.setString(index, e.name());
      } else {
        ps.setObject(index, value);
      }
    }
  }

  private static void rollbackQuietly(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      }
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Nothing useful to do: the pool discards a broken connection.
    }
  }
}
