package com.scopien;

import com.scopien.agent.RecordVisibility;
import com.scopien.config.ScopienConfig;
import com.scopien.config.Secret;
import com.scopien.monitoring.ApiUsageMonitor;
import com.scopien.orgs.OrgConnections;
import com.scopien.orgs.OrgService;
import com.scopien.orgs.SecretSealer;
import com.scopien.salesforce.ClientOptions;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.SalesforceClients;
import com.scopien.security.AuditLog;
import com.scopien.security.FieldSecurity;
import com.scopien.security.GuestAccess;
import com.scopien.security.HiddenFields;
import com.scopien.security.KeyProvider;
import com.scopien.security.Redactor;
import com.scopien.security.Role;
import com.scopien.security.TokenCipher;
import com.scopien.security.User;
import com.scopien.security.UserService;
import com.scopien.store.DataFolder;
import com.scopien.store.Database;
import com.scopien.sync.LocalChangeService;
import com.scopien.sync.MirrorFreshness;
import com.scopien.sync.MirrorReader;
import com.scopien.sync.SyncOptions;
import com.scopien.sync.SyncService;
import com.scopien.sync.SyncSettingsService;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;

/**
 * The parts every command shares: the store, users, sealed tokens, orgs, usage monitoring and the
 * sync engine. The CLI's org and sync commands use it without starting a server.
 */
public record Core(
    Database database,
    UserService users,
    OrgService orgs,
    OrgConnections connections,
    ApiUsageMonitor usage,
    FieldSecurity fieldSecurity,
    AuditLog audit,
    SyncSettingsService syncSettings,
    SyncService sync,
    LocalChangeService localChanges,
    RecordVisibility visibility,
    MirrorReader mirror,
    Clock clock,
    Optional<Secret> generatedAdminKey)
    implements AutoCloseable {

  /** Opens the store, migrates it and builds the services. */
  public static Core open(ScopienConfig config) {
    Clock clock = Clock.systemUTC();
    // The data folder holds the embedded database and the key files: owner-only (0700/0600).
    DataFolder.secure(config.dataDir());
    Database database =
        Database.open(
            config.dbUrl().orElse(Database.h2FileUrl(config.dataDir())),
            config.dbUser().orElse(null),
            config.dbPassword().orElse(null));
    try {
      // H2 made its files with the process's umask; take others' access away again.
      DataFolder.secure(config.dataDir());
      UserService users = new UserService(database.jdbc(), clock);
      Optional<Secret> generated = users.ensureAdmin(config.adminApiKey());
      TokenCipher cipher =
          new TokenCipher(KeyProvider.resolve(config.encryptionKey(), config.dataDir()));
      SecretSealer sealer =
          new SecretSealer() {
            @Override
            public String seal(String plaintext, String orgId) {
              return cipher.encrypt(plaintext, orgId);
            }

            @Override
            public String open(String sealed, String orgId) {
              return cipher.decrypt(sealed, orgId);
            }
          };
      HttpClient http = SalesforceClients.newHttpClient();
      ApiUsageMonitor usage = new ApiUsageMonitor(database.jdbc(), clock);
      FieldSecurity fieldSecurity =
          FieldSecurity.defaults()
              .withGuestAccess(GuestAccess.stored(database.jdbc(), clock))
              .withHiddenFields(HiddenFields.stored(database.jdbc(), clock));
      AuditLog audit = new AuditLog(database.jdbc(), fieldSecurity, Redactor.standard(), clock);
      OrgService orgs =
          new OrgService(
              database.jdbc(),
              sealer,
              new OAuthClient(http),
              http,
              ClientOptions.defaults()
                  .withApiVersion(config.salesforceApiVersion())
                  .withCallOptionsClient("scopien"),
              usage,
              audit,
              clock);
      OrgConnections connections = new OrgConnections(orgs, database.jdbc(), users);
      SyncSettingsService syncSettings = new SyncSettingsService(database.jdbc(), orgs, clock);
      SyncService sync =
          new SyncService(
              database.jdbc(),
              orgs,
              syncSettings,
              SyncOptions.defaults()
                  .withBulk(SyncOptions.Bulk.defaults().withThreshold(config.syncBulkThreshold()))
                  .withPushLinger(config.syncPushLinger()),
              clock,
              orgs::markSynced);
      RecordVisibility visibility = new RecordVisibility(orgs, database.jdbc(), clock);
      LocalChangeService localChanges =
          new LocalChangeService(
              database.jdbc(), orgs, syncSettings, sync, audit, fieldSecurity, visibility, clock);
      MirrorReader mirror =
          new MirrorReader(
              database.jdbc(),
              syncSettings,
              MirrorReader.Describes.of(orgs),
              config.mirrorFreshness(),
              MirrorFreshness.none(),
              clock);
      return new Core(
          database,
          users,
          orgs,
          connections,
          usage,
          fieldSecurity,
          audit,
          syncSettings,
          sync,
          localChanges,
          visibility,
          mirror,
          clock,
          generated);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /**
   * The admin the CLI acts as: whoever runs {@code scopien orgs ...} on this machine holds the data
   * folder and its encryption key, so they act as the oldest active admin (the bootstrap one), and
   * the audit log names that user.
   */
  public User operator() {
    return users.list().stream()
        .filter(user -> user.role() == Role.ADMIN && users.findActive(user.id()).isPresent())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("ensureAdmin made no admin"));
  }

  @Override
  public void close() {
    sync.close();
    database.close();
  }
}
