package com.scopien.sync;

import com.scopien.store.Jdbc;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code sync_replay} table: per org and Streaming API channel, the replay id of the last
 * change event stored. Callers save it in the transaction of the rows it covers.
 */
final class ReplayStore {
  private final Jdbc jdbc;

  ReplayStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** The org's channels and their replay ids. */
  Map<String, Long> all(String orgId) {
    Map<String, Long> ids = new LinkedHashMap<>();
    jdbc.query(
        "SELECT channel, replay_id FROM sync_replay WHERE org_id = ? ORDER BY channel",
        row -> ids.put(row.getString("channel"), row.getLong("replay_id")),
        orgId);
    return ids;
  }

  void save(String orgId, String channel, long replayId, Instant now) {
    jdbc.inTransaction(
        () -> {
          int changed =
              jdbc.update(
                  "UPDATE sync_replay SET replay_id = ?, updated_at = ? WHERE org_id = ?"
                      + " AND channel = ?",
                  replayId,
                  now,
                  orgId,
                  channel);
          if (changed == 0) {
            jdbc.update(
                "INSERT INTO sync_replay (org_id, channel, replay_id, updated_at)"
                    + " VALUES (?, ?, ?, ?)",
                orgId,
                channel,
                replayId,
                now);
          }
          return null;
        });
  }
}
