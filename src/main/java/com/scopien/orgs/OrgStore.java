package com.scopien.orgs;

import com.scopien.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Rows of {@code orgs}, {@code org_secrets} and {@code conversation_orgs}. */
final class OrgStore {
  private static final String COLUMNS =
      "id, name, environment, login_url, instance_url, sf_org_id, organization_name, edition,"
          + " username, status, connected_at, last_sync_at, auth_flow, client_id, demo, jwt_subject";

  private final Jdbc jdbc;

  OrgStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * An org row with the connection facts that are not secret; {@code jwtSubject} is the username of
   * the JWT bearer flow, else null.
   */
  record StoredOrg(Org org, AuthFlow flow, String clientId, boolean demo, String jwtSubject) {
    StoredOrg(Org org, AuthFlow flow, String clientId, boolean demo) {
      this(org, flow, clientId, demo, null);
    }
  }

  /** Sealed credentials of one org; any may be null. */
  record SealedSecrets(
      String clientSecret, String accessToken, String refreshToken, String privateKey) {
    SealedSecrets(String clientSecret, String accessToken, String refreshToken) {
      this(clientSecret, accessToken, refreshToken, null);
    }

    SealedSecrets withTokens(String access, String refresh) {
      return new SealedSecrets(clientSecret, access, refresh, privateKey);
    }
  }

  /** How Scopien signs in to the org again when a session ends. */
  enum AuthFlow {
    /** The connected app's client id and secret (its "Run As" user). */
    CLIENT_CREDENTIALS,
    /** A refresh token from the browser's authorization-code flow. */
    REFRESH_TOKEN,
    /** A JWT signed with the app's private key, as a named user. */
    JWT_BEARER
  }

  List<StoredOrg> all() {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM orgs ORDER BY connected_at, name", OrgStore::map);
  }

  Optional<StoredOrg> byId(String id) {
    return jdbc.queryOne("SELECT " + COLUMNS + " FROM orgs WHERE id = ?", OrgStore::map, id);
  }

  Optional<StoredOrg> byName(String name) {
    return jdbc.queryOne(
        "SELECT " + COLUMNS + " FROM orgs WHERE name_key = ?", OrgStore::map, nameKey(name));
  }

  void insert(StoredOrg stored, SealedSecrets secrets, Instant now) {
    Org org = stored.org();
    jdbc.inTransaction(
        () -> {
          jdbc.update(
              "INSERT INTO orgs (id, name, name_key, environment, login_url, instance_url,"
                  + " sf_org_id, organization_name, edition, username, status, auth_flow,"
                  + " client_id, demo, connected_at, last_sync_at, jwt_subject)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              org.id(),
              org.name(),
              nameKey(org.name()),
              org.environment(),
              org.loginUrl(),
              org.instanceUrl(),
              org.salesforceOrgId(),
              org.organizationName(),
              org.edition(),
              org.username(),
              org.status(),
              stored.flow(),
              stored.clientId(),
              stored.demo(),
              org.connectedAt(),
              org.lastSyncAt(),
              stored.jwtSubject());
          jdbc.update(
              "INSERT INTO org_secrets (org_id, client_secret_enc, access_token_enc,"
                  + " refresh_token_enc, private_key_enc, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
              org.id(),
              secrets.clientSecret(),
              secrets.accessToken(),
              secrets.refreshToken(),
              secrets.privateKey(),
              now);
        });
  }

  /** Points a demo org at the local org started this time (its port changes every start). */
  void updateEndpoints(String orgId, String loginUrl, String instanceUrl) {
    jdbc.update(
        "UPDATE orgs SET login_url = ?, instance_url = ? WHERE id = ?",
        loginUrl,
        instanceUrl,
        orgId);
  }

  /**
   * After a reconnect: the org's facts as read again, how it signs in now, and ACTIVE, with its new
   * credentials, in one transaction.
   */
  void reconnected(StoredOrg stored, SealedSecrets secrets, Instant now) {
    Org org = stored.org();
    jdbc.inTransaction(
        () -> {
          jdbc.update(
              "UPDATE orgs SET login_url = ?, instance_url = ?, sf_org_id = ?,"
                  + " organization_name = ?, edition = ?, username = ?, status = ?, auth_flow = ?,"
                  + " client_id = ?, jwt_subject = ? WHERE id = ?",
              org.loginUrl(),
              org.instanceUrl(),
              org.salesforceOrgId(),
              org.organizationName(),
              org.edition(),
              org.username(),
              OrgStatus.ACTIVE,
              stored.flow(),
              stored.clientId(),
              stored.jwtSubject(),
              org.id());
          saveSecrets(org.id(), secrets, now);
        });
  }

  void updateStatus(String orgId, OrgStatus status) {
    jdbc.update("UPDATE orgs SET status = ? WHERE id = ?", status, orgId);
  }

  void updateLastSync(String orgId, Instant at) {
    jdbc.update("UPDATE orgs SET last_sync_at = ? WHERE id = ?", at, orgId);
  }

  void delete(String orgId) {
    jdbc.update("DELETE FROM orgs WHERE id = ?", orgId);
  }

  SealedSecrets secrets(String orgId) {
    return jdbc.queryOne(
            "SELECT client_secret_enc, access_token_enc, refresh_token_enc, private_key_enc"
                + " FROM org_secrets WHERE org_id = ?",
            row ->
                new SealedSecrets(
                    row.getString("client_secret_enc"),
                    row.getString("access_token_enc"),
                    row.getString("refresh_token_enc"),
                    row.getString("private_key_enc")),
            orgId)
        .orElse(new SealedSecrets(null, null, null, null));
  }

  void saveSecrets(String orgId, SealedSecrets secrets, Instant now) {
    jdbc.update(
        "UPDATE org_secrets SET client_secret_enc = ?, access_token_enc = ?,"
            + " refresh_token_enc = ?, private_key_enc = ?, updated_at = ? WHERE org_id = ?",
        secrets.clientSecret(),
        secrets.accessToken(),
        secrets.refreshToken(),
        secrets.privateKey(),
        now,
        orgId);
  }

  Optional<String> activeOrgId(String conversationId) {
    return jdbc.queryOne(
        "SELECT org_id FROM conversation_orgs WHERE conversation_id = ?",
        row -> row.getString("org_id"),
        conversationId);
  }

  void setActiveOrg(String conversationId, String orgId, Instant now) {
    jdbc.inTransaction(
        () -> {
          int changed =
              jdbc.update(
                  "UPDATE conversation_orgs SET org_id = ?, updated_at = ? WHERE conversation_id = ?",
                  orgId,
                  now,
                  conversationId);
          if (changed == 0) {
            jdbc.update(
                "INSERT INTO conversation_orgs (conversation_id, org_id, updated_at)"
                    + " VALUES (?, ?, ?)",
                conversationId,
                orgId,
                now);
          }
        });
  }

  static String nameKey(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }

  private static StoredOrg map(ResultSet row) throws SQLException {
    Org org =
        new Org(
            row.getString("id"),
            row.getString("name"),
            Environment.valueOf(row.getString("environment")),
            row.getString("login_url"),
            row.getString("instance_url"),
            row.getString("sf_org_id"),
            row.getString("organization_name"),
            row.getString("edition"),
            row.getString("username"),
            OrgStatus.valueOf(row.getString("status")),
            Jdbc.instant(row, "connected_at"),
            Jdbc.instant(row, "last_sync_at"));
    return new StoredOrg(
        org,
        AuthFlow.valueOf(row.getString("auth_flow")),
        row.getString("client_id"),
        row.getBoolean("demo"),
        row.getString("jwt_subject"));
  }
}
