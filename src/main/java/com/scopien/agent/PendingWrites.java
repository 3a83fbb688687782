package com.scopien.agent;

import java.time.Duration;
import java.util.Optional;

/**
 * At most one pending write per conversation. A new one replaces the old; one older than {@link
 * #EXPIRY} is gone, so a "yes" typed an hour later changes nothing. Implementations are
 * thread-safe, and {@link #take} hands a write to one caller only, so a double click, or two
 * instances sharing the store, carry it out at most once.
 */
interface PendingWrites {
  Duration EXPIRY = Duration.ofMinutes(15);

  void put(PendingWrite write);

  /** The conversation's pending write, if it has one that has not expired. */
  Optional<PendingWrite> peek(String conversationId);

  /** Removes and returns the pending write; a second caller gets nothing (no double apply). */
  Optional<PendingWrite> take(String conversationId);
}
