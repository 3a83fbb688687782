package com.scopien.sync;

import com.scopien.agent.LocalMirror;
import com.scopien.orgs.Org;
import com.scopien.soql.EvaluationContext;
import com.scopien.soql.SoqlQuery;
import com.scopien.store.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * shows; dates such as {@code TODAY} are evaluated in UTC. Thread-safe.
 */
public final class MirrorReader implements LocalMirror {
  private static final Logger log = LoggerFactory.getLogger(MirrorReader.class);

  private final Jdbc jdbc;
  private final SyncSettingsService settings;
  private final CursorStore cursors;
  private final MirrorScan scan;
  private final Duration window;
  private final MirrorFreshness realTime;
  private final Clock clock;

  /**
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
    if (window.isNegative()) {
      throw new IllegalArgumentException("window must not be negative");
    }
    this.jdbc = jdbc;
    this.settings = settings;
    this.cursors = new CursorStore(jdbc);
    this.scan = new MirrorScan(jdbc);
    this.window = window;
    this.realTime = Objects.requireNonNull(realTime);
    this.clock = clock;
  }

  /** This reader with {@code realTime} as its further freshness source (a live change stream). */
  public MirrorReader withRealTime(MirrorFreshness realTime) {
    return new MirrorReader(jdbc, settings, window, realTime, clock);
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
    Cursor cursor = cursors.all(org.id()).get(SyncDefaults.key(query.get().object()));
    if (cursor == null) {
      return Optional.empty();
    }
    boolean selected = settings.isSelected(settings.store().objects(org.id()), cursor.object());
    Optional<Instant> asOf =
        freshAsOf(
            selected,
            cursor,
            realTime.syncedThrough(org.id(), cursor.object()),
            clock.instant(),
            window);
    if (asOf.isEmpty()) {
      return Optional.empty();
    }
    try {
      MirrorScan.Result result =
          scan.run(
              org.id(),
              cursor.object(),
              query.get(),
              new EvaluationContext(clock, clock.getZone()));
      return Optional.of(new Answer(result.rows(), result.matched(), asOf.get()));
    } catch (MirrorScan.NotInMirror e) {
      log.debug(
          "{} in org {}: a field the query reads is not synced; going live", soql.from(), org.id());
      return Optional.empty();
    }
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
