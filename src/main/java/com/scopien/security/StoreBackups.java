package com.scopien.security;

import com.scopien.store.Database;
import com.scopien.store.StoreBackup;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Encrypted snapshots of the running store for {@code POST /api/admin/backup}: consistent, sealed
 * with the data folder's key or a passphrase ({@link BackupCipher}), and audited as {@code
 * store.backup}.
 */
public final class StoreBackups {
  private final Database database;
  private final KeyProvider keys;
  private final AuditLog audit;

  public StoreBackups(Database database, KeyProvider keys, AuditLog audit) {
    this.database = Objects.requireNonNull(database, "database");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  /** A sealed snapshot, taken for {@code actor}; with a passphrase when one is given. */
  public byte[] snapshot(User actor, Optional<String> passphrase) {
    BackupCipher cipher =
        passphrase.map(BackupCipher::withPassphrase).orElseGet(() -> BackupCipher.withKey(keys));
    byte[] snapshot = StoreBackup.snapshot(database);
    ByteArrayOutputStream sealed = new ByteArrayOutputStream(snapshot.length + 128);
    cipher.encrypt(snapshot, sealed);
    audit.record(
        actor,
        "store.backup",
        "store",
        null,
        null,
        null,
        Map.of(
            "bytes", sealed.size(), "sealedWith", passphrase.isPresent() ? "passphrase" : "key"));
    return sealed.toByteArray();
  }
}
