/**
 * SOQL for Scopien: one lexer, parser and immutable AST ({@link com.scopien.soql.SoqlQuery} and its
 * parts), shared by the Salesforce client, the local org, the local mirror and the agent.
 *
 * <p>{@link com.scopien.soql.Soql} parses and prints queries and builds them from structured input
 * with every value escaped and every name checked, so that no user or model text is ever pasted
 * into a query. {@link com.scopien.soql.SoqlEvaluator} applies WHERE conditions and ORDER BY keys
 * to rows read through {@link com.scopien.soql.RowAccessor}, with Salesforce's semantics
 * (case-insensitive text, date literals as ranges in a time zone, SOQL null rules). Every error is
 * a {@link com.scopien.soql.SoqlException}.
 */
package com.scopien.soql;
