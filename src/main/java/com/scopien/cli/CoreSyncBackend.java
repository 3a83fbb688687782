package com.scopien.cli;

import com.scopien.Core;
import com.scopien.config.ScopienConfig;
import com.scopien.orgs.OrgDirectory;
import com.scopien.sync.SyncService;

/**
 * The sync command's backend: the application's {@link Core} (store, orgs, sync service) without
 * the web server. With the default H2 file database the server must not be running at the same time
 * (the file is single-process); with PostgreSQL both can.
 */
final class CoreSyncBackend implements SyncBackend {
  private final Core core;

  private CoreSyncBackend(Core core) {
    this.core = core;
  }

  static SyncBackend open(ScopienConfig config) {
    return new CoreSyncBackend(Core.open(config));
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
  public void close() {
    core.close();
  }
}
