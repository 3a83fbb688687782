package com.scopien.store;

import com.scopien.ScopienException;
import com.scopien.ScopienException.Kind;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Turns driver errors into Scopien errors by SQLSTATE, which H2 and PostgreSQL share for the cases
 * callers act on. Messages are written here, never copied from the driver: a driver message can
 * quote the row's values.
 */
final class SqlErrors {

  private SqlErrors() {}

  static ScopienException translate(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return switch (state) {
      case "23505" ->
          new ScopienException(
              Kind.CONFLICT, "duplicate_key", "A row with the same unique value already exists", e);
      // 23503: PostgreSQL for both directions, H2 when the parent row is still referenced;
      // 23506: H2 when the referenced parent row does not exist.
      case "23503", "23506" ->
          new ScopienException(
              Kind.CONFLICT,
              "foreign_key_violation",
              "The row refers to a row that does not exist, or is still referred to",
              e);
      case "23502" ->
          new ScopienException(
              Kind.INVALID_INPUT, "not_null_violation", "A required value is missing", e);
      // 23514: PostgreSQL; 23513: H2.
      case "23514", "23513" ->
          new ScopienException(
              Kind.INVALID_INPUT, "check_violation", "A value is not one of the allowed values", e);
      // 40001: serialization failure; 40P01: PostgreSQL deadlock.
      case "40001", "40P01" ->
          new ScopienException(
              Kind.RETRIABLE,
              "transaction_conflict",
              "The transaction clashed with another one; try again",
              e);
      default ->
          isConnectionProblem(e, state)
              ? new ScopienException(
                  Kind.RETRIABLE, "database_unavailable", "The database cannot be reached", e)
              : new ScopienException(
                  Kind.INTERNAL, "database_error", "The database rejected a statement", e);
    };
  }

  private static boolean isConnectionProblem(SQLException e, String state) {
    // 08xxx: connection exceptions; 57P01..57P03: PostgreSQL shutting down or not yet up.
    return state.startsWith("08")
        || state.startsWith("57P")
        || e instanceof SQLTransientConnectionException;
  }
}
