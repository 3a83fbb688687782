package com.scopien.web;

import com.scopien.security.StoreBackups;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * {@code POST /api/admin/backup} (admins): an encrypted, consistent snapshot of the running store,
 * as {@code application/octet-stream}. Sealed with the data folder's key, or with {@code
 * {"passphrase":"..."}}. {@code scopien backup} calls it while a server holds the store.
 */
final class BackupHandler {
  private final StoreBackups backups;
  private final JsonBodyReader reader;

  BackupHandler(StoreBackups backups, JsonBodyReader reader) {
    this.backups = backups;
    this.reader = reader;
  }

  void register(Javalin app) {
    app.post("/api/admin/backup", this::backup, Access.ADMIN);
  }

  void backup(Context ctx) {
    Optional<String> passphrase =
        ctx.req().getContentLengthLong() > 0
            ? reader.read(ctx).optionalText("passphrase")
            : Optional.empty();
    byte[] sealed = backups.snapshot(ApiKeyAuthHandler.user(ctx), passphrase);
    ctx.header("Content-Disposition", "attachment; filename=\"scopien.backup\"");
    ctx.contentType("application/octet-stream");
    ctx.result(sealed);
  }
}
