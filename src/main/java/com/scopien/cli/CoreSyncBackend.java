package com.scopien.cli;

import com.scopien.App;
import com.scopien.config.ScopienConfig;
import com.scopien.orgs.OrgDirectory;
import com.scopien.sync.SyncOptions;
import com.scopien.sync.SyncService;
import com.scopien.sync.SyncSettingsService;

/**
 * The sync command's backend over the application's core (store, orgs, clock), without the web
 * server. With the default H2 file database the server must not be running at the same time (the
 * file is single-process); with PostgreSQL both can.
 */
final class CoreSyncBackend implements SyncBackend {
  private final App.Core core;
  private final SyncService sync;

  private CoreSyncBackend(App.Core core, SyncService sync) {
    this.core = core;
    this.sync = sync;
  }

  static SyncBackend open(ScopienConfig config) {
    App.Core core = App.Core.open(config);
    try {
      SyncSettingsService settings =
          new SyncSettingsService(core.database().jdbc(), core.orgs(), core.clock());
      SyncService sync =
          new SyncService(
              core.database().jdbc(),
              core.orgs(),
              settings,
              SyncOptions.defaults(),
              core.clock(),
              core.orgs()::markSynced);
      return new CoreSyncBackend(core, sync);
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
    return sync;
  }

  @Override
  public void close() {
    sync.close();
    core.close();
  }
}
