package com.scopien.soql;

import com.scopien.ScopienException;

/**
 * A query that is not valid SOQL, or an AST or builder argument that would not make one. Always
 * {@link Kind#INVALID_INPUT} with the code {@code malformed_query}. When the error comes from query
 * text, {@link #row()} and {@link #column()} give the 1-based position of the offending token and
 * the message reads like Salesforce's ({@code ERROR at Row:1:Column:11} then {@code unexpected
 * token: 'FORM'}); otherwise both are 0 and the message is just the reason. {@link
 * #salesforceErrorCode()} is the {@code errorCode} Salesforce would send for the same query ({@code
 * MALFORMED_QUERY}, or {@code NUMBER_OUTSIDE_VALID_RANGE} for an OFFSET over 2,000), so the local
 * org can answer like the real one.
 */
public final class SoqlException extends ScopienException {
  static final String MALFORMED_QUERY = "MALFORMED_QUERY";
  static final String NUMBER_OUTSIDE_VALID_RANGE = "NUMBER_OUTSIDE_VALID_RANGE";

  private final String reason;
  private final int row;
  private final int column;
  private final String salesforceErrorCode;

  SoqlException(String reason) {
    this(reason, 0, 0, MALFORMED_QUERY, null);
  }

  SoqlException(String reason, int row, int column, String salesforceErrorCode, Throwable cause) {
    super(
        Kind.INVALID_INPUT,
        "malformed_query",
        row > 0 ? "ERROR at Row:" + row + ":Column:" + column + "\n" + reason : reason,
        cause);
    this.reason = reason;
    this.row = row;
    this.column = column;
    this.salesforceErrorCode = salesforceErrorCode;
  }

  /** The reason alone, without the position, e.g. {@code unexpected token: 'FORM'}. */
  public String reason() {
    return reason;
  }

  /** 1-based row of the offending token, or 0 when the error is not tied to query text. */
  public int row() {
    return row;
  }

  /** 1-based column of the offending token, or 0 when the error is not tied to query text. */
  public int column() {
    return column;
  }

  /** The {@code errorCode} Salesforce answers with for this error. */
  public String salesforceErrorCode() {
    return salesforceErrorCode;
  }

  /** The same error placed at a position, for errors found while building the AST from text. */
  SoqlException at(int row, int column) {
    return new SoqlException(reason, row, column, salesforceErrorCode, getCause());
  }
}
