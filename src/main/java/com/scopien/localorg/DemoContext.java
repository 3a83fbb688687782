package com.scopien.localorg;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the demo generators share: the seeded random source, "now", the store, the users who own and
 * edit records, and the rows generated so far (in memory until {@link #flush}).
 */
final class DemoContext {

  private static final long TWO_YEARS_SECONDS = Duration.ofDays(730).toSeconds();

  final SplittableRandom random;
  final Instant now;
  final LocalDate today;
  final RecordStore store;
  final LocalOrgOptions.Scale scale;
  final List<String> userIds = new ArrayList<>();
  private final List<StoredRecord> pending = new ArrayList<>();

  DemoContext(long seed, Instant now, RecordStore store, LocalOrgOptions.Scale scale) {
    this.random = new SplittableRandom(seed);
    this.now = now.truncatedTo(ChronoUnit.MILLIS);
    this.today = LocalDate.ofInstant(this.now, ZoneOffset.UTC);
    this.store = store;
    this.scale = scale;
  }

  DemoRow row(String object) {
    ObjectDef def = store.schema().get(object);
    return new DemoRow(def, store.newId(def));
  }

  /** The demo user; owns about a third of the records. */
  String johnDoe() {
    return userIds.get(0);
  }

  String someUser() {
    return random.nextInt(3) == 0 ? johnDoe() : userIds.get(random.nextInt(userIds.size()));
  }

  /** A creation time in the past two years. */
  Instant createdInPastTwoYears() {
    return now.minusSeconds(86_400 + random.nextLong(TWO_YEARS_SECONDS - 86_400))
        .truncatedTo(ChronoUnit.MILLIS);
  }

  /** A creation time earlier today (UTC, the org's time zone). */
  Instant createdToday() {
    Instant midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();
    long span = Duration.between(midnight, now).toMillis();
    return midnight.plusMillis(span <= 0 ? 0 : random.nextLong(span));
  }

  /** Stamps owner and audit fields: created at {@code created}, maybe edited since. */
  DemoRow audit(DemoRow row, Instant created) {
    String creator = someUser();
    Instant modified = created;
    String modifier = creator;
    if (random.nextInt(10) < 6) {
      long span = Duration.between(created, now).toMillis();
      modified = span <= 0 ? created : created.plusMillis(random.nextLong(span));
      modifier = someUser();
    }
    if (hasOwner(row) && row.get("OwnerId") == null) {
      row.set("OwnerId", creator);
    }
    return row.set("CreatedDate", created)
        .set("CreatedById", creator)
        .set("LastModifiedDate", modified)
        .set("LastModifiedById", modifier)
        .set("SystemModstamp", modified);
  }

  private boolean hasOwner(DemoRow row) {
    return store
        .schema()
        .byKeyPrefix(SalesforceIds.keyPrefix(row.id()))
        .map(object -> object.hasField("OwnerId"))
        .orElse(false);
  }

  /** A random first and last name other than the reserved one of a named record. */
  String[] personName(String reservedFirst, String reservedLast) {
    while (true) {
      String first = DemoVocabulary.pick(random, DemoVocabulary.FIRST_NAMES);
      String last = DemoVocabulary.pick(random, DemoVocabulary.LAST_NAMES);
      if (!(first.equals(reservedFirst) && last.equals(reservedLast))) {
        return new String[] {first, last};
      }
    }
  }

  int count(int fullCount) {
    return scale.of(fullCount);
  }

  boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  void add(StoredRecord row) {
    pending.add(row);
  }

  void flush() {
    store.putAll(pending);
    pending.clear();
  }
}
