package com.scopien.cli;

import com.scopien.security.User;
import com.scopien.sync.RecordImportService;
import com.scopien.sync.SyncConfigService;

/**
 * What {@code scopien import} and {@code scopien config} need besides the sync backend: the import
 * and configuration services, and the user the command acts as (audited).
 */
interface DataBackend extends SyncBackend {
  RecordImportService imports();

  SyncConfigService syncConfig();

  User operator();
}
