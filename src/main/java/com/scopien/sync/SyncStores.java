package com.scopien.sync;

import com.scopien.store.Jdbc;
import java.time.Clock;

/** The sync engine's tables, built once per service over one database. */
record SyncStores(
    MirrorStore mirror,
    MirrorTables tables,
    CursorStore cursors,
    RunStore runs,
    ParkedStore parked,
    SyncErrorLog errors,
    ConflictStore conflicts) {

  static SyncStores over(Jdbc jdbc, JsonCodec json, Clock clock) {
    MirrorTables tables = new MirrorTables(jdbc, clock);
    return new SyncStores(
        new MirrorStore(jdbc, json, new MirrorTableWriter(jdbc, tables)),
        tables,
        new CursorStore(jdbc),
        new RunStore(jdbc),
        new ParkedStore(jdbc),
        new SyncErrorLog(jdbc, clock),
        new ConflictStore(jdbc, json));
  }
}
