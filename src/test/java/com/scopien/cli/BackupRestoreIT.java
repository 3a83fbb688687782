package com.scopien.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.App;
import com.scopien.config.ConfigLoader;
import com.scopien.config.Secret;
import com.scopien.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code scopien backup} and {@code restore} round trip: a demo server runs (synced mirror, a user
 * made through the API, a conversation), the CLI takes the backup through it, a restore is refused
 * while it runs, and after it stops the backup comes back in another folder with the users, orgs,
 * mirror rows and conversation. A changed file, a wrong key and a wrong passphrase are refused with
 * nothing written.
 */
class BackupRestoreIT {
  private static final String KEY = "it-admin-key-backup-0123456789";
  private static final String[] TABLES = {"users", "orgs", "sync_records", "conversations"};

  @Test
  void aBackupTakenWhileServingComesBackAndABadOneIsRefused() throws Exception {
    Path served = Files.createTempDirectory("scopien-backup-served");
    Path file = served.getParent().resolve(served.getFileName() + ".backup");
    Path locked = served.getParent().resolve(served.getFileName() + "-pass.backup");
    Map<String, Long> before;
    App app =
        App.start(
            ConfigLoader.load(
                Map.of(
                    "SCOPIEN_PORT", "0",
                    "SCOPIEN_DATA_DIR", served.toString(),
                    "SCOPIEN_ADMIN_API_KEY", KEY,
                    "SCOPIEN_DEMO", "on",
                    "SCOPIEN_DEMO_SCALE", "0.01")),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      String base = "http://127.0.0.1:" + app.port();
      assertThat(
              post(
                  base,
                  "/api/users",
                  "{\"email\":\"kept@x.test\",\"name\":\"Kept\",\"role\":\"user\"}"))
          .isEqualTo(201);
      assertThat(post(base, "/api/chat", "{\"message\":\"show accounts\"}")).isEqualTo(200);
      waitForMirror(base);
      before = counts(served, app);
      Map<String, String> env =
          Map.of(
              "SCOPIEN_DATA_DIR", served.toString(), "SCOPIEN_URL", base, "SCOPIEN_API_KEY", KEY);

      Run backup = cli(env, "backup", "--file", file.toString());
      assertThat(backup.code).as(backup.err).isZero();
      assertThat(backup.out).contains("from the running server");
      Map<String, String> withPass = new LinkedHashMap<>(env);
      withPass.put("BACKUP_PASS", "correct horse battery");
      Run sealed =
          cli(withPass, "backup", "--file", locked.toString(), "--passphrase-env", "BACKUP_PASS");
      assertThat(sealed.code).as(sealed.err).isZero();

      Run whileRunning = cli(env, "restore", "--file", file.toString());
      assertThat(whileRunning.code).isNotZero();
      assertThat(whileRunning.err).contains("server is using");
    } finally {
      app.close();
    }
    assertThat(before.get("sync_records")).isPositive();
    assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).doesNotContain("kept@x.test");

    // Another folder with the same key: changed file refused, then the real one restored.
    Path restored = Files.createTempDirectory("scopien-backup-restored");
    Files.createDirectories(restored.resolve("keys"));
    Files.copy(served.resolve("keys/token.key"), restored.resolve("keys/token.key"));
    Map<String, String> target = Map.of("SCOPIEN_DATA_DIR", restored.toString());
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Path changed = restored.getParent().resolve(restored.getFileName() + "-changed.backup");
    Files.write(changed, bytes);
    Run tampered = cli(target, "restore", "--file", changed.toString());
    assertThat(tampered.code).isNotZero();
    assertThat(tampered.err).contains("changed or damaged").contains("nothing was restored");
    assertThat(restored.resolve("scopien.mv.db")).doesNotExist();

    Map<String, String> wrongPass =
        Map.of("SCOPIEN_DATA_DIR", restored.toString(), "P", "wrong passphrase!");
    Run wrong = cli(wrongPass, "restore", "--file", locked.toString(), "--passphrase-env", "P");
    assertThat(wrong.code).isNotZero();
    assertThat(wrong.err).contains("passphrase is wrong");

    Path stranger = Files.createTempDirectory("scopien-backup-stranger");
    Run otherKey =
        cli(Map.of("SCOPIEN_DATA_DIR", stranger.toString()), "restore", "--file", file.toString());
    assertThat(otherKey.code).isNotZero();
    assertThat(otherKey.err).contains("sealed with key").contains("nothing was restored");
    assertThat(stranger.resolve("scopien.mv.db")).doesNotExist();

    Run good = cli(target, "restore", "--file", file.toString());
    assertThat(good.code).as(good.err).isZero();
    try (Database db = Database.open(Database.h2FileUrl(restored), null, (Secret) null)) {
      Map<String, Long> after = counts(db);
      // The mirror may still be filling (the second org syncs too); the snapshot came later.
      assertThat(after.get("sync_records")).isGreaterThanOrEqualTo(before.get("sync_records"));
      after.remove("sync_records");
      before.remove("sync_records");
      assertThat(after).isEqualTo(before);
      assertThat(
              db.jdbc()
                  .query("SELECT name FROM users WHERE email = 'kept@x.test'", r -> r.getString(1)))
          .containsExactly("Kept");
    }

    // With no server running, the command opens the folder itself.
    Path offline = restored.getParent().resolve(restored.getFileName() + "-offline.backup");
    Run direct = cli(target, "backup", "--file", offline.toString());
    assertThat(direct.code).as(direct.err).isZero();
    assertThat(direct.out).contains("from " + restored);

    Path fromPass = Files.createTempDirectory("scopien-backup-pass");
    Run pass =
        cli(
            Map.of("SCOPIEN_DATA_DIR", fromPass.toString(), "P", "correct horse battery"),
            "restore",
            "--file",
            locked.toString(),
            "--passphrase-env",
            "P");
    assertThat(pass.code).as(pass.err).isZero();
    assertThat(fromPass.resolve("scopien.mv.db")).exists();
  }

  private static Map<String, Long> counts(Path dir, App app) throws Exception {
    try (var c = java.sql.DriverManager.getConnection(Database.h2FileUrl(dir), "", "");
        var s = c.createStatement()) {
      Map<String, Long> out = new LinkedHashMap<>();
      for (String table : TABLES) {
        try (var rows = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rows.next();
          out.put(table, rows.getLong(1));
        }
      }
      return out;
    }
  }

  private static Map<String, Long> counts(Database db) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String table : TABLES) {
      out.put(table, db.jdbc().query("SELECT COUNT(*) FROM " + table, r -> r.getLong(1)).get(0));
    }
    return out;
  }

  private static void waitForMirror(String base) throws Exception {
    Instant until = Instant.now().plus(Duration.ofMinutes(3));
    String org = null;
    while (Instant.now().isBefore(until)) {
      if (org == null) {
        String orgs = get(base, "/api/orgs");
        int at = orgs.indexOf("\"id\":\"");
        org = orgs.substring(at + 6, orgs.indexOf('"', at + 6));
      }
      String runs = get(base, "/api/sync/runs?org=" + org);
      if (runs.contains("\"succeeded\"") && !runs.contains("\"running\"")) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("The start-up sync did not finish");
  }

  private static int post(String base, String path, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static String get(String base, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + KEY)
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private record Run(int code, String out, String err) {}

  private static Run cli(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ScopienCommand.run(args, env, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }
}
