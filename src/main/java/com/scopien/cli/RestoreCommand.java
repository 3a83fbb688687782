package com.scopien.cli;

import com.scopien.config.ConfigLoader;
import com.scopien.config.ScopienConfig;
import com.scopien.security.BackupCipher;
import com.scopien.security.KeyProvider;
import com.scopien.store.StoreBackup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scopien restore --file F}: puts a backup back as the store of a stopped server's data
 * folder. Refuses while a server runs, and refuses a wrong key, a wrong passphrase or a changed
 * file before anything is written.
 */
@Command(name = "restore", description = "Restore a backup into the (stopped) data folder.")
final class RestoreCommand implements Callable<Integer>, EnvFactory.NeedsEnvironment {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--file", required = true, description = "The backup to restore.")
  Path file;

  @Option(
      names = "--passphrase-env",
      paramLabel = "VAR",
      description = "The environment variable holding the backup's passphrase.")
  String passphraseEnv;

  private Map<String, String> env = Map.of();

  @Override
  public void environment(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    ScopienConfig config = ConfigLoader.load(env);
    String passphrase = BackupCommand.passphrase(env, passphraseEnv);
    BackupCipher cipher =
        passphrase == null
            ? BackupCipher.withKey(KeyProvider.resolve(config.encryptionKey(), config.dataDir()))
            : BackupCipher.withPassphrase(passphrase);
    byte[] snapshot;
    try (InputStream in = Files.newInputStream(file)) {
      snapshot = cipher.decrypt(in);
    }
    StoreBackup.restore(snapshot, config.dataDir());
    spec.commandLine()
        .getOut()
        .printf(
            "Restored %s into %s; the store it replaced, if any, is %s.before-restore.%n",
            file, config.dataDir(), StoreBackup.FILE);
    return 0;
  }
}
