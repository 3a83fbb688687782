package com.scopien.orgs;

import com.scopien.store.Jdbc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Rows of {@code org_connect_requests}: one per browser sign-in. Only the SHA-256 of the state is
 * stored (it travels through the browser and the org); {@link #claim} lets exactly one callback
 * take a request, however many arrive at once.
 */
final class ConnectRequests {
  private static final String COLUMNS =
      "id, state_hash, user_id, reconnect_org_id, org_id, name, environment, login_url, client_id,"
          + " client_secret_enc, verifier_enc, redirect_uri, status, error_code, error_message,"
          + " created_at, expires_at";

  /** Where a request stands; CLAIMED while its callback runs. */
  enum Status {
    PENDING,
    CLAIMED,
    CONNECTED,
    FAILED
  }

  /** One request; the sealed values are bound to {@link #sealBinding()}. */
  record Request(
      String id,
      String stateHash,
      String userId,
      String reconnectOrgId,
      String orgId,
      String name,
      Environment environment,
      String loginUrl,
      String clientId,
      String clientSecretSealed,
      String verifierSealed,
      String redirectUri,
      Status status,
      String errorCode,
      String errorMessage,
      Instant createdAt,
      Instant expiresAt) {

    String sealBinding() {
      return bindingOf(id);
    }
  }

  private final Jdbc jdbc;

  ConnectRequests(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  static String bindingOf(String requestId) {
    return "connect:" + requestId;
  }

  static String hash(String state) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  void insert(Request r) {
    jdbc.update(
        "INSERT INTO org_connect_requests ("
            + COLUMNS
            + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r.id(),
        r.stateHash(),
        r.userId(),
        r.reconnectOrgId(),
        r.orgId(),
        r.name(),
        r.environment(),
        r.loginUrl(),
        r.clientId(),
        r.clientSecretSealed(),
        r.verifierSealed(),
        r.redirectUri(),
        r.status(),
        r.errorCode(),
        r.errorMessage(),
        r.createdAt(),
        r.expiresAt());
  }

  Optional<Request> byState(String state) {
    return jdbc.queryOne(
        "SELECT " + COLUMNS + " FROM org_connect_requests WHERE state_hash = ?",
        ConnectRequests::map,
        hash(state));
  }

  Optional<Request> byId(String id) {
    return jdbc.queryOne(
        "SELECT " + COLUMNS + " FROM org_connect_requests WHERE id = ?", ConnectRequests::map, id);
  }

  /** True for the one caller that moved the request from PENDING to CLAIMED. */
  boolean claim(String id) {
    return jdbc.update(
            "UPDATE org_connect_requests SET status = ? WHERE id = ? AND status = ?",
            Status.CLAIMED,
            id,
            Status.PENDING)
        == 1;
  }

  /** Records the outcome and drops the sealed verifier and secret, which are of no more use. */
  void finish(String id, Status status, String orgId, String code, String message, Instant at) {
    jdbc.update(
        "UPDATE org_connect_requests SET status = ?, org_id = ?, error_code = ?,"
            + " error_message = ?, finished_at = ?, client_secret_enc = NULL, verifier_enc = ''"
            + " WHERE id = ?",
        status,
        orgId,
        code,
        message == null || message.length() <= 1000 ? message : message.substring(0, 997) + "...",
        at,
        id);
  }

  /** Forgets requests made before {@code cutoff}. */
  void purgeBefore(Instant cutoff) {
    jdbc.update("DELETE FROM org_connect_requests WHERE created_at < ?", cutoff);
  }

  private static Request map(ResultSet row) throws SQLException {
    return new Request(
        row.getString("id"),
        row.getString("state_hash"),
        row.getString("user_id"),
        row.getString("reconnect_org_id"),
        row.getString("org_id"),
        row.getString("name"),
        Environment.valueOf(row.getString("environment")),
        row.getString("login_url"),
        row.getString("client_id"),
        row.getString("client_secret_enc"),
        row.getString("verifier_enc"),
        row.getString("redirect_uri"),
        Status.valueOf(row.getString("status")),
        row.getString("error_code"),
        row.getString("error_message"),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "expires_at"));
  }
}
