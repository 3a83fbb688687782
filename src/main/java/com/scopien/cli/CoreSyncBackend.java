package com.scopien.cli;

import com.scopien.Core;
import com.scopien.config.ScopienConfig;
import com.scopien.orgs.OrgDirectory;
import com.scopien.security.User;
import com.scopien.sync.RecordImportService;
import com.scopien.sync.SyncConfigService;
import com.scopien.sync.SyncService;

/**
 * The sync, import and config commands' backend: the application's {@link Core} (store, orgs, sync
 * service) without the web server. With the default H2 file database the server must not be running
 * at the same time (the file is single-process); with PostgreSQL both can.
 */
final class CoreSyncBackend implements DataBackend {
  private final Core core;
  private final RecordImportService imports;
  private final SyncConfigService syncConfig;

  private CoreSyncBackend(Core core) {
    this.core = core;
    this.imports =
        new RecordImportService(
            core.database().jdbc(),
            core.orgs(),
            core.syncSettings(),
            core.audit(),
            core.fieldSecurity(),
            core.clock());
    this.syncConfig =
        new SyncConfigService(
            core.database().jdbc(), core.orgs(), core.syncSettings(), core.clock());
  }

  static DataBackend open(ScopienConfig config) {
    Core core = Core.open(config);
    try {
      return new CoreSyncBackend(core);
    } catch (RuntimeException e) {
      core.close();
      throw e;
    }
  }

  @Override
  public OrgDirectory orgs() {
    return core.orgs();
  }

  @Override
  public SyncService sync() {
    return core.sync();
  }

  @Override
  public RecordImportService imports() {
    return imports;
  }

  @Override
  public SyncConfigService syncConfig() {
    return syncConfig;
  }

  @Override
  public User operator() {
    return core.operator();
  }

  @Override
  public void close() {
    core.close();
  }
}
