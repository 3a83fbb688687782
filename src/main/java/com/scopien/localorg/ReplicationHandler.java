package com.scopien.localorg;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The replication resources {@code GET /sobjects/{type}/updated/?start=&end=} and {@code
 * /deleted/?start=&end=}. Seconds are cut from both ends; a window covers {@code start <= t <
 * latestDateCovered}, where {@code latestDateCovered} is {@code end} or, when {@code end} lies
 * ahead, the current minute, so the next poll can start there without gaps or repeats. {@code
 * updated} reads SystemModstamp and reaches back 30 days; {@code deleted} reads the recycle bin,
 * reaches back 15 days, and says from when deletions are complete ({@code earliestDateAvailable}).
 * Bad windows are INVALID_REPLICATION_DATE.
 */
final class ReplicationHandler {

  static final Duration UPDATED_WINDOW = Duration.ofDays(30);
  static final int MAX_IDS = 600_000;

  /** A checked window: from {@code start} (inclusive) to {@code covered} (exclusive). */
  private record Window(Instant start, Instant covered) {
    boolean contains(Instant t) {
      return t != null && !t.isBefore(start) && t.isBefore(covered);
    }
  }

  private final RecordStore store;
  private final RecycleBin recycleBin;
  private final Clock clock;
  private final Instant orgCreated;

  ReplicationHandler(RecordStore store, RecycleBin recycleBin, Clock clock, Instant orgCreated) {
    this.store = store;
    this.recycleBin = recycleBin;
    this.clock = clock;
    this.orgCreated = orgCreated;
  }

  void updated(RestCall call) {
    ObjectDef object = DescribeHandler.objectOf(call, store.schema());
    Window window = window(call, UPDATED_WINDOW);
    List<String> ids = new ArrayList<>();
    for (StoredRecord row : store.rows(object)) {
      if (!row.deleted() && window.contains(row.systemModstamp())) {
        ids.add(row.id());
      }
    }
    checkSize(ids.size());
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("ids", ids);
    reply.put("latestDateCovered", WireFormat.formatDateTime(window.covered()));
    call.reply(200, reply);
  }

  void deleted(RestCall call) {
    ObjectDef object = DescribeHandler.objectOf(call, store.schema());
    recycleBin.purgeExpired();
    Window window = window(call, RecycleBin.RETENTION);
    List<Map<String, Object>> deleted = new ArrayList<>();
    for (StoredRecord row : store.rows(object)) {
      if (row.deleted() && window.contains(row.systemModstamp())) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", row.id());
        entry.put("deletedDate", WireFormat.formatDateTime(row.systemModstamp()));
        deleted.add(entry);
      }
    }
    checkSize(deleted.size());
    Instant earliest = recycleBin.newestPurged(object).orElse(orgCreated);
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("deletedRecords", deleted);
    reply.put("earliestDateAvailable", WireFormat.formatDateTime(earliest));
    reply.put("latestDateCovered", WireFormat.formatDateTime(window.covered()));
    call.reply(200, reply);
  }

  private Window window(RestCall call, Duration reach) {
    Instant start = parse(call, "start");
    Instant end = parse(call, "end");
    if (!start.isBefore(end)) {
      throw invalid("startDate must chronologically precede endDate");
    }
    Instant now = clock.instant();
    if (start.isBefore(now.minus(reach).truncatedTo(ChronoUnit.MINUTES))) {
      throw invalid("startDate cannot be more than " + reach.toDays() + " days ago");
    }
    Instant thisMinute = now.truncatedTo(ChronoUnit.MINUTES);
    Instant covered = end.isAfter(thisMinute) ? thisMinute : end;
    return new Window(start, covered.isBefore(start) ? start : covered);
  }

  private static Instant parse(RestCall call, String name) {
    String text = call.ctx().queryParam(name);
    if (text == null || text.isBlank()) {
      throw invalid("Missing required parameter: " + name);
    }
    try {
      // An unencoded '+' of the offset arrives as a space.
      return WireFormat.parseDateTime(text.trim().replace(' ', '+'))
          .truncatedTo(ChronoUnit.MINUTES);
    } catch (DateTimeParseException e) {
      throw invalid("Invalid " + name + " date: " + text);
    }
  }

  private static void checkSize(int size) {
    if (size > MAX_IDS) {
      throw ApiError.badRequest(
          "EXCEEDED_ID_LIMIT", "The window holds more than " + MAX_IDS + " records.");
    }
  }

  private static ApiError invalid(String message) {
    return ApiError.badRequest("INVALID_REPLICATION_DATE", message);
  }
}
