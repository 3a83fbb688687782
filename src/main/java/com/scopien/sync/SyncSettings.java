package com.scopien.sync;

import com.scopien.ScopienException;
import java.util.Locale;

/**
 * How one org syncs: how often, in which directions, and what happens when a record changed on both
 * sides. Objects may override the conflict policy (see {@link SyncObject#conflictPolicy()}).
 *
 * @param inbound Salesforce to Scopien
 * @param outbound Scopien to Salesforce
 */
public record SyncSettings(
    String orgId,
    Frequency frequency,
    boolean inbound,
    boolean outbound,
    ConflictPolicy conflictPolicy) {

  /** The defaults of a newly connected org: real-time, both directions, Salesforce wins. */
  static SyncSettings defaults(String orgId) {
    return new SyncSettings(orgId, Frequency.REAL_TIME, true, true, ConflictPolicy.SALESFORCE_WINS);
  }

  /** How often background sync runs. */
  public enum Frequency {
    REAL_TIME("real-time"),
    EVERY_15_MINUTES("15-minutes"),
    HOURLY("hourly"),
    MANUAL("manual");

    private final String wireName;

    Frequency(String wireName) {
      this.wireName = wireName;
    }

    /** The name the API and the config file use. */
    public String wireName() {
      return wireName;
    }

    /**
     * Reads a frequency as a person or a client writes it: {@code real-time}, {@code realtime},
     * {@code 15-minutes}, {@code 15m}, {@code hourly}, {@code manual}... case-insensitive.
     *
     * @throws ScopienException INVALID_INPUT {@code invalid_frequency} naming the accepted values
     */
    public static Frequency parse(String text) {
      String key =
          text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
      return switch (key) {
        case "real-time", "realtime", "real_time" -> REAL_TIME;
        case "15-minutes", "every-15-minutes", "15m", "15-min", "15min" -> EVERY_15_MINUTES;
        case "hourly", "every-hour", "1h", "60-minutes" -> HOURLY;
        case "manual", "manual-only", "off" -> MANUAL;
        default ->
            throw ScopienException.invalid(
                "invalid_frequency",
                "Frequency '"
                    + text
                    + "' is not known; use real-time, 15-minutes, hourly or manual.");
      };
    }
  }

  /** Who wins when a record changed on both sides since the last sync. */
  public enum ConflictPolicy {
    SALESFORCE_WINS("salesforce-wins"),
    SCOPIEN_WINS("scopien-wins"),
    MANUAL_REVIEW("manual-review");

    private final String wireName;

    ConflictPolicy(String wireName) {
      this.wireName = wireName;
    }

    /** The name the API and the config file use. */
    public String wireName() {
      return wireName;
    }

    /**
     * Reads a policy: {@code salesforce-wins}, {@code scopien-wins}, {@code manual-review} (or
     * {@code salesforce}, {@code scopien}, {@code manual}); case-insensitive.
     *
     * @throws ScopienException INVALID_INPUT {@code invalid_conflict_policy}
     */
    public static ConflictPolicy parse(String text) {
      String key =
          text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
      return switch (key) {
        case "salesforce-wins", "salesforce" -> SALESFORCE_WINS;
        case "scopien-wins", "scopien" -> SCOPIEN_WINS;
        case "manual-review", "manual" -> MANUAL_REVIEW;
        default ->
            throw ScopienException.invalid(
                "invalid_conflict_policy",
                "Conflict policy '"
                    + text
                    + "' is not known; use salesforce-wins, scopien-wins or manual-review.");
      };
    }
  }
}
