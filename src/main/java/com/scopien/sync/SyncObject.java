package com.scopien.sync;

import com.scopien.sync.SyncSettings.ConflictPolicy;
import java.time.Instant;
import java.util.List;

/**
 * One object of an org as the sync sees it.
 *
 * @param object the API name, as the org spells it
 * @param selected whether it is synced
 * @param conflictPolicy this object's override of the org's policy, or null
 * @param fields the fields chosen for selective sync, or null when every readable field is read
 * @param localCount records in the local mirror (deleted ones not counted)
 * @param lastSyncAt when a run last finished this object, or null
 */
public record SyncObject(
    String object,
    String label,
    boolean custom,
    boolean selected,
    ConflictPolicy conflictPolicy,
    List<String> fields,
    long localCount,
    Instant lastSyncAt) {
  public SyncObject {
    fields = fields == null ? null : List.copyOf(fields);
  }
}
