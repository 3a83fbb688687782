package com.scopien.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.ScopienException;
import com.scopien.config.ConfigLoader;
import com.scopien.config.ScopienConfig;
import com.scopien.security.BackupCipher;
import com.scopien.security.KeyProvider;
import com.scopien.store.Database;
import com.scopien.store.StoreBackup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scopien backup --file F}: an encrypted (AES-256-GCM), consistent snapshot of the H2 store.
 * With no server running it opens the data folder itself; while a server holds the store it asks
 * that server ({@code POST /api/admin/backup}, an admin key in {@code --key} or {@code
 * SCOPIEN_API_KEY}).
 */
@Command(name = "backup", description = "Write an encrypted snapshot of the store to a file.")
final class BackupCommand implements Callable<Integer>, EnvFactory.NeedsEnvironment {
  private static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--file", required = true, description = "Where to write the backup.")
  Path file;

  @Option(
      names = "--passphrase-env",
      paramLabel = "VAR",
      description = "Seal with the passphrase in this environment variable, not the data key.")
  String passphraseEnv;

  @Option(
      names = "--url",
      description = "The running server (default: SCOPIEN_URL or http://127.0.0.1:SCOPIEN_PORT).")
  String url;

  @Option(names = "--key", description = "An admin API key (default: SCOPIEN_API_KEY).")
  String key;

  private Map<String, String> env = Map.of();

  @Override
  public void environment(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    ScopienConfig config = ConfigLoader.load(env);
    String passphrase = passphrase(env, passphraseEnv);
    byte[] sealed;
    String how;
    if (config.dbUrl().isEmpty() && StoreBackup.inUse(config.dataDir())) {
      sealed = fromServer(config, passphrase);
      how = "from the running server";
    } else {
      if (config.dbUrl().isPresent()) {
        throw ScopienException.invalid(
            "backup_not_h2",
            "Scopien backs up its embedded H2 store only; back up PostgreSQL with pg_dump.");
      }
      byte[] snapshot;
      try (Database database = Database.open(Database.h2FileUrl(config.dataDir()), null, null)) {
        snapshot = StoreBackup.snapshot(database);
      }
      BackupCipher cipher =
          passphrase == null
              ? BackupCipher.withKey(KeyProvider.resolve(config.encryptionKey(), config.dataDir()))
              : BackupCipher.withPassphrase(passphrase);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      cipher.encrypt(snapshot, out);
      sealed = out.toByteArray();
      how = "from " + config.dataDir();
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(file, sealed);
    spec.commandLine()
        .getOut()
        .printf(
            "Backup written to %s (%,d bytes, %s, sealed with %s).%n",
            file,
            sealed.length,
            how,
            passphrase == null ? "the data folder's key" : "the passphrase");
    return 0;
  }

  static String passphrase(Map<String, String> env, String variable) {
    if (variable == null) {
      return null;
    }
    String value = env.get(variable);
    if (value == null || value.isEmpty()) {
      throw ScopienException.invalid(
          "missing_passphrase", "The environment variable " + variable + " holds no passphrase.");
    }
    return value;
  }

  private byte[] fromServer(ScopienConfig config, String passphrase)
      throws IOException, InterruptedException {
    String base =
        url != null ? url : env.getOrDefault("SCOPIEN_URL", "http://127.0.0.1:" + config.port());
    String apiKey = key != null ? key : env.get("SCOPIEN_API_KEY");
    if (apiKey == null || apiKey.isBlank()) {
      throw ScopienException.invalid(
          "missing_key",
          "A server is using this data folder, so the backup is taken through it: give an admin"
              + " API key with --key or SCOPIEN_API_KEY.");
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + "/api/admin/backup"))
            .timeout(Duration.ofMinutes(10))
            .header("Authorization", "Bearer " + apiKey);
    if (passphrase == null) {
      request.POST(HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .POST(
              HttpRequest.BodyPublishers.ofString(
                  JSON.writeValueAsString(Map.of("passphrase", passphrase))));
    }
    HttpResponse<byte[]> response;
    try {
      response =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .build()
              .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new ScopienException(
          ScopienException.Kind.RETRIABLE,
          "server_unreachable",
          "A server holds the store but cannot be reached at " + base + "; give its --url.");
    }
    if (response.statusCode() != 200) {
      String reason =
          JSON.readTree(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8))
              .path("error")
              .path("message")
              .asText("the server answered HTTP " + response.statusCode());
      throw ScopienException.invalid("backup_refused", "The server refused the backup: " + reason);
    }
    return response.body();
  }
}
