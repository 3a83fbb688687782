package com.scopien.web;

import com.scopien.security.AuditLog;
import com.scopien.security.BackupCipher;
import com.scopien.security.KeyProvider;
import com.scopien.store.Database;
import com.scopien.store.StoreBackup;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.util.Map;

/**
 * {@code POST /api/admin/backup} (admins): an encrypted, consistent snapshot of the running store,
 * as {@code application/octet-stream}. Sealed with the data folder's key, or with {@code
 * {"passphrase":"..."}}. {@code scopien backup} calls it while a server holds the store. Audited as
 * {@code store.backup}.
 */
final class BackupHandler {
  private final Database database;
  private final KeyProvider keys;
  private final AuditLog audit;
  private final JsonBodyReader reader;

  BackupHandler(Database database, KeyProvider keys, AuditLog audit, JsonBodyReader reader) {
    this.database = database;
    this.keys = keys;
    this.audit = audit;
    this.reader = reader;
  }

  void register(Javalin app) {
    app.post("/api/admin/backup", this::backup, Access.ADMIN);
  }

  void backup(Context ctx) {
    BackupCipher cipher = BackupCipher.withKey(keys);
    boolean withPassphrase = false;
    if (ctx.req().getContentLengthLong() > 0) {
      var passphrase = reader.read(ctx).optionalText("passphrase");
      if (passphrase.isPresent()) {
        cipher = BackupCipher.withPassphrase(passphrase.get());
        withPassphrase = true;
      }
    }
    byte[] snapshot = StoreBackup.snapshot(database);
    ByteArrayOutputStream sealed = new ByteArrayOutputStream(snapshot.length + 128);
    cipher.encrypt(snapshot, sealed);
    audit.record(
        ApiKeyAuthHandler.user(ctx),
        "store.backup",
        "store",
        null,
        null,
        null,
        Map.of("bytes", sealed.size(), "sealedWith", withPassphrase ? "passphrase" : "key"));
    ctx.header("Content-Disposition", "attachment; filename=\"scopien.backup\"");
    ctx.contentType("application/octet-stream");
    ctx.result(sealed.toByteArray());
  }
}
