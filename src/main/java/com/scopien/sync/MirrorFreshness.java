package com.scopien.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * Another source of "the mirror of this object matched Salesforce at" besides finished sync runs: a
 * real-time change stream plugs in here with its watermark. {@link MirrorReader} takes the latest
 * of its sources. Implementations must be thread-safe and cheap (called once per read).
 */
@FunctionalInterface
public interface MirrorFreshness {

  /**
   * When the mirror of {@code object} (its API name, any case) in the org last held every change
   * Salesforce had, or empty when this source does not know.
   */
  Optional<Instant> syncedThrough(String orgId, String object);

  /** A source that never knows: freshness comes from sync runs alone. */
  static MirrorFreshness none() {
    return (orgId, object) -> Optional.empty();
  }
}
