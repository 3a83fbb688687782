package com.scopien.localorg;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recycle bin's retention: deleted rows stay visible (queryAll, the {@code deleted} resource)
 * for 15 days by the org's clock, then are purged for good. Purging runs lazily, at most once a
 * minute of org time, when something reads deleted rows. The newest deletion date purged per object
 * is kept, since that is what {@code earliestDateAvailable} reports. Thread-safe.
 */
final class RecycleBin {

  static final Duration RETENTION = Duration.ofDays(15);

  private final RecordStore store;
  private final RecordWriter writer;
  private final Clock clock;
  private final Map<String, Instant> newestPurged = new ConcurrentHashMap<>();
  private long lastPurgeMinute = Long.MIN_VALUE;

  RecycleBin(RecordStore store, RecordWriter writer, Clock clock) {
    this.store = store;
    this.writer = writer;
    this.clock = clock;
  }

  /** Purges rows deleted more than 15 days ago, unless that was done this minute already. */
  synchronized void purgeExpired() {
    Instant now = clock.instant();
    long minute = now.getEpochSecond() / 60;
    if (minute == lastPurgeMinute) {
      return;
    }
    lastPurgeMinute = minute;
    Instant horizon = now.minus(RETENTION);
    for (ObjectDef object : store.schema().objects()) {
      if (!object.softDeletes()) {
        continue;
      }
      for (StoredRecord row : store.rows(object)) {
        Instant deletedAt = row.systemModstamp();
        if (row.deleted() && deletedAt.isBefore(horizon)) {
          writer.purge(row);
          newestPurged.merge(object.name(), deletedAt, (a, b) -> a.isAfter(b) ? a : b);
        }
      }
    }
  }

  /** When the newest purged deletion of the object happened (to the minute), if any was purged. */
  Optional<Instant> newestPurged(ObjectDef object) {
    return Optional.ofNullable(newestPurged.get(object.name()))
        .map(i -> i.truncatedTo(ChronoUnit.MINUTES));
  }
}
