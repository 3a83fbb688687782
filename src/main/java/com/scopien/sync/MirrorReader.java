package com.scopien.sync;

import com.scopien.ScopienException;
import com.scopien.agent.LocalMirror;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.soql.EvaluationContext;
import com.scopien.soql.SoqlQuery;
import com.scopien.store.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads from the local mirror when it can answer exactly and is fresh: the object is selected, its
 * initial sync has finished, and it last matched Salesforce within the freshness window (by its
 * last successful sync, or the watermark of a real-time source). Otherwise the answer is empty and
 * the caller goes live.
 *
 * <p>What an answer holds: records not deleted (tombstones never show), with the values as they
 * read on the Scopien side, so a change made in Scopien and still waiting to be pushed already
 * shows; dates such as {@code TODAY} are evaluated in UTC. A parent path in SELECT ({@code
 * Account.Name}) is answered when the reader has the orgs' describes and the parent object is fresh
 * in the mirror too ({@link MirrorJoin}): the row then holds the parent as a nested {@link
 * com.scopien.salesforce.SObjectRecord} under the relationship name, or null, as Salesforce returns
 * it. Thread-safe.
 */
public final class MirrorReader implements LocalMirror {
  private static final Logger log = LoggerFactory.getLogger(MirrorReader.class);

  private final Jdbc jdbc;
  private final SyncSettingsService settings;
  private final CursorStore cursors;
  private final MirrorScan scan;
  private final MirrorParents parents;
  private final Describes describes;
  private final Duration window;
  private final MirrorFreshness realTime;
  private final Clock clock;
  private final MirrorSqlReader sql;
  private final boolean sqlReads;

  /** The describe of one object of an org; a client's cached describe costs no API call. */
  @FunctionalInterface
  public interface Describes {
    /**
     * @throws ScopienException when the org or object cannot be described
     */
    ObjectDescribe describe(Org org, String object);

    /** Describes through the orgs' clients, which cache them. */
    static Describes of(OrgDirectory orgs) {
      return (org, object) -> orgs.client(org).describe(object);
    }
  }

  /**
   * A reader that sends every parent path ({@code Account.Name}) live.
   *
   * @param window how old the last sync may be for the mirror to answer; zero turns the mirror off
   *     for reads
   * @param realTime a further freshness source (a change stream); {@link MirrorFreshness#none()}
   *     when there is none
   */
  public MirrorReader(
      Jdbc jdbc,
      SyncSettingsService settings,
      Duration window,
      MirrorFreshness realTime,
      Clock clock) {
    this(jdbc, settings, null, window, realTime, clock);
  }

  /**
   * A reader that also answers parent paths in SELECT, resolving them through {@code describes}.
   *
   * @param describes the queried objects' describes; null to send every parent path live
   */
  public MirrorReader(
      Jdbc jdbc,
      SyncSettingsService settings,
      Describes describes,
      Duration window,
      MirrorFreshness realTime,
      Clock clock) {
    this(jdbc, settings, describes, window, realTime, clock, true);
  }

  private MirrorReader(
      Jdbc jdbc,
      SyncSettingsService settings,
      Describes describes,
      Duration window,
      MirrorFreshness realTime,
      Clock clock,
      boolean sqlReads) {
    if (window.isNegative()) {
      throw new IllegalArgumentException("window must not be negative");
    }
    this.jdbc = jdbc;
    this.settings = settings;
    this.cursors = new CursorStore(jdbc);
    this.scan = new MirrorScan(jdbc);
    this.parents = new MirrorParents(jdbc);
    this.describes = describes;
    this.window = window;
    this.realTime = Objects.requireNonNull(realTime);
    this.clock = clock;
    this.sql = new MirrorSqlReader(jdbc, new MirrorTables(jdbc, clock));
    this.sqlReads = sqlReads;
  }

  /** This reader with {@code realTime} as its further freshness source (a live change stream). */
  public MirrorReader withRealTime(MirrorFreshness realTime) {
    return new MirrorReader(jdbc, settings, describes, window, realTime, clock, sqlReads);
  }

  /**
   * This reader answering in SQL over the typed mirror tables (the default), or, when false, by
   * reading each row's JSON from {@code sync_records} into Java as before (kept to compare the two
   * and as a way back). Aggregates are answered in SQL only.
   */
  public MirrorReader withSqlReads(boolean on) {
    return new MirrorReader(jdbc, settings, describes, window, realTime, clock, on);
  }

  @Override
  public Optional<Answer> read(Org org, SoqlQuery soql) {
    if (window.isZero()) {
      return Optional.empty();
    }
    Optional<MirrorQuery> query = MirrorQuery.of(soql);
    if (query.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Cursor> all = cursors.all(org.id());
    Map<String, SettingsStore.ObjectRow> rows = settings.store().objects(org.id());
    Cursor cursor = all.get(SyncDefaults.key(query.get().object()));
    Optional<Instant> asOf = fresh(org, cursor, rows);
    if (asOf.isEmpty()) {
      return Optional.empty();
    }
    Optional<MirrorJoin> join = Optional.of(MirrorJoin.NONE);
    if (!query.get().parentPaths().isEmpty()) {
      join = join(org, cursor, query.get(), all, rows);
      if (join.isEmpty()) {
        log.debug(
            "{} in org {}: a parent path is not in the mirror; going live", soql.from(), org.id());
        return Optional.empty();
      }
    }
    Instant oldest = join.get().asOf().filter(t -> t.isBefore(asOf.get())).orElse(asOf.get());
    if (sqlReads) {
      Optional<MirrorSqlReader.Result> result =
          sql.read(
              org.id(),
              cursor.object(),
              query.get(),
              join.get(),
              new EvaluationContext(clock, clock.getZone()));
      if (result.isEmpty()) {
        log.debug(
            "{} in org {}: not answerable in SQL from the mirror; going live",
            soql.from(),
            org.id());
      }
      return result.map(r -> new Answer(r.rows(), r.matched(), oldest));
    }
    try {
      MirrorScan.Result result =
          scan.run(
              org.id(),
              cursor.object(),
              join.get().scanned(query.get()),
              new EvaluationContext(clock, clock.getZone()));
      return Optional.of(
          new Answer(
              join.get().rows(org.id(), query.get(), result.rows(), parents),
              result.matched(),
              oldest));
    } catch (MirrorScan.NotInMirror e) {
      log.debug(
          "{} in org {}: a field the query reads is not synced; going live", soql.from(), org.id());
      return Optional.empty();
    }
  }

  @Override
  public Optional<AggregateAnswer> aggregate(Org org, SoqlQuery soql) {
    if (window.isZero() || !soql.isAggregate() || soql.isCount()) {
      return Optional.empty();
    }
    Map<String, SettingsStore.ObjectRow> rows = settings.store().objects(org.id());
    Cursor cursor = cursors.all(org.id()).get(SyncDefaults.key(soql.from()));
    Optional<Instant> asOf = fresh(org, cursor, rows);
    if (asOf.isEmpty()) {
      return Optional.empty();
    }
    return sql.aggregate(
            org.id(), cursor.object(), soql, new EvaluationContext(clock, clock.getZone()))
        .map(r -> new AggregateAnswer(r, asOf.get()));
  }

  private Optional<Instant> fresh(
      Org org, Cursor cursor, Map<String, SettingsStore.ObjectRow> rows) {
    if (cursor == null) {
      return Optional.empty();
    }
    return freshAsOf(
        settings.isSelected(rows, cursor.object()),
        cursor,
        realTime.syncedThrough(org.id(), cursor.object()),
        clock.instant(),
        window);
  }

  /** How the query's parent paths read from the mirror, or empty when one cannot be exact. */
  private Optional<MirrorJoin> join(
      Org org,
      Cursor cursor,
      MirrorQuery query,
      Map<String, Cursor> all,
      Map<String, SettingsStore.ObjectRow> rows) {
    if (describes == null) {
      return Optional.empty();
    }
    ObjectDescribe describe;
    try {
      describe = describes.describe(org, cursor.object());
    } catch (ScopienException e) {
      return Optional.empty();
    }
    return MirrorJoin.plan(
        describe,
        query,
        target -> {
          Cursor parent = all.get(SyncDefaults.key(target));
          return fresh(org, parent, rows).map(t -> new MirrorJoin.Fresh(parent.object(), t));
        });
  }

  /**
   * When the mirror of the object matched Salesforce, if that is recent enough to answer from it:
   * the object must be selected and past its initial sync; the later of its last finished sync and
   * the real-time watermark must be within {@code window} of {@code now}.
   */
  static Optional<Instant> freshAsOf(
      boolean selected,
      Cursor cursor,
      Optional<Instant> realTimeMark,
      Instant now,
      Duration window) {
    if (!selected || cursor == null || cursor.phase() != Cursor.Phase.INCREMENTAL) {
      return Optional.empty();
    }
    Instant asOf = cursor.lastSyncedAt();
    if (realTimeMark.isPresent() && (asOf == null || realTimeMark.get().isAfter(asOf))) {
      asOf = realTimeMark.get();
    }
    if (asOf == null || Duration.between(asOf, now).compareTo(window) > 0) {
      return Optional.empty();
    }
    return Optional.of(asOf.isAfter(now) ? now : asOf);
  }
}
