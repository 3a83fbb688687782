package com.scopien.localorg;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Open query cursors: the plan and the rows it matched, kept as a snapshot when the query ran, so
 * later pages neither re-run the query nor shift when data changes. Cursors live two days (as since
 * API 56.0); the oldest are dropped beyond a cap, which a client sees as INVALID_QUERY_LOCATOR,
 * like an expired cursor. Thread-safe.
 */
final class QueryCursors {

  static final Duration LIFETIME = Duration.ofDays(2);
  private static final int MAX_OPEN = 200;

  /** A query's remaining rows and how to show them. */
  record Cursor(QueryPlan plan, List<StoredRecord> rows, boolean includeDeleted, Instant opened) {}

  private final IdGenerator locators;
  private final Clock clock;
  private final Map<String, Cursor> open =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cursor> eldest) {
          return size() > MAX_OPEN;
        }
      };

  QueryCursors(IdGenerator locators, Clock clock) {
    this.locators = locators;
    this.clock = clock;
  }

  synchronized String open(QueryPlan plan, List<StoredRecord> rows, boolean includeDeleted) {
    String locator = locators.next("01g");
    open.put(locator, new Cursor(plan, List.copyOf(rows), includeDeleted, clock.instant()));
    return locator;
  }

  synchronized Optional<Cursor> find(String locator) {
    Cursor cursor = open.get(locator);
    if (cursor != null && !clock.instant().isBefore(cursor.opened().plus(LIFETIME))) {
      open.remove(locator);
      return Optional.empty();
    }
    return Optional.ofNullable(cursor);
  }
}
