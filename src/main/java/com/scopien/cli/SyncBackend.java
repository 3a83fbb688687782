package com.scopien.cli;

import com.scopien.orgs.OrgDirectory;
import com.scopien.sync.SyncService;

/**
 * What {@code scopien sync} needs from the application: the connected orgs and the sync service,
 * over the configured database, without the web server. The composition root opens it from the
 * configuration; closing it stops the sync service and closes the database.
 */
interface SyncBackend extends AutoCloseable {
  OrgDirectory orgs();

  SyncService sync();

  @Override
  void close();
}
