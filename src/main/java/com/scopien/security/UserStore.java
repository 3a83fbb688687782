package com.scopien.security;

import com.scopien.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for users and API keys. Joins the caller's transaction when there is one. */
final class UserStore {

  /** A stored key row. */
  record KeyRow(
      String id,
      String userId,
      String hashHex,
      String prefix,
      Instant createdAt,
      Instant revokedAt,
      String name,
      Instant expiresAt,
      Instant lastUsedAt) {
    KeyRow(
        String id,
        String userId,
        String hashHex,
        String prefix,
        Instant createdAt,
        Instant revokedAt) {
      this(id, userId, hashHex, prefix, createdAt, revokedAt, null, null, null);
    }
  }

  /** A key's hash and state with the user it belongs to. */
  record KeyOwner(
      String keyId,
      String hashHex,
      Instant revokedAt,
      Instant expiresAt,
      Instant lastUsedAt,
      boolean userActive,
      User user) {}

  private static final String USER_COLUMNS = "u.id, u.name, u.email, u.role";
  private static final String PROFILE_COLUMNS =
      USER_COLUMNS + ", u.manager_id, u.active, u.created_at, u.deactivated_at";
  private static final String KEY_COLUMNS =
      "id, user_id, key_hash, prefix, created_at, revoked_at, name, expires_at, last_used_at";

  private final Jdbc jdbc;

  UserStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  void insertUser(User user, Instant createdAt) {
    jdbc.update(
        "INSERT INTO users (id, name, email, role, created_at) VALUES (?, ?, ?, ?, ?)",
        user.id(),
        user.name(),
        user.email(),
        user.role(),
        createdAt);
  }

  Optional<User> findUser(String id) {
    return jdbc.queryOne(
        "SELECT " + USER_COLUMNS + " FROM users u WHERE u.id = ?", UserStore::user, id);
  }

  Optional<User> findUserByEmail(String email) {
    return jdbc.queryOne(
        "SELECT " + USER_COLUMNS + " FROM users u WHERE u.email = ?", UserStore::user, email);
  }

  List<User> listUsers() {
    return jdbc.query(
        "SELECT " + USER_COLUMNS + " FROM users u ORDER BY u.created_at, u.id", UserStore::user);
  }

  List<User> team(String managerId) {
    return jdbc.query(
        "SELECT " + USER_COLUMNS + " FROM users u WHERE u.manager_id = ? ORDER BY u.name, u.id",
        UserStore::user,
        managerId);
  }

  int setManager(String userId, String managerId) {
    return jdbc.update("UPDATE users SET manager_id = ? WHERE id = ?", managerId, userId);
  }

  Optional<UserProfile> findProfile(String id) {
    return jdbc.queryOne(
        "SELECT " + PROFILE_COLUMNS + " FROM users u WHERE u.id = ?", UserStore::profile, id);
  }

  List<UserProfile> listProfiles() {
    return jdbc.query(
        "SELECT " + PROFILE_COLUMNS + " FROM users u ORDER BY u.created_at, u.id",
        UserStore::profile);
  }

  int setRole(String userId, Role role) {
    return jdbc.update("UPDATE users SET role = ? WHERE id = ?", role, userId);
  }

  int setName(String userId, String name) {
    return jdbc.update("UPDATE users SET name = ? WHERE id = ?", name, userId);
  }

  /** Deactivating also ends the user's browser sessions (their keys are refused by the flag). */
  int setActive(String userId, boolean active, Instant at) {
    if (!active) {
      jdbc.update("DELETE FROM web_sessions WHERE user_id = ?", userId);
    }
    return jdbc.update(
        "UPDATE users SET active = ?, deactivated_at = ? WHERE id = ?",
        active,
        active ? null : at,
        userId);
  }

  long activeAdmins() {
    return jdbc.queryOne(
            "SELECT COUNT(*) FROM users WHERE role = 'ADMIN' AND active = TRUE",
            row -> row.getLong(1))
        .orElse(0L);
  }

  /** Notes that a key was used, at most once a minute, so that most requests write nothing. */
  void touchKey(String keyId, Instant at) {
    jdbc.update(
        "UPDATE api_keys SET last_used_at = ? WHERE id = ?"
            + " AND (last_used_at IS NULL OR last_used_at < ?)",
        at,
        keyId,
        at.minusSeconds(60));
  }

  Optional<User> oldestAdmin() {
    return jdbc
        .query(
            "SELECT "
                + USER_COLUMNS
                + " FROM users u WHERE u.role = 'ADMIN' AND u.active = TRUE"
                + " ORDER BY u.created_at, u.id",
            UserStore::user)
        .stream()
        .findFirst();
  }

  void insertKey(KeyRow key) {
    jdbc.update(
        "INSERT INTO api_keys (id, user_id, key_hash, prefix, created_at, name, expires_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        key.id(),
        key.userId(),
        key.hashHex(),
        key.prefix(),
        key.createdAt(),
        key.name(),
        key.expiresAt());
  }

  Optional<KeyRow> findKeyByHash(String hashHex) {
    return jdbc.queryOne(
        "SELECT " + KEY_COLUMNS + " FROM api_keys WHERE key_hash = ?", UserStore::keyRow, hashHex);
  }

  /** One indexed lookup per request: the key by its hash, joined to its user. */
  Optional<KeyOwner> findKeyOwner(String hashHex) {
    return jdbc.queryOne(
        "SELECT k.id AS key_id, k.key_hash, k.revoked_at, k.expires_at, k.last_used_at,"
            + " u.active, "
            + USER_COLUMNS
            + " FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.key_hash = ?",
        row ->
            new KeyOwner(
                row.getString("key_id"),
                row.getString("key_hash"),
                Jdbc.instant(row, "revoked_at"),
                Jdbc.instant(row, "expires_at"),
                Jdbc.instant(row, "last_used_at"),
                row.getBoolean("active"),
                user(row)),
        hashHex);
  }

  Optional<KeyRow> findKey(String keyId) {
    return jdbc.queryOne(
        "SELECT " + KEY_COLUMNS + " FROM api_keys WHERE id = ?", UserStore::keyRow, keyId);
  }

  List<KeyRow> keysOf(String userId) {
    return jdbc.query(
        "SELECT " + KEY_COLUMNS + " FROM api_keys WHERE user_id = ? ORDER BY created_at, id",
        UserStore::keyRow,
        userId);
  }

  int revokeKey(String keyId, Instant at) {
    return jdbc.update(
        "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", at, keyId);
  }

  int reinstateKey(String keyId) {
    return jdbc.update("UPDATE api_keys SET revoked_at = NULL WHERE id = ?", keyId);
  }

  /** Revokes every active key with this label except {@code keepId}. */
  int revokeLabelledExcept(String prefix, String keepId, Instant at) {
    return jdbc.update(
        "UPDATE api_keys SET revoked_at = ? WHERE prefix = ? AND id <> ? AND revoked_at IS NULL",
        at,
        prefix,
        keepId);
  }

  private static User user(ResultSet row) throws SQLException {
    return new User(
        row.getString("id"),
        row.getString("name"),
        row.getString("email"),
        Role.valueOf(row.getString("role")));
  }

  private static UserProfile profile(ResultSet row) throws SQLException {
    return new UserProfile(
        user(row),
        row.getString("manager_id"),
        row.getBoolean("active"),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "deactivated_at"));
  }

  private static KeyRow keyRow(ResultSet row) throws SQLException {
    return new KeyRow(
        row.getString("id"),
        row.getString("user_id"),
        row.getString("key_hash"),
        row.getString("prefix"),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "revoked_at"),
        row.getString("name"),
        Jdbc.instant(row, "expires_at"),
        Jdbc.instant(row, "last_used_at"));
  }
}
